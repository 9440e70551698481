"""Classes of name the matcher once missed or confused, each with the entry lists
give for it and the look-alikes that used to win; the entries are written for these
tests in the shape of their OFAC SDN and UN rows (names, aliases, countries)."""

import csv

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query
from laborwatch.match.readings import CHINESE_PATH, JAPANESE_PATH, LEXICON_PATH
from tests.match.helpers import first

ENTRIES = [
    ListEntry(
        "15950", "Company", "BANDAR IMAM PETROCHEMICAL COMPANY", countries=("IR",)
    ),
    ListEntry("11618", "Company", "NATIONAL PETROCHEMICAL COMPANY", countries=("IR",)),
    ListEntry("9333", "Organization", "JAMI'A AL-AHSAN AL-KHAYRIYYAH"),
    ListEntry("12951", "Company", "BNSA CO"),
    ListEntry("6900", "Organization", "ISLAMIC ARMY OF ADEN"),
    ListEntry("48280", "Company", "KNH SHIPPING LTD."),
    ListEntry(
        "15537",
        "Organization",
        "IMAM HOSSEIN UNIVERSITY",
        aliases=("IMAM HUSSEIN UNIVERSITY", "EMAM HOSEYN COMPREHENSIVE UNIVERSITY"),
        countries=("IR",),
    ),
    ListEntry("16909", "Company", "HOMS REFINERY COMPANY"),
    ListEntry("16908", "Company", "BANIAS REFINERY COMPANY"),
    ListEntry("44970", "Company", "HMS GROUP JSC", countries=("RU",)),
    ListEntry("15918", "Organization", "AL-DUNYA TELEVISION"),
    ListEntry("11911", "Organization", "AL-AQSA TV"),
    ListEntry("26899", "Organization", "LANA TV"),
    ListEntry("KPi.061", "Person", "KIM NAM UNG", countries=("KP",)),
    ListEntry("KPi.044", "Person", "KIM CHOL NAM", countries=("KP",)),
    ListEntry("23154", "Company", "KOREA RUNGRADO SHIPPING CO", countries=("KP",)),
    ListEntry("17068", "Company", "KOREA MIRAE SHIPPING CO. LTD.", countries=("KP",)),
    ListEntry("26931", "Company", "JUI ZONG SHIP MANAGEMENT CO LTD", countries=("TW",)),
    ListEntry("18953", "Company", "HAEJIN SHIP MANAGEMENT COMPANY LIMITED"),
    ListEntry("30346", "Organization", "BONYAD MOSTAZAFAN", countries=("IR",)),
    ListEntry("25370", "Company", "BAVAND", countries=("IR",)),
    ListEntry("30367", "Company", "BONYAD IMPORT AND EXPORT CO", countries=("IR",)),
    ListEntry("12880", "Person", "AL-MOALLEM, Walid"),
    ListEntry("15254", "Person", "WALID, Ibrahim"),
    ListEntry("17284", "Person", "SALMAN, Maalim"),
    ListEntry("10480", "Person", "AHMADIAN, Ali Akbar", countries=("IR",)),
    ListEntry("29787", "Person", "POUREBRAHIMABADI, Aliakbar", countries=("IR",)),
    ListEntry("20963", "Person", "HAMDAN, Mamun"),
    ListEntry("9342", "Person", "GHAZALI, Rustum", countries=("SY",)),
    ListEntry("30229", "Person", "RUSTOM, Saqr"),
    ListEntry("12919", "Organization", "ABU GHAZALEH"),
    ListEntry(
        "25639",
        "Company",
        "EXPORT DEVELOPMENT BANK OF IRAN",
        aliases=("BANK TOSEE SADERAT IRAN",),
        countries=("IR",),
    ),
    ListEntry(
        "10368",
        "Company",
        "BANK SADERAT IRAN",
        aliases=("IRAN EXPORT BANK",),
        countries=("IR",),
    ),
    ListEntry("12112", "Person", "MUSAVI, Hossein", countries=("IR",)),
    ListEntry("27850", "Person", "SALAMI, Hossein", countries=("IR",)),
    ListEntry("maskan", "Company", "BANK MASKAN", countries=("IR",)),
    ListEntry("gardeshgari", "Company", "GARDESHGARI BANK", countries=("IR",)),
    ListEntry("slcb", "Company", "SYRIAN LEBANESE COMMERCIAL BANK", countries=("SY",)),
    ListEntry("KPe.046", "Organization", "Strategic Force", countries=("KP",)),
    # Persons spelt "Hussain", as many as the lists give a common name: the one
    # "Hussein" in a body's name must still be among the names aligned.
    *(
        ListEntry(f"h{number}", "Person", f"HUSSAIN, Given{number:04d}")
        for number in range(1000)
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([("us_ofac_sdn", entry) for entry in ENTRIES])


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        # Persian and Arabic words the lists keep (Imam, Bandar) or translate
        # (comprehensive, refinery, television).
        ("پتروشیمی بندر امام", "IR", "15950"),
        ("دانشگاه جامع امام حسین", "IR", "15537"),
        ("شركة مصفاة بانياس", "SY", "16908"),
        # A word beside translated ones is compared by its consonants: "hms".
        ("شركة مصفاة حمص", "SY", "16909"),
        ("قناة الدنيا", "SY", "15918"),
        # صادرات is "export" here, a name in Bank Saderat.
        ("بانک توسعه صادرات ایران", None, "25639"),
        ("بانک صادرات ایران", "IR", "10368"),
        # Persian reads ض as z (Mostazafan); the ayn (ع, "`") is inside a word.
        ("بنیاد مستضعفان", "IR", "30346"),
        # A Persian compound name joined by a zero-width non-joiner.
        ("علی\u200cاکبر احمدیان", "IR", "10480"),
    ],
)
def test_names_in_arabic_script_find_the_listed_form(
    matcher: Matcher, name: str, country: str | None, expected: str
) -> None:
    assert first(matcher, Query(name, country=country), 0.0) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kim Nam-woong", "KPi.061"),  # 웅: "woong" in the press, "Ung" on lists
        ("Korea Neungnado Shipping Co", "23154"),  # 릉라도: South n-, North r-
        ("주이종 선박관리", "26931"),  # Hangul writes the z of "Jui Zong" as j
    ],
)
def test_korean_names_in_south_korean_spellings(
    matcher: Matcher, name: str, expected: str
) -> None:
    assert first(matcher, Query(name), 0.0) == expected


