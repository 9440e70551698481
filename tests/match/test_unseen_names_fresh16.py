"""Classes of name the matcher missed on the sixteenth held-out set: supplier
files' shortenings of business words ("Comml", "Petrochem", "Pharma"); and not
another body that shares the rest of the name, nor "Jt", which is a name too.
The entries are written for these tests in the shape of OFAC SDN rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_body("23004", "KORYO COMMERCIAL BANK LTD.", "KP"),
            listed_body("23003", "JINSONG JOINT BANK", "KP"),
            ListEntry("10351", "Person", "TORRES FELIX, Javier", aliases=("EL JT",)),
            listed_body("40989", "MEHR PETROCHEMICAL COMPANY", "IR"),
            listed_body("12481", "MEHR BANK", "IR"),
            listed_body(
                "45308", "JINHU MINSHENG PHARMACEUTICAL MACHINERY CO. LTD", "CN"
            ),
            listed_body("9345", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "KP"),
            listed_body("16085", "DAEDONG CREDIT BANK", "KP"),
            listed_body("29240", "MILITARY CONSTRUCTION ESTABLISHMENT", "SY"),
            listed_body("12215", "SECOND ACADEMY OF NATURAL SCIENCES", "KP"),
            listed_body("4", "ST. VITAMIN", "US"),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "country", "entry_id"),
    [
        ("Koryo Comml Bank Ltd", "KP", "23004"),
        ("Mehr Petrochem Co", "IR", "40989"),
        ("Jinhu Minsheng Pharma Machinery", "CN", "45308"),
    ],
)
def test_a_shortened_or_korean_business_word_finds_the_body(
    query: str, country: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, country=country)) == entry_id


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("Koryo Comml Insurance", "KP"),  # another body of the same stem
        ("Mehr Pharma Co", "IR"),  # a pharmaceutical firm is no petrochemical one
        ("Jinsong Jt Trading", "KP"),
        ("Joint Co", None),  # not EL JT read as "joint"
    ],
)
def test_the_rest_of_the_name_still_has_to_agree(
    query: str, country: str | None
) -> None:
    assert first(MATCHER, Query(query, country=country)) is None


@pytest.mark.parametrize(
    ("query", "country", "entry_id"),
    [
        ("Kor. Mining Dev. Trdg. Corp.", "KP", "9345"),
        ("Daedong Cr. Bank", "KP", "16085"),
        ("Mil. Construction Establishment", "SY", "29240"),
        ("Second Academy of Nat. Sciences", "KP", "12215"),
    ],
)
def test_a_word_cut_short_with_a_full_stop_is_the_word_it_starts(
    query: str, country: str, entry_id: str
) -> None:
    hits = MATCHER.match(Query(query, country=country))
    assert hits and hits[0].entry_id == entry_id
    name = next(f for f in hits[0].features if f.name == "name")
    assert any(pair["how"] == "abbreviation" for pair in name.detail["pairs"])


@pytest.mark.parametrize(
    ("query", "country"),
    [
        ("Mil. Housing Establishment", "SY"),  # another establishment
        ("Daedong Cr Bank Branch", "KP"),  # no full stop: "Cr" is no cut word
        ("Star Vitamin", None),  # a listed "ST." cuts no query word short
    ],
)
def test_a_cut_word_does_not_make_another_name_its_own(
    query: str, country: str | None
) -> None:
    assert first(MATCHER, Query(query, country=country)) is None
