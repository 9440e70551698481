from pathlib import Path

import pytest

from laborwatch.lists import load_list
from laborwatch.match import Matcher, Query
from laborwatch.match.korean import korean_key, romanise_hangul

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    entries = []
    for name in ("ofac", "un.xml", "entities.ftm.json", "dpl.txt"):
        loaded = load_list(LISTS / name)
        entries += [(loaded.list_id, entry) for entry in loaded.entries]
    return Matcher(entries)


@pytest.mark.parametrize(
    "spellings",
    [
        ("Daesong", "Taesong", "Daesung", "Daeseong", "Taesŏng"),
        ("Choson", "Joseon", "Chosun", "Chosŏn"),
        ("Ri", "Lee", "Yi", "Rhee", "Rhie"),
        ("Pak", "Park", "Bak"),
        ("Choe", "Choi"),
        ("Kim", "Gim"),
        ("Jong", "Chong", "Jeong"),
        ("Pyongyang", "Phyongyang"),
        ("Koryo", "Goryeo"),
    ],
)
def test_korean_spellings_share_a_key(spellings: tuple[str, ...]) -> None:
    assert len({korean_key(spelling) for spelling in spellings}) == 1


def test_hangul_is_read_in_both_romanisations() -> None:
    readings = dict(romanise_hangul("대성총국"))
    assert readings["McCune–Reischauer"] == "taesŏng general bureau"
    assert readings["Revised Romanization"] == "daeseong general bureau"


@pytest.mark.parametrize(
    "query", ["Daesung General Bureau", "Taesong General Bureau", "대성총국"]
)
def test_daesong_bureau_in_any_spelling_finds_the_listed_corporation(
    matcher: Matcher, query: str
) -> None:
    hits = matcher.match(Query(query))
    assert hits, query
    # The trading corporation, on both lists; not the bank, another kind of body.
    assert {hit.entry_id for hit in hits} >= {"12313", "KPe.042"}
    assert "12312" not in {hit.entry_id for hit in hits}
    features = {feature.name: feature for feature in hits[0].features}
    pairs = features["name"].detail["pairs"]
    assert any(pair["how"] == "romanisation" for pair in pairs)
    if query == "대성총국":
        assert features["hangul"].detail["romanised"] in (
            "taesŏng general bureau",
            "daeseong general bureau",
        )


@pytest.mark.parametrize(
    "query",
    ["Samsung Electronics", "Daesung Industrial Co., Ltd.", "Korea Trading Company"],
)
def test_look_alikes_stay_below_the_threshold(matcher: Matcher, query: str) -> None:
    assert matcher.match(Query(query)) == []


def test_alias_finds_its_entry_with_the_list_id(matcher: Matcher) -> None:
    (hit, *_) = matcher.match(Query("Choson Taesong Unhaeng"))
    assert (hit.list_id, hit.entry_id, hit.score) == ("us_ofac_sdn", "12312", 1.0)
    assert hit.matched_name == "CHOSON TAESONG UNHAENG"


@pytest.mark.parametrize(
    "query", ["Kim Kwang Il", "Kim Kwangil", "KIM Kwang-il", "Gim Gwang Il"]
)
def test_given_names_joined_hyphenated_or_spaced(matcher: Matcher, query: str) -> None:
    hits = matcher.match(Query(query, schema="Person"))
    assert hits and hits[0].entry_id == "KPi.009"


def test_word_order_and_legal_forms_do_not_matter(matcher: Matcher) -> None:
    (hit, *_) = matcher.match(Query("Ryonbong General Corporation, Korea"))
    assert hit.entry_id == "os-kp-1"


def test_country_conflict_lowers_the_score_and_says_so(matcher: Matcher) -> None:
    same = matcher.match(Query("Korea Daesong Bank", country="KP"))[0]
    other = matcher.match(Query("Korea Daesong Bank", country="FR"), threshold=0)[0]
    assert other.score < same.score
    assert "country conflict" in {feature.name for feature in other.features}


def test_weak_alias_counts_less(matcher: Matcher) -> None:
    (hit, *_) = matcher.match(Query("Daesong Bank"), threshold=0)
    assert hit.entry_id == "12312"
    assert "weak alias" in {feature.name for feature in hit.features} or hit.score < 1


@pytest.mark.parametrize(
    "programme",
    [
        "DPRK3",  # OFAC
        "DPRK-NKSPEA",  # OFAC
        "PRK",  # the EU's regime code
        "The Democratic People's Republic of Korea (Sanctions) (EU Exit) "
        "Regulations 2019",  # the UK's regime
    ],
)
def test_every_north_korea_programme_makes_an_entry_without_country_north_korean(
    programme: str,
) -> None:
    from laborwatch.lists.entry import ListEntry

    entry = ListEntry(
        entry_id="1", schema="Company", name="Korea Daesong Bank", programs=(programme,)
    )
    matcher = Matcher([("some_list", entry)])
    # A South Korean supplier of the same name: a look-alike, as for a listed KP.
    (hit,) = matcher.match(Query("Korea Daesong Bank", country="KR"), threshold=0)
    conflict = {f.name: f for f in hit.features}["country conflict"]
    assert conflict.detail["list"] == ["KP"]
    assert hit.score == pytest.approx(0.6)
    # And its name is compared as Korean: another romanisation finds it.
    assert matcher.match(Query("Taesung Bank"))


@pytest.mark.parametrize(
    ("country", "feature"),
    [
        ("XX", None),  # no country: counts neither way, as "Korea" alone does
        ("Korea", None),
        ("UK", "country"),  # the United Kingdom's reserved code is GB
        ("gb", "country"),
        ("United Kingdom", "country"),
        ("FR", "country conflict"),
    ],
)
def test_query_country_is_read_as_a_country_or_not_at_all(
    country: str, feature: str | None
) -> None:
    from laborwatch.lists.entry import ListEntry

    entry = ListEntry(
        entry_id="1", schema="Company", name="Albion Shipping", countries=("GB",)
    )
    (hit,) = Matcher([("some_list", entry)]).match(
        Query("Albion Shipping", country=country), threshold=0
    )
    names = {f.name for f in hit.features} & {"country", "country conflict"}
    assert names == ({feature} if feature else set())
    assert hit.score == (0.75 if feature == "country conflict" else 1.0)


def test_every_way_a_query_is_read_is_documented() -> None:
    from laborwatch.match.readings import readings

    docs = (Path(__file__).resolve().parents[2] / "docs" / "cli.md").read_text()
    documented = docs.split("- `reading`:", 1)[1].split("\n- ", 1)[0]
    names = ["대성총국", "Che 2 Kyongje Wiwonhoe", "Банк Россия", "بانک ملی"]
    names.append("X (KKBC)")
    hows = {how for name in names for how, _ in readings(name)} - {"as written"}
    assert hows >= {"transliterated", "words translated", "in brackets"}
    for how in hows:
        assert f"`{how}`" in documented, how
