"""Classes of name the matcher missed or mistook on the twenty-second held-out set:
허 as the South's press writes it ("Huh Young-il", HO Yong Il); a French "gu"
before i in a Persian name ("Guilan", GILAN); a Russian plural adjective
(moshchnykh, power) and word (tranzistorov, transistor). Against false alarms: a
Korean name of a surname and one syllable is not a listed person whose hyphenated
given name holds that syllable (백호, Paek Ho, and PAEK, Ch'ang-Ho). The entries
are written for these tests in the shape of the lists' rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            ListEntry(
                "23000",
                "Person",
                "HO, Yong Il",
                aliases=("HO', Yo'ng-il",),
                programs=("DPRK4",),
            ),
            ListEntry(
                "15667",
                "Person",
                "PAEK, Chang-Ho",
                aliases=("PAEK, Ch'ang-Ho",),
                programs=("NPWMD",),
            ),
            listed_body("25927", "GILAN ELECTRICITY TRANSMISSION DEVELOPMENT", "IR"),
            listed_body(
                "48521",
                "AKTSIONERNOE OBSHCHESTVO FRYAZINSKII ZAVOD MOSHCHNYKH TRANZISTOROV",
                "RU",
            ),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "schema", "country", "entry_id"),
    [
        ("Huh Young-il", "Person", "KP", "23000"),
        ("Heo Yong-il", "Person", "KP", "23000"),
        ("Guilan Electricity Transmission Development", "Organization", "IR", "25927"),
        ("Fryazino Power Transistor Plant JSC", "Organization", "RU", "48521"),
    ],
)
def test_the_listed_entry_is_found(
    query: str, schema: str, country: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, schema, country)) == entry_id


def test_a_syllable_of_a_hyphenated_given_name_is_another_name() -> None:
    # Baekho, a South Korean singer, by his stage name.
    assert first(MATCHER, Query("백호", "Person", "KR")) is None
    assert first(MATCHER, Query("Paek Chang-ho", "Person")) == "15667"


@pytest.mark.parametrize("query", ["Guilan Province", "Fryazino City Administration"])
def test_a_place_named_like_a_listed_body_is_no_alarm(query: str) -> None:
    assert first(MATCHER, Query(query, "Organization")) is None
