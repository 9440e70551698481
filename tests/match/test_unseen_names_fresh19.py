"""Classes of name the matcher missed or mistook on the nineteenth held-out set: a
North Korean body written after the bodies above it ("조선인민군 총참모부 정찰총국");
무역사 and Japanese kanji for a trading firm; ㄹ before ㅎ, which McCune–Reischauer
writes r and lists l (철현, CH'OLHYO'N); supplier files' shortenings without a full
stop ("Expl", "Recon", "Lab"); a North Korea programme entry placed only where it
works abroad. Against false alarms: a Japanese bank's kanji are not read in Korean;
a query naming only the body above a listed one ("Russian Academy of Sciences") is
not that body; a South Korean is not a North Korean listed in Russia. The entries
are written for these tests in the shape of the lists' rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first, listed_body


def _listed_abroad(entry_id: str, schema: str, name: str, *countries: str) -> ListEntry:
    """A North Korea programme entry the list places only where it works."""
    return ListEntry(entry_id, schema, name, countries=countries, programs=("DPRK3",))


MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            listed_body("12210", "RECONNAISSANCE GENERAL BUREAU", "KP"),
            listed_body(
                "40135", "MINISTRY OF STATE SECURITY BORDER GUARD GENERAL BUREAU", "KP"
            ),
            listed_body("11599", "KOREA TANGUN TRADING CORPORATION", "KP"),
            listed_body("9345", "KOREA MINING DEVELOPMENT TRADING CORPORATION", "KP"),
            listed_body("12696", "BANK OF EAST LAND", "KP", "TONGBANG BANK"),
            listed_body(
                "39145",
                "INSTITUTE OF SPECTROSCOPY OF THE RUSSIAN ACADEMY OF SCIENCES",
                "RU",
            ),
            listed_body("25396", "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES", "IR"),
            listed_body("20581", "KOREA OIL EXPLORATION CORPORATION", "KP"),
            listed_body("43337", "TECHNICAL RECONNAISSANCE BUREAU", "KP"),
            listed_body("10130", "NATIONAL STANDARDS AND CALIBRATION LABORATORY", "SY"),
            _listed_abroad(
                "23084",
                "Company",
                "CH'OLHYO'N OVERSEAS CONSTRUCTION COMPANY",
                "KW",
                "DZ",
            ),
            _listed_abroad("23013", "Person", "RI, U'n-so'ng", "RU"),
            listed_body("41976", "AKTSIONERNOE OBSHCHESTVO PROTON", "RU"),
            listed_body("50001", "KOREA SUNGRI TRADING CORPORATION", "KP"),
            listed_body("50002", "KOREA DAESONG BANK", "KP"),
            listed_body(
                "10391",
                "ISLAMIC REVOLUTIONARY GUARD CORPS",
                "IR",
                "ARMY OF THE GUARDIANS OF THE ISLAMIC REVOLUTION",
            ),
            listed_body(
                "22543", "PRIVATE MILITARY COMPANY 'WAGNER'", "RU", "WAGNER GROUP"
            ),
        )
    ]
)


@pytest.mark.parametrize(
    ("query", "country", "entry_id"),
    [
        ("조선인민군 총참모부 정찰총국", "KP", "12210"),
        ("국가안전보위성 국경경비총국", "KP", "40135"),
        ("檀君貿易社", "KP", "11599"),
        ("朝鮮鉱業開発貿易社", "KP", "9345"),
        ("철현건설", "KP", "23084"),
        # kanji read in Korean where the query is not Japanese
        ("東邦銀行", None, "12696"),
        ("Institute of Spectroscopy, Russian Academy of Sciences", "RU", "39145"),
        # "of" after a country's name makes no body above
        ("Iran Shipping Lines", "IR", "25396"),
        ("Korea Oil Expl Corp", "KP", "20581"),
        ("Technical Recon Bureau", "KP", "43337"),
        ("National Standards & Calibration Lab", "SY", "10130"),
        ("AO Proton", "RU", "41976"),
        # a front in another country that names itself Korean: a lead to review
        ("Choson Sungri Trading Co.", "CN", "50001"),
        # kanji that name Korea are read in Korean, whoever writes them
        ("朝鮮大成銀行", "JP", "50002"),
        # words after an "of" that name no body are no body above
        ("East Land Bank", "KP", "12696"),
        ("Guardians of the Islamic Revolution", "IR", "10391"),
        # a listed body working from a third country, by its own name
        ("Wagner Group", "ML", "22543"),
    ],
)
def test_the_listed_body_is_found(
    query: str, country: str | None, entry_id: str
) -> None:
    assert first(MATCHER, Query(query, country=country)) == entry_id


@pytest.mark.parametrize(
    ("query", "schema", "country"),
    [
        # The Toho Bank, Fukushima: a Japanese name in its own kanji.
        ("東邦銀行", "Organization", "JP"),
        ("Russian Academy of Sciences", "Organization", "RU"),
        # A South Korean of the name of a North Korean listed in Russia.
        ("Lee Eun-sung", "Person", "KR"),
    ],
)
def test_a_look_alike_finds_no_one(
    query: str, schema: str, country: str | None
) -> None:
    assert first(MATCHER, Query(query, schema, country)) is None
