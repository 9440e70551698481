"""Classes of name the matcher missed on the thirty-third held-out set: Hong Kong
officials in Chinese characters, whom the lists write in the Hong Kong
Government's Cantonese romanisation (鄧炳強, TANG, Ping-keung), and Korean given
names typed with their last two letters swapped ("Chlo" for Chol). The entries are
written for these tests in the shape of the lists' rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from laborwatch.match.cantonese import cantonese_readings
from laborwatch.match.readings import CANTONESE
from tests.match.helpers import first, listed_person


def _hong_kong_official(entry_id: str, name: str, alias: str) -> ListEntry:
    return ListEntry(entry_id, "Person", name, aliases=(alias,), countries=("CN",))


MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            _hong_kong_official("29249", "LAM, Carrie", "LAM CHENG, Yuet-ngor"),
            _hong_kong_official("29242", "TANG, Chris", "TANG, Ping-keung"),
            _hong_kong_official("29260", "CHAN, Eric", "CHAN, Kwok-ki"),
            listed_person("23512", "RYANG, Tae Chol", "KP"),
            listed_person("27211", "KANG, Chol Hak", "KP"),
            listed_person("35315", "SHUVALOV, Igor Ivanovich", "RU", "SHUVALOV, Igor"),
            listed_person("35320", "PESKOV, Dmitriy Sergeevich", "RU"),
            listed_person(
                "33513", "BASKAU, Dzmitriy Yurievich", "BY", "BASKOV, Dmitry"
            ),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "schema", "country", "entry_id"),
    [
        ("林鄭月娥", "Person", "HK", "29249"),
        ("鄧炳強", "Person", "HK", "29242"),
        ("陈国基", "Person", "HK", "29260"),  # simplified
        ("Ryang Tae Chlo", "Person", "KP", "23512"),
        ("Kang Chol Hka", "Person", "KP", "27211"),
    ],
)
def test_the_listed_entry_is_found(
    query: str, schema: str, country: str, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, schema, country)) == entry_id


def test_cantonese_is_written_as_hong_kong_identity_cards_write_it() -> None:
    # The table gives 炳 as "bing"; the Government writes an unaspirated p as "p".
    assert cantonese_readings("鄧炳強") == ("tang ping keung",)
    assert "chan kwok ki" in cantonese_readings("陳國基")


def test_only_a_persons_name_of_hong_kong_or_macau_is_read_in_cantonese() -> None:
    # A body's longer name is translated by the lists, not romanised.
    assert cantonese_readings("中國銀行香港分行") == ()
    assert cantonese_readings("Lam 鄭") == ()
    for query in (Query("鄧炳強", "Person", "CN"), Query("鄧炳強", "Person")):
        assert not any(
            feature.detail.get("how") == CANTONESE
            for hit in MATCHER.match(query, threshold=0.0)
            for feature in hit.features
        )
