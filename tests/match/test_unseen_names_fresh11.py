"""Classes of name the matcher missed on the eleventh held-out set: supplier-file
abbreviations ("Coml", "Ctr", "Equip.", "Petchem", "NE" for North East), a typo
that swaps two letters, pinyin syllables run together, South Korean spellings of
North Korean names ("Koh", "-young"), a Korean post after a person's name,
Persian, Arabic and Russian institutional words whose list form is a translation
(ذوب آهن, steel; معدنی, mining; ثروة, resources; верфь, shipyard), a Russian name
in guillemets with its legal form's acronym (АФК «Система»), initials after a
surname ("Kudrin A.L."), Chinese company words in characters, and a Syrian
branch by the name after its number. The entries are written for these tests in
the shape of OFAC SDN rows, with look-alikes."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query
from laborwatch.match.normalise import tokenise

_KP = {"countries": ("KP",), "programs": ("DPRK3",)}
ENTRIES = [
    ListEntry("23004", "Organization", "KORYO COMMERCIAL BANK LTD.", **_KP),
    ListEntry("20572", "Organization", "KORYO BANK", **_KP),
    ListEntry("20568", "Organization", "NORTH EAST ASIA BANK", **_KP),
    ListEntry("19630", "Organization", "KOREA FOREIGN TECHNICAL TRADE CENTER", **_KP),
    ListEntry(
        "9521", "Organization", "KOREA COMPLEX EQUIPMENT IMPORT CORPORATION", **_KP
    ),
    ListEntry("9523", "Organization", "KOREA KWANGSONG TRADING CORPORATION", **_KP),
    ListEntry("23776", "Vessel", "XIN GUANG HAI", programs=("DPRK3",)),
    ListEntry("22990", "Person", "KO, Chol Man", **_KP),
    ListEntry("48267", "Person", "HAN, Chol Man", **_KP),
    ListEntry("21747", "Person", "CHOE, Chun Yong", **_KP),
    ListEntry("19498", "Person", "CHOE, Chun-sik", **_KP),
    ListEntry("20126", "Person", "KIM, Ki Nam", **_KP),
    ListEntry("22286", "Person", "KIM, Su-Kwang", **_KP),
    ListEntry("37916", "Organization", "JAM PETROCHEMICAL COMPANY", countries=("IR",)),
    ListEntry(
        "11618", "Organization", "NATIONAL PETROCHEMICAL COMPANY", countries=("IR",)
    ),
    ListEntry("28284", "Organization", "ESFAHAN STEEL COMPANY", countries=("IR",)),
    ListEntry("28285", "Organization", "KHORASAN STEEL COMPANY", countries=("IR",)),
    ListEntry("34143", "Organization", "ISFAHAN CENTRAL PRISON", countries=("IR",)),
    ListEntry("30380", "Organization", "TEHRAN CEMENT COMPANY", countries=("IR",)),
    ListEntry(
        "28294",
        "Organization",
        "GOLGOHAR MINING AND INDUSTRIAL COMPANY",
        countries=("IR",),
    ),
    ListEntry(
        "11607",
        "Organization",
        "IRANIAN MINES AND MINING INDUSTRIES DEVELOPMENT AND RENOVATION ORGANIZATION",
        countries=("IR",),
    ),
    ListEntry(
        "36037",
        "Organization",
        "BALTIC SHIPYARD JSC",
        aliases=("BALTIC PLANT",),
        countries=("RU",),
    ),
    ListEntry(
        "45698",
        "Organization",
        "BALTIYSKAYA PROMISHLENNAYA KOMPANIYA",
        countries=("RU",),
    ),
    ListEntry(
        "36048",
        "Organization",
        "PUBLIC JOINT STOCK COMPANY SHIPBUILDING PLANT SEVERNAYA VERF",
        aliases=("SEVERNAYA SHIPYARD",),
        countries=("RU",),
    ),
    ListEntry(
        "37030",
        "Organization",
        "JOINT STOCK COMPANY NORTHERN SHIPPING COMPANY",
        countries=("RU",),
    ),
    ListEntry(
        "40924",
        "Organization",
        "BANK SAINT-PETERSBURG PUBLIC JOINT STOCK COMPANY",
        countries=("RU",),
    ),
    ListEntry(
        "20285",
        "Organization",
        "AO 'INSTITUTE GIPROSTROYMOST-SAINT-PETERSBURG'",
        countries=("RU",),
    ),
    ListEntry(
        "45613",
        "Organization",
        "SISTEMA PUBLIC JOINT STOCK FINANCIAL CORPORATION",
        countries=("RU",),
    ),
    ListEntry("46017", "Organization", "SISTEMA SMARTTEKH", countries=("RU",)),
    ListEntry("44149", "Person", "KUDRIN, Aleksey Leonidovich", countries=("RU",)),
    ListEntry(
        "46669",
        "Organization",
        "CHANG GUANG SATELLITE TECHNOLOGY CO., LTD.",
        countries=("CN",),
    ),
    ListEntry("45391", "Person", "ZHANG, Wei", countries=("CN",)),
    ListEntry(
        "48810",
        "Organization",
        "CHONGQING ZONGSHEN AERO ENGINE MANUFACTURING CO LTD",
        countries=("CN",),
    ),
    ListEntry(
        "23769", "Organization", "SHEN ZHONG INTERNATIONAL SHPG", countries=("CN",)
    ),
    ListEntry(
        "32353",
        "Organization",
        "SYRIAN MILITARY INTELLIGENCE BRANCH 235 - PALESTINE",
        countries=("SY",),
        programs=("SYRIA",),
    ),
    ListEntry(
        "32340",
        "Organization",
        "SYRIAN MILITARY INTELLIGENCE BRANCH 290 - ALEPPO BRANCH",
        countries=("SY",),
        programs=("SYRIA",),
    ),
    ListEntry(
        "7918", "Organization", "PALESTINIAN ASSOCIATION IN AUSTRIA", countries=("AT",)
    ),
    ListEntry(
        "30130",
        "Organization",
        "SYRIAN MINISTRY OF PETROLEUM AND MINERAL RESOURCES",
        programs=("SYRIA",),
    ),
    ListEntry(
        "29942", "Organization", "SYRIAN MINISTRY OF TOURISM", programs=("SYRIA",)
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([("us_ofac_sdn", entry) for entry in ENTRIES])


@pytest.mark.parametrize(
    ("query", "schema", "country", "expected"),
    [
        # Supplier-file abbreviations.
        ("Koryo Coml Bank", "Organization", "KP", "23004"),
        ("NE Asia Bank Ltd", "Organization", "KP", "20568"),
        ("Korea Complex Equip Import Corp", "Organization", "KP", "9521"),
        ("Jam Petchem Company", "Organization", "IR", "37916"),
        # Two letters swapped.
        ("Korea Kwangsong Tradign Corporation", "Organization", "KP", "9523"),
        # Pinyin syllables run together.
        ("Xinguanghai", None, None, "23776"),
        # South Korean spellings.
        ("Koh Chol-man", "Person", None, "22990"),
        ("Choi Chun-young", "Person", None, "21747"),
        # A post after a Korean person's name.
        ("김기남 비서", "Person", "KP", "20126"),
        # Persian institutional words.
        ("Zob Ahan Esfahan", "Organization", "IR", "28284"),
        ("ذوب آهن اصفهان", "Organization", "IR", "28284"),
        ("سیمان تهران", "Organization", "IR", "30380"),
        ("شرکت معدنی و صنعتی گل\u200cگهر", "Organization", "IR", "28294"),
        # Russian words translated, and a name in guillemets.
        ("Балтийский завод", "Organization", "RU", "36037"),
        ("Northern Shipyard", "Organization", "RU", "36048"),
        ("Банк «Санкт-Петербург»", "Organization", "RU", "40924"),
        ("АФК «Система»", "Organization", "RU", "45613"),
        # Initials after the surname.
        ("Kudrin A.L.", "Person", "RU", "44149"),
        # A Syrian branch by its name, and Arabic ministry words.
        ("Palestine Branch", "Organization", "SY", "32353"),
        ("فرع فلسطين", "Organization", "SY", "32353"),
        ("وزارة النفط والثروة المعدنية", "Organization", "SY", "30130"),
    ],
)
def test_unseen_name_finds_its_entry(
    matcher: Matcher, query: str, schema: str | None, country: str | None, expected: str
) -> None:
    hits = matcher.match(Query(query, schema, country), threshold=0.0)
    assert hits and hits[0].entry_id == expected, hits[:2]
    assert hits[0].score >= DEFAULT_THRESHOLD, hits[:2]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # "Tech." read as technology, the listed TECHNICAL: first, though low.
        ("Korea Foreign Tech Trade Ctr", "19630"),
        ("长光卫星技术有限公司", "46669"),
        ("重庆宗申航空发动机制造有限公司", "48810"),
    ],
)
def test_abbreviated_or_chinese_words_rank_their_entry_first(
    matcher: Matcher, query: str, expected: str
) -> None:
    """The place and trade name are read from the characters as anyascii reads
    them (长 as "zhang", 重 as "zhong"), so the score stays low; the business
    words in English put the entry first."""
    hits = matcher.match(Query(query, "Organization", None), threshold=0.0)
    assert hits and hits[0].entry_id == expected, hits[:2]


@pytest.mark.parametrize(
    ("query", "schema", "country"),
    [
        # A football club of a company's name is not the company.
        ("Zob Ahan Esfahan F.C.", "Organization", "IR"),
        # Egypt's ministry of the same words is not Syria's.
        ("وزارة البترول والثروة المعدنية", "Organization", "EG"),
    ],
)
def test_look_alike_stays_below_threshold(
    matcher: Matcher, query: str, schema: str, country: str | None
) -> None:
    assert not matcher.match(Query(query, schema, country)), query


def test_supplier_abbreviations_read_as_words() -> None:
    assert [token.text for token in tokenise("NE Asia Coml Ctr")] == [
        "north",
        "east",
        "asia",
        "commercial",
        "center",
    ]
