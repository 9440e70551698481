"""Names as reports and supplier files write them, against entries written for
these tests in the shape the OFAC and UN lists give them."""

import pytest

from laborwatch.lists.entry import ListEntry
from laborwatch.match import Matcher, Query
from tests.match.helpers import first

ENTRIES = [
    ListEntry(
        "11581",
        "Company",
        "KOREA KWANGSON BANKING CORP",
        aliases=("KKBC",),
        countries=("KP",),
        programs=("NPWMD",),
    ),
    ListEntry(
        "12210",
        "Organization",
        "MUNITIONS INDUSTRY DEPARTMENT",
        aliases=("MILITARY SUPPLIES INDUSTRY DEPARTMENT",),
        countries=("KP",),
        programs=("DPRK2",),
    ),
    ListEntry(
        "12213",
        "Organization",
        "SECOND ECONOMIC COMMITTEE",
        countries=("KP",),
        programs=("DPRK2",),
    ),
    ListEntry(
        "22323",
        "Organization",
        "KOREA COMPUTER CENTER",
        aliases=("KCC",),
        countries=("KP",),
        programs=("DPRK3",),
    ),
    ListEntry(
        "23012",
        "Organization",
        "LAZARUS GROUP",
        weak_aliases=("APPLEWORM",),
        countries=("KP",),
        programs=("DPRK3",),
    ),
    ListEntry(
        "9345",
        "Company",
        "KOREA MINING DEVELOPMENT TRADING CORPORATION",
        aliases=("KOMID", "CHANGGWANG SINYONG CORPORATION"),
        countries=("KP",),
        programs=("NPWMD",),
    ),
    ListEntry(
        "25000",
        "Company",
        "CHOSON INTERNATIONAL CHEMICALS JOINT VENTURE COMPANY",
        countries=("KP",),
        programs=("NPWMD",),
    ),
    ListEntry(
        "KPi.066",
        "Person",
        "KIM YO JONG",
        countries=("KP",),
        birth_dates=("1989-09-26",),
        programs=("DPRK",),
    ),
    ListEntry(
        "KPi.067",
        "Person",
        "KIM JONG UN",
        countries=("KP",),
        birth_dates=("1984-01-08",),
        identifiers=(("Passport", "645120069"),),
        programs=("DPRK",),
    ),
    ListEntry(
        "34737",
        "Company",
        "SOVCOMBANK",
        countries=("RU",),
        programs=("RUSSIA-EO14024",),
    ),
    ListEntry(
        "25677",
        "Company",
        "BANK TEJARAT",
        countries=("IR",),
        programs=("IRAN",),
    ),
    ListEntry(
        "26665",
        "Person",
        "MILLER, Alexey Borisovich",
        countries=("RU",),
        programs=("UKRAINE-EO13662",),
    ),
    ListEntry(
        "16666",
        "Person",
        "TIMCHENKO, Gennadiy Nikolayevich",
        countries=("RU",),
        programs=("UKRAINE-EO13661",),
    ),
]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher([("us_ofac_sdn", entry) for entry in ENTRIES])


@pytest.mark.parametrize(
    "query",
    [
        "Korea Kwangson Bkg Corp.",
        "KOREA KWANGSON BANKING CO.,LTD",
        "Kwangson Banking Corporation, Korea",
        "Korea Kwangson Bank",
        "KKBC",
        "Korea Kwangson Banking Corp (KKBC)",
        "조선광선은행",
    ],
)
def test_abbreviations_acronyms_and_hangul_find_the_bank(
    matcher: Matcher, query: str
) -> None:
    assert first(matcher, Query(query)) == "11581"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("군수공업부", "12210"),  # listed by its English name, not "Kunsu Kongop Pu"
        ("Kunsu Kongop Pu", "12210"),
        ("제2경제위원회", "12213"),
        ("Che 2 Kyongje Wiwonhoe", "12213"),
        ("2nd Economic Committee", "12213"),
        ("Second Economic Commission", "12213"),
    ],
)
def test_names_listed_in_translation(
    matcher: Matcher, query: str, expected: str
) -> None:
    (hit, *_) = matcher.match(Query(query, country="KP"))
    assert hit.entry_id == expected
    if query != "2nd Economic Committee":
        reading = {f.name: f for f in hit.features}.get("reading")
        assert reading is None or reading.detail["how"] in ("translation",)


def test_the_reading_that_matched_is_reported(matcher: Matcher) -> None:
    (hit, *_) = matcher.match(Query("군수공업부"))
    features = {feature.name: feature for feature in hit.features}
    assert features["reading"].detail == {
        "how": "translation",
        "read": "munitions industry department",
    }


def test_initials_of_a_listed_name_are_a_lead_below_the_threshold(
    matcher: Matcher,
) -> None:
    assert matcher.match(Query("MID")) == []
    (hit, *_) = matcher.match(Query("MID"), threshold=0.5)
    assert hit.entry_id == "12210"
    features = {feature.name: feature for feature in hit.features}
    assert features["initials"].detail["of"] == "MUNITIONS INDUSTRY DEPARTMENT"
    with_country = matcher.match(Query("MID", country="KP"))
    assert [hit.entry_id for hit in with_country] == ["12210"]


