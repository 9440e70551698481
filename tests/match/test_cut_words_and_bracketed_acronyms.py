"""A word cut short finds the word a list writes even where the matcher reads that
word in another form ("Bur." for BUREAU, read as "office"); "Kor." is Korea, not
Koryo; and a listed name that ends in its acronym in brackets is found in full
without it. The entries are written for these tests in the shape of the lists'
rows."""

import pytest

from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body

MATCHER = Matcher(
    [
        (
            "un_sc_consolidated",
            listed_body("KPe.031", "RECONNAISSANCE GENERAL BUREAU", "KP"),
        ),
        (
            "un_sc_consolidated",
            listed_body("KPe.007", "GENERAL BUREAU OF ATOMIC ENERGY (GBAE)", "KP"),
        ),
        (
            "un_sc_consolidated",
            listed_body("KPe.025", "KOREA KWANGSON BANKING CORPORATION (KKBC)", "KP"),
        ),
        ("us_ofac_sdn", listed_body("23004", "KORYO COMMERCIAL BANK LTD.", "KP")),
        ("us_ofac_sdn", listed_body("43337", "TECHNICAL RECONNAISSANCE BUREAU", "KP")),
    ]
)


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("Reconnaissance General Bur.", "KPe.031"),
        ("General Bur. of Atomic Energy", "KPe.007"),
    ],
)
def test_a_cut_word_finds_the_word_the_list_writes(query: str, entry_id: str) -> None:
    hits = MATCHER.match(Query(query, country="KP"))
    assert hits and hits[0].entry_id == entry_id
    name = next(f for f in hits[0].features if f.name == "name")
    assert any(pair["how"] == "abbreviation" for pair in name.detail["pairs"])


def test_a_cut_word_is_no_other_word_of_its_letters() -> None:
    # "Dept." begins "department", which no bureau is.
    assert first(MATCHER, Query("Reconnaissance General Dept.", country="KP")) is None


def test_kor_cut_short_is_korea_not_koryo() -> None:
    assert first(MATCHER, Query("Kor. Commercial Bank Ltd.", country="KP")) is None
    hits = MATCHER.match(Query("Koryo Commercial Bank Ltd.", country="KP"))
    assert hits[0].entry_id == "23004"


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("General Bureau of Atomic Energy", "KPe.007"),
        ("Korea Kwangson Banking Corporation", "KPe.025"),
    ],
)
def test_a_listed_name_in_full_needs_no_bracketed_acronym(
    query: str, entry_id: str
) -> None:
    hits = MATCHER.match(Query(query))
    assert hits[0].entry_id == entry_id
    assert hits[0].score == pytest.approx(1.0)


def test_the_bracketed_acronym_alone_still_finds_the_body() -> None:
    assert first(MATCHER, Query("GBAE")) == "KPe.007"
    assert first(MATCHER, Query("KKBC")) == "KPe.025"
