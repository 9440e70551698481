"""Classes of name the matcher missed, or wrongly matched, on the ninth held-out
set: a number written in words ("Bureau Thirty-Nine" for OFFICE 39), a Russian
adjective made from a place name ("Orsk" for ORSKIY), a short Arabic name whose
vowels are romanised another way ("Fuad", FOAD; "Waheed", WAHID; "Youssef",
YUSUF), a Russian name in German transliteration ("Sadornow", ZADORNOV), and a
Burmese name that lacks one of a listed name's words ("Min Thu" is
not THU, Yin Min). The entries are written for these tests in the shape of their
OFAC SDN rows (names, countries, programmes), with look-alikes."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query

ENTRIES = [
    ListEntry("12209", "Organization", "OFFICE 39", countries=("KP",)),
    ListEntry("31000", "Organization", "OFFICE 38", countries=("KP",)),
    ListEntry(
        "48033",
        "Organization",
        "JOINT STOCK COMPANY ORSKIY MACHINE BUILDING PLANT",
        countries=("RU",),
    ),
    ListEntry(
        "17255", "Organization", "MYTISHCHI MACHINE BUILDING PLANT", countries=("RU",)
    ),
    ListEntry("24535", "Person", "SALEHI, Foad", countries=("IR",), programs=("IRGC",)),
    ListEntry(
        "24536", "Person", "SALEHI, Ali Akbar", countries=("IR",), programs=("IRGC",)
    ),
    ListEntry(
        "22066", "Person", "HUSAYN, Wahid", countries=("SY",), programs=("SYRIA",)
    ),
    ListEntry(
        "22067", "Person", "HUSAYN, Mohammed", countries=("SY",), programs=("SYRIA",)
    ),
    ListEntry(
        "21983", "Person", "AL-HATUM, Yusuf", countries=("SY",), programs=("SYRIA",)
    ),
    ListEntry(
        "21984", "Person", "AL-HATUM, Rami", countries=("SY",), programs=("SYRIA",)
    ),
    ListEntry("31942", "Person", "THU, Yin Min", countries=("MM",)),
    ListEntry("36396", "Person", "ZADORNOV, Mikhail Mikhaylovich", countries=("RU",)),
    ListEntry("36397", "Person", "ZADORIN, Mikhail", countries=("RU",)),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([("us_ofac_sdn", entry) for entry in ENTRIES])


@pytest.mark.parametrize(
    ("query", "schema", "country", "expected"),
    [
        # A number in words is its digits.
        ("Bureau Thirty-Nine", "Organization", None, "12209"),
        ("Office Thirty Nine", "Organization", "KP", "12209"),
        # A Russian adjective of a place (-skiy) is the place's name.
        ("AO Orsk Machine-Building Plant", "Organization", "RU", "48033"),
        # Short Arabic and Persian given names, vowels romanised another way.
        ("Fuad Salehi", "Person", None, "24535"),
        ("Waheed Hussein", "Person", "SY", "22066"),
        ("Youssef al-Hatoum", "Person", None, "21983"),
        # A Russian name in German transliteration.
        ("Michail Sadornow", "Person", None, "36396"),
    ],
)
def test_unseen_name_finds_its_entry(
    matcher: Matcher, query: str, schema: str, country: str | None, expected: str
) -> None:
    hits = matcher.match(Query(query, schema, country), threshold=0.0)
    assert hits and hits[0].entry_id == expected, hits[:2]
    assert hits[0].score >= DEFAULT_THRESHOLD


@pytest.mark.parametrize(
    ("query", "schema", "country"),
    [
        # Another number is another office.
        ("Bureau Thirty-Seven", "Organization", "KP"),
        # A short name's vowels at its end are another name: "Rima" is not Rami.
        ("Rima al-Hatum", "Person", "SY"),
        # A Burmese name without one of the listed name's words is another person.
        ("Min Thu", "Person", "MM"),
    ],
)
def test_look_alike_stays_below_threshold(
    matcher: Matcher, query: str, schema: str, country: str | None
) -> None:
    assert not matcher.match(Query(query, schema, country)), query
