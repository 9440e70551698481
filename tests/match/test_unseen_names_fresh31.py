"""Classes of name the matcher missed on the thirty-first held-out set: Persian
names as French writes them ("Iradj Masdjedi", dj for ج) and the Chinese words of
Iranian state bodies and airlines (伊朗伊斯兰共和国, 航天, 组织, 航空公司, 钢铁, 大学).
The entries are written for these tests in the shape of the lists' rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from laborwatch.match.readings import readings
from tests.match.helpers import first, listed_body, listed_person

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_person("30182", "MASJEDI, Iraj", "IR"),
            listed_body("25396", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "IR"),
            listed_body("9348", "AEROSPACE INDUSTRIES ORGANIZATION", "IR"),
            listed_body("12927", "MAHAN AIR", "IR"),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "schema", "country", "entry_id"),
    [
        ("Iradj Masdjedi", "Person", "IR", "30182"),
        ("Iradj Masdjedi", "Person", None, "30182"),
        ("伊朗伊斯兰共和国航运公司", "Organization", "IR", "25396"),
        ("伊朗航天工业组织", "Organization", "IR", "9348"),
        ("马汉航空公司", "Organization", "IR", "12927"),
    ],
)
def test_the_listed_entry_is_found(
    query: str, schema: str, country: str | None, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, schema, country)) == entry_id


def test_islam_alone_is_no_word_read_in_english() -> None:
    # 伊斯兰银行 read "islamic bank" met GAMA'A AL-ISLAMIYYA's alias ISLAMIC GROUP.
    listed = ListEntry("1", "Organization", "GAMA'A AL-ISLAMIYYA", ("ISLAMIC GROUP",))
    matcher = Matcher([("us_ofac_sdn", listed)])
    assert first(matcher, Query("伊斯兰银行", "Organization", "CN")) is None


def test_french_is_read_only_where_it_shows() -> None:
    # No dj, tch, and no East Slavic country: no French reading.
    assert not any(
        how == "French transliteration"
        for how, _text in readings("Mansour Youssef", persian=True)
    )
