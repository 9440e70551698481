"""Western names written by sound in Hangul or katakana are found by their
consonants: 던 마린 매니지먼트 is DAWN MARINE MANAGEMENT CO LTD, ラザルス・グループ
the LAZARUS GROUP. Korean and Chinese names are not read so; a name that
shares one word's sound with a listed one is not it, nor is a name of unknown kind
a person whose short words sound alike. The entries are written for
these tests in the shape of OFAC SDN rows."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from laborwatch.match.matcher import AS_SOUNDED
from laborwatch.match.sounds import (
    english_sound,
    hangul_sound,
    is_loanword,
    katakana_sound,
    sounded,
)
from tests.match.helpers import first


def _entity(entry_id: str, name: str, schema: str = "Organization") -> ListEntry:
    return ListEntry(entry_id, schema, name, countries=("KP",), programs=("DPRK4",))


MATCHER = Matcher(
    [
        ("us_ofac_sdn", entry)
        for entry in (
            _entity("23151", "DAWN MARINE MANAGEMENT CO LTD"),
            _entity("1", "LAZARUS GROUP"),
            _entity("24917", "KOREA EXPO JOINT VENTURE"),
            _entity("2", "MARINE STAR SHIPPING"),
            _entity("3", "YANUKOVYCH, Viktor Fedorovych", "Person"),
            # Names whose consonants everyday Japanese and Korean names share.
            _entity("4", "HASAN, As'ad", "Person"),
            _entity("5", "ORION STAR"),
            _entity("6", "A A TRADING FZCO"),
            _entity("7", "NACHO CORONEL", "Person"),
            _entity("8", "HAFSAT, Abu", "Person"),
            _entity("9", "GOLDEN STAR TRADING LLC"),
        )
    ]
)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("lazarus", "ljls"),
        ("management", "mnjmnt"),
        ("pioneer", "pn"),  # no r after the last vowel is said
        ("venture", "bnc"),
        ("Viktor", "bkt"),
        ("expo", "ksp"),
    ],
)
def test_an_english_word_is_keyed_by_its_consonants(word: str, key: str) -> None:
    assert english_sound(word) == key


def test_hangul_and_katakana_give_the_english_words_keys() -> None:
    assert hangul_sound("매니지먼트") == english_sound("management")
    assert hangul_sound("파이오니어") == english_sound("pioneer")
    assert katakana_sound("ラザルス") == english_sound("lazarus")
    assert katakana_sound("ヴィクトル") == english_sound("Viktor")
    assert katakana_sound("ベンチャー") == english_sound("venture")
    # Both scripts tell g from k: "Gold" is not "Cloud".
    assert katakana_sound("ゴールド") == english_sound("gold") != english_sound("cloud")


def test_a_loanword_is_told_by_the_vowel_korean_adds_after_a_consonant() -> None:
    assert is_loanword("매니지먼트")  # 트
    assert is_loanword("앨리스")  # 스
    assert not is_loanword("삼성전자")
    assert not is_loanword("대성총국")


def test_only_names_written_by_sound_are_read_so() -> None:
    assert sounded("삼성전자") is None  # Sino-Korean
    assert sounded("김정은") is None
    assert sounded("朝鮮永邦總公司") is None  # characters
    assert sounded("チョンソン連合") is None  # katakana beside characters
    assert sounded("스타") is None  # too few consonants to tell a name
    assert sounded("オーシャン・スター") is None  # Ocean Star: "sn st", anyone's
    # A key of two consonants weighs as a common word does.
    assert sounded("던 마린 매니지먼트") == [("dn", 0.6), ("mln", 1.0), ("mnjmnt", 1.0)]
    # 사 (company) written onto a loanword is no sound of its name.
    assert sounded("던 마린 매니지먼트사") == sounded("던 마린 매니지먼트")
    # but a Western name's own -osa, -esa, -usa stays (Espinosa, Barbosa).
    assert sounded("에스피노사 마린") == [("spns", 1.0), ("mln", 1.0)]


@pytest.mark.parametrize(
    ("query", "entry_id"),
    [
        ("던 마린 매니지먼트", "23151"),
        ("던 마린 매니지먼트사", "23151"),
        ("ラザルス・グループ", "1"),
        ("라자루스 그룹", "1"),
        ("コリア・エキスポ・ジョイント・ベンチャー", "24917"),
        ("ゴールデン・スター・トレーディング", "9"),  # ング is the English -ng
    ],
)
def test_a_western_name_in_hangul_or_katakana_finds_the_entry(
    query: str, entry_id: str
) -> None:
    hits = MATCHER.match(Query(query, country="KP"))
    assert hits and hits[0].entry_id == entry_id
    reading = next(f for f in hits[0].features if f.name == "reading")
    assert reading.detail["how"] == AS_SOUNDED
    assert hits[0].score <= 0.8  # a lead to review, never "high" on its own


def test_a_person_in_katakana_without_the_patronymic_ranks_first_below_alert() -> None:
    query = Query("ヴィクトル・ヤヌコビッチ", schema="Person")
    assert first(MATCHER, query, threshold=0.5) == "3"
    assert first(MATCHER, query) is None  # a listed name word lacks


@pytest.mark.parametrize(
    "query",
    [
        "마린 테크놀로지",  # Marine Technology: one word of two listed names
        "던 마린 서비스",  # Dawn Marine Service: a word in place of another
        "マリン・スター",  # Marine Star, without its shipping
        "라자루스 호텔",  # Lazarus Hotel
        "オーシャン・スター",  # Ocean Star, not HASAN, As'ad
        "スター・ライン",  # Star Line, not ORION STAR
        "트레이딩",  # Trading, not A A TRADING FZCO
        "그린 에너지",  # Green Energy, not the person NACHO CORONEL
        "ファースト・バンク",  # First Bank, not HAFSAT, Abu
    ],
)
def test_a_name_that_shares_only_part_of_the_sound_is_not_matched(
    query: str,
) -> None:
    assert first(MATCHER, Query(query)) is None


def test_concurrent_first_queries_by_sound_all_find_the_entry() -> None:
    # The sound index is built on the first such query; the web app shares a
    # matcher between threads, which must not see it half built.
    from concurrent.futures import ThreadPoolExecutor

    matcher = Matcher(
        [("us_ofac_sdn", _entity(str(n), f"TRADING HOUSE {n}")) for n in range(3000)]
        + [("us_ofac_sdn", _entity("1", "LAZARUS GROUP"))]
    )
    with ThreadPoolExecutor(max_workers=4) as pool:
        found = list(
            pool.map(lambda _: first(matcher, Query("ラザルス・グループ")), range(4))
        )
    assert found == ["1"] * 4