def test_ayn_is_read_inside_the_word(matcher: Matcher) -> None:
    """anyascii writes ع as "`": "m`lm" is one word, Moallem, not "m" and "lm"."""
    assert first(matcher, Query("وليد المعلم", country="SY"), 0.8) == "12880"


def test_arabic_final_vowel_written_with_h(matcher: Matcher) -> None:
    """The taa marbuta: "Ghazaleh" is the list's "Ghazali" a vowel off."""
    assert first(matcher, Query("Rustom Ghazaleh"), 0.0) == "9342"


def test_arabic_article_joined_to_a_name(matcher: Matcher) -> None:
    """ "Addounia" is ad-Dunya, the article assimilated, in French spelling."""
    assert first(matcher, Query("Addounia TV"), 0.0) == "15918"


def test_a_spelling_a_letter_off_is_aligned_among_many_exact_ones(
    matcher: Matcher,
) -> None:
    assert first(matcher, Query("Imam Hussain Univ."), 0.0) == "15537"


def test_hyphenated_given_name_is_another_person(matcher: Matcher) -> None:
    hits = matcher.match(Query("Mir-Hossein Mousavi", "Person", "IR"))
    assert hits == []
    # Written apart, the name is still found where nothing is added.
    assert first(matcher, Query("Hossein Mousavi", "Person", "IR"), 0.65) == "12112"


@pytest.mark.parametrize(
    ("name", "expected", "least"),
    [
        ("Maj. Gen. Hossein Salami", "27850", DEFAULT_THRESHOLD),  # a rank
        ("Bank-e Maskan", "maskan", DEFAULT_THRESHOLD),  # the Persian ezafe
        ("Gardeshgari Bank of Iran", "gardeshgari", DEFAULT_THRESHOLD),  # its country
        ("Syrian Lebanese Comm. Bank", "slcb", 0.9),
        ("KPA Strategic Force", "KPe.046", 0.9),  # the Korean People's Army: Korea
    ],
)
def test_words_that_add_nothing_cost_nothing(
    matcher: Matcher, name: str, expected: str, least: float
) -> None:
    assert first(matcher, Query(name), least) == expected


def test_hit_record_keeps_its_keys_and_order(matcher: Matcher) -> None:
    record = matcher.match(Query("Homs Refinery Company"))[0].record()
    assert list(record) == [
        "list",
        "entry_id",
        "schema",
        "caption",
        "matched_name",
        "score",
        "countries",
        "programs",
        "features",
    ]
    assert record["features"][0]["name"] == "name"
    assert record["countries"] == [] and isinstance(record["programs"], list)


@pytest.mark.parametrize("path", [LEXICON_PATH, CHINESE_PATH, JAPANESE_PATH])
def test_every_lexicon_row_gives_its_source(path: object) -> None:
    with open(str(path), encoding="utf-8", newline="") as rows:
        read = list(csv.DictReader(rows))
    assert read
    assert all(row["source"].strip() and row["english"].strip() for row in read)
