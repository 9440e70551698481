"""A query far longer than any listed name (a supplier file's cell holding a
paragraph, a crafted URL path) is compared by its first words, and the parts that
read it scan it once."""

from laborwatch.match import Matcher, Query
from laborwatch.match.matcher import (
    _HYPHENATED,
    MAX_NAME_LENGTH,
    _first_characters,
    _hyphen_partners,
)
from laborwatch.match.normalise import in_english
from tests.match.helpers import listed_body

MATCHER = Matcher(
    [("us_ofac_sdn", listed_body("11581", "KOREA KWANGSON BANKING CORP", "KP", "KKBC"))]
)


def test_a_long_name_is_cut_after_a_whole_word() -> None:
    name = "Korea Kwangson Banking Corp " + "Pyongyang branch " * 100
    cut = _first_characters(name)
    assert len(cut) <= MAX_NAME_LENGTH
    assert name.startswith(cut) and name[len(cut)] == " "
    # one unbroken word is cut where the limit falls
    assert _first_characters("A" * 60_000) == "A" * MAX_NAME_LENGTH


def test_a_long_name_matches_as_its_first_words_do() -> None:
    long = "KKBC " + "Pyongyang " * 10_000
    assert [h.entry_id for h in MATCHER.match(Query(long), threshold=0.0)] == [
        h.entry_id for h in MATCHER.match(Query(_first_characters(long)), threshold=0.0)
    ]
    assert MATCHER.match(Query("Korea Kwangson Banking Corp"))[0].entry_id == "11581"


def test_hyphenated_words_are_found_only_from_the_start_of_a_run() -> None:
    assert _hyphen_partners("Mir-Hossein Mousavi") == {
        "mir": "hossein",
        "hossein": "mir",
    }
    # no match inside a run of letters, which would be tried from each letter
    assert _HYPHENATED.findall("A" * 50_000) == []
    assert _HYPHENATED.findall("x" + "A" * 1000 + "-b") == [("x" + "A" * 1000, "b")]


def test_a_compound_is_split_only_at_a_lexicon_words_length_from_its_end() -> None:
    assert in_english("biznesservis") == ("business", "service")
    word = "a" * 100_000 + "servis"
    assert in_english(word) == ("a" * 100_000, "service")
