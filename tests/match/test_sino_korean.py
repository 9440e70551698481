"""North Korean persons and bodies written in Chinese characters, as Chinese and
Japanese media and Chinese trade records write them, read in Korean: the lists
romanise the Korean reading or translate the body, which Mandarin pinyin misses."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query
from laborwatch.match.readings import readings
from laborwatch.match.sino_korean import sino_korean

_KP = {"countries": ("KP",), "programs": ("DPRK3",)}
ENTRIES = [
    ListEntry("1", "Person", "CHOE, Ryong Hae", **_KP),
    ListEntry("2", "Person", "CHOE, Pu Il", **_KP),
    ListEntry("3", "Person", "RI, Yong Sik", **_KP),
    ListEntry("4", "Person", "KIM, Jong Sik", **_KP),
    ListEntry("5", "Organization", "KOREA DAESONG BANK", **_KP),
    ListEntry("6", "Organization", "SECOND ECONOMIC COMMITTEE", **_KP),
    ListEntry("10", "Organization", "KOREA DAESONG TRADING CORPORATION", **_KP),
    ListEntry("11", "Organization", "KOREA DAESONG GENERAL TRADING CORPORATION", **_KP),
    ListEntry("7", "Organization", "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED", **_KP),
    ListEntry(
        "8", "Organization", "KOREA MINING DEVELOPMENT TRADING CORPORATION", **_KP
    ),
    ListEntry(
        "9",
        "Organization",
        "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD",
        countries=("CN",),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([("us_ofac_sdn", entry) for entry in ENTRIES])


@pytest.mark.parametrize(
    ("written", "hangul"),
    [
        ("崔龙海", "최룡해"),  # simplified 龙 made 龍 first
        ("朝鲜大成银行", "조선대성은행"),
        ("遠洋海運管理会社", "원양해운관리회사"),  # Japanese 会 read as 會
        ("朝鲜第二经济委员会", "조선제2경제위원회"),  # the lexicon's ordinal
        ("金正恩", "김정은"),  # 金 as a surname is 김, not 금
        ("金星", "금성"),
        ("朝鲜大成贸易总公司", "조선대성무역총회사"),  # 总公司 is Korean 총회사
        # The dictionary reading, as the North writes it (the South: 이, 노).
        ("李英植", "리영식"),
        ("朝鮮労働党", "조선로동당"),
    ],
)
def test_chinese_characters_read_in_korean(written: str, hangul: str) -> None:
    assert sino_korean(written) == hangul


def test_latin_has_no_korean_reading() -> None:
    assert sino_korean("Choe Ryong Hae") is None


@pytest.mark.parametrize(
    ("query", "schema", "entry"),
    [
        ("崔龙海", "Person", "1"),
        ("李英植", "Person", "3"),
        ("金正植", "Person", "4"),
        ("朝鲜大成银行", "Organization", "5"),
        ("朝鲜第二经济委员会", "Organization", "6"),
        ("朝鲜大成贸易总公司", "Organization", "11"),
        ("遠洋海運管理会社", "Organization", "7"),
    ],
)
def test_korean_reading_finds_the_entry(
    matcher: Matcher, query: str, schema: str, entry: str
) -> None:
    hits = matcher.match(Query(query, schema, "KP"))
    assert hits and hits[0].entry_id == entry, (query, hits[:2])
    how = next(f.detail["how"] for f in hits[0].features if f.name == "reading")
    assert how.startswith("Sino-Korean, "), how


@pytest.mark.parametrize("query", ["이영식", "李英植"])
def test_south_korean_initial_sound_reads_as_the_north(
    matcher: Matcher, query: str
) -> None:
    # hanja's own translate, and South Korean text, write 李 as 이; the lists,
    # after the North, write RI.
    hits = matcher.match(Query(query, "Person", "KP"))
    assert hits and hits[0].entry_id == "3"


@pytest.mark.parametrize(
    "query",
    [
        "崔富一",  # Choe Pu Il is 崔富日: one character apart, another name
        "崔龙洙",  # Choe Ryong Su, not listed
        "朴奉珠",  # Pak Pong Ju, not listed here
    ],
)
def test_unlisted_official_stays_below_threshold(matcher: Matcher, query: str) -> None:
    hits = matcher.match(Query(query, "Person", "KP"), threshold=DEFAULT_THRESHOLD)
    assert not [hit for hit in hits if hit.entry_id == "1"], (query, hits[:2])


def test_chinese_company_keeps_its_mandarin_reading(matcher: Matcher) -> None:
    name = "丹东鸿祥实业发展有限公司"
    hits = matcher.match(Query(name, "Organization", "CN"))
    assert hits and hits[0].entry_id == "9"
    assert not any(how.startswith("Sino-Korean") for how, _ in readings(name))
