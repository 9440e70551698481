"""Classes of name the matcher missed on the twenty-fifth held-out set: "Tech" for
technical as for technology, Russian дж as "j" ("Jabarov", DZHABAROV), литейный
(foundry) and станко- (machine tool), "manufacture" as a common word in an Arabic
body's English name, Persian ایزوتوپ and سرمایه گذاری written apart, and
traditional Chinese business words (實業, 發展), read in a Chinese firm's name given
with Japan too. Against false alarms: a Japanese bank's kanji read in pinyin, a
name of generic words only, a technological university for a technical one, and a
generic name in another order. The entries are written for these tests in the
shape of the lists' rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body, listed_person

MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_body("19630", "KOREA FOREIGN TECHNICAL TRADE CENTER", "KP"),
            listed_person("16665", "DZHABAROV, Vladimir", "RU"),
            listed_body(
                "47801", "LIMITED LIABILITY COMPANY SASOVSKI LITEINY ZAVOD", "RU"
            ),
            listed_body(
                "48527", "LIMITED LIABILITY COMPANY SREDNEVOLZHSKY STANKOZAVOD", "RU"
            ),
            listed_body(
                "30664", "AL-AMER FOR MANUFACTURE OF CONCRETE AND FLAGSTONE", "SY"
            ),
            listed_body("25628", "PARS ISOTOPE COMPANY", "IR"),
            listed_body("16034", "GHADIR INVESTMENT COMPANY", "IR"),
            listed_body(
                "20564", "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD", "CN"
            ),
            ListEntry(
                "KPe.013",
                "Organization",
                "BANK OF EAST LAND",
                aliases=("Dongbang BANK",),
                countries=("KP",),
                programs=("DPRK",),
            ),
            listed_body(
                "48440",
                "INFORMATION TELECOMMUNICATION TECHNOLOGIES JOINT STOCK COMPANY",
                "RU",
            ),
            listed_body("17029", "BAUMAN MOSCOW STATE TECHNICAL UNIVERSITY", "RU"),
            listed_body(
                "7132", "UMMAH TAMEER E-NAU", "PK", "FOUNDATION FOR CONSTRUCTION"
            ),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "schema", "country", "entry_id"),
    [
        ("Korea Foreign Tech Trade Center", "Organization", "KP", "19630"),
        ("Vladimir Jabarov", "Person", "RU", "16665"),
        ("Sasovsky Foundry Plant", "Organization", "RU", "47801"),
        ("Srednevolzhsky Machine Tool Plant", "Organization", "RU", "48527"),
        ("Al-Amer Concrete & Flagstone", "Organization", "SY", "30664"),
        ("شرکت پارس ایزوتوپ", "Organization", "IR", "25628"),
        ("سرمایه گذاری غدیر", "Organization", "IR", "16034"),
        ("丹東鴻祥實業發展有限公司", "Organization", "CN", "20564"),
        # A Chinese legal form or simplified characters: a Chinese firm, whatever
        # country is given.
        ("丹東鴻祥實業發展有限公司", "Organization", "JP", "20564"),
        ("丹东鸿祥实业发展", "Organization", "JP", "20564"),
        # Kanji of no given country are read in pinyin and in Korean.
        ("東邦銀行", "Organization", None, "KPe.013"),
    ],
)
def test_the_listed_entry_is_found(
    query: str, schema: str, country: str | None, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, schema, country)) == entry_id


@pytest.mark.parametrize(
    ("query", "country"),
    [
        # The Toho Bank of Fukushima, in its own kanji: no pinyin "Dongbang".
        ("東邦銀行", "JP"),
        # Common words only.
        ("Info Tech Ltd", None),
        # технологический is not технический: another university.
        ("Moscow State University of Technology", "RU"),
        # "For" still counts: another order of generic words is another name.
        ("Construction Foundation", "US"),
    ],
)
def test_a_look_alike_is_no_alarm(query: str, country: str | None) -> None:
    assert first(MATCHER, Query(query, "Organization", country)) is None