def test_a_listed_word_the_query_lacks_costs_score(matcher: Matcher) -> None:
    (hit, *_) = matcher.match(Query("Korea Computer Inc."), threshold=0)
    assert hit.entry_id == "22323"
    assert hit.score < 0.85
    detail = {f.name: f for f in hit.features}["name"].detail
    assert detail["unmatched_list"] == ["center"]


def test_a_one_word_alias_does_not_carry_a_longer_company_name(
    matcher: Matcher,
) -> None:
    assert matcher.match(Query("Appleworm Consulting Services Ltd")) == []
    assert first(matcher, Query("Lazarus Group")) == "23012"
    assert matcher.match(Query("Lazarus Travel Agency")) == []


def test_a_south_korean_company_is_not_a_north_korean_entity_on_its_name(
    matcher: Matcher,
) -> None:
    north = matcher.match(Query("Korea Computer Center", country="KP"))[0]
    south = matcher.match(Query("Korea Computer Center", country="KR"), threshold=0)
    assert north.score == 1.0
    assert south[0].score < 0.65
    assert "country conflict" in {feature.name for feature in south[0].features}
    # "Korea" alone names neither Korea: no conflict, no agreement.
    either = matcher.match(Query("Korea Computer Center", country="Korea"))[0]
    assert either.score == 1.0
    assert not {"country", "country conflict"} & {f.name for f in either.features}


@pytest.mark.parametrize("korea", ["Choson", "Chosun", "Joseon", "Korea"])
def test_country_words_in_names(matcher: Matcher, korea: str) -> None:
    assert first(matcher, Query(f"{korea} International Chemicals JV")) == "25000"


def test_a_relative_with_one_shared_given_name_syllable_is_not_a_match(
    matcher: Matcher,
) -> None:
    assert first(matcher, Query("김여정")) == "KPi.066"
    assert matcher.match(Query("김여일")) == []  # Kim Yo Il
    assert matcher.match(Query("Kim Jong Il", schema="Person")) == []


def test_birth_date_and_identifier_count(matcher: Matcher) -> None:
    same = matcher.match(Query("Kim Jong Un", birth_date="1984"))[0]
    near = matcher.match(Query("Kim Jong Un", birth_date="1983-05-01"))[0]
    far = matcher.match(Query("Kim Jong Un", birth_date="1960"), threshold=0)[0]
    assert same.score == near.score == 1.0
    assert far.score < 0.75
    assert "birth date conflict" in {feature.name for feature in far.features}
    by_passport = matcher.match(
        Query("Kim Jong-eun", identifiers=("645 120 069",)), threshold=0
    )[0]
    assert by_passport.entry_id == "KPi.067"
    assert "identifier" in {feature.name for feature in by_passport.features}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Совкомбанк", "34737"),
        ("Sovkombank", "34737"),
        ("بانک تجارت", "25677"),
        ("Алексей Миллер", "26665"),
    ],
)
def test_scripts_and_transliterations(
    matcher: Matcher, query: str, expected: str
) -> None:
    assert first(matcher, Query(query), threshold=0.5) == expected


@pytest.mark.parametrize("query", ["Gennady Timoshenko", "Alexei Millerov"])
def test_a_similar_surname_is_another_person(matcher: Matcher, query: str) -> None:
    assert matcher.match(Query(query, schema="Person")) == []


def test_a_short_identifier_proves_nothing() -> None:
    entry = ListEntry(
        "1", "Company", "SINO STAR TRADING", identifiers=(("Registration", "0691"),)
    )
    matcher = Matcher([("us_ofac_sdn", entry)])
    hits = matcher.match(Query("Star Shipping", identifiers=("0691",)), threshold=0)
    named = {feature.name for hit in hits for feature in hit.features}
    assert "identifier" not in named
    assert all(hit.score < 0.65 for hit in hits)


@pytest.fixture(scope="module")
def abjad_matcher() -> Matcher:
    entries = [
        ListEntry("17243", "Company", "INDUSTRIAL BANK", countries=("SY",)),
        ListEntry("17244", "Company", "POPULAR CREDIT BANK", countries=("SY",)),
        ListEntry("17250", "Company", "COMMERCIAL BANK OF SYRIA", countries=("SY",)),
        ListEntry(
            "27000",
            "Individual",
            "BAGHERI, Mohammad",
            countries=("IR",),
            birth_dates=("1960",),
        ),
        ListEntry("27001", "Individual", "BAKRI, Mahmoud", countries=("SY",)),
    ]
    return Matcher([("us_ofac_sdn", entry) for entry in entries])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # The adjective after the noun, a word of the lexicon file, the article.
        ("المصرف الصناعي", "17243"),
        ("مصرف التسليف الشعبي", "17244"),
        # Persian writes ق where the list romanises "gh".
        ("محمد باقری", "27000"),
    ],
)
def test_arabic_and_persian_names_read_as_lists_write_them(
    abjad_matcher: Matcher, query: str, expected: str
) -> None:
    assert first(abjad_matcher, Query(query), threshold=0.5) == expected
