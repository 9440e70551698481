"""Goods: what the workers produce or handle, under the DOL list's names."""

import csv
import unicodedata
from importlib.resources import files

import pytest

from laborwatch.extract.vocabulary import goods_taxonomy
from tests.conftest import SHARED_DATA, analyze_text

DOL_LIST = SHARED_DATA / "dol" / "tvpra_goods_list_app2023_flat.csv"
# Taxonomy rows that are not DOL goods: sectors, and jewellery (made from DOL gems).
NOT_ON_THE_LIST = {"jewellery"}


def goods_in(text: str) -> set[str]:
    # A sentence with an indicator, so that the document's goods are kept.
    evidence = analyze_text(f"{text} The workers were beaten and could not leave.")
    return {good.good for good in evidence.goods}


@pytest.mark.parametrize(
    "text",
    [
        "Workers at X Clothing Ltd said they were forced to work overtime.",
        "Sunrise Gem Trading Company recruited girls from the villages.",
        "The crew of the Hai Feng Fishery Co. were held for two years.",
        "Kim Cotton, a researcher, interviewed the families.",
        "LABOUR ABUSES AT GOLDEN RICE MILLS LTD",
    ],
)
def test_a_good_inside_a_name_is_not_a_good(text: str) -> None:
    assert goods_in(text) == set()


@pytest.mark.parametrize(
    "text", ["They were sent to plantations and farms.", "The factories were locked."]
)
def test_workplaces_alone_are_not_goods(text: str) -> None:
    assert goods_in(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("North Korean workers processed seafood and squid.", {"fish", "shellfish"}),
        ("Uyghur workers made polysilicon.", {"polysilicon"}),
        ("They assembled solar panels.", {"solar modules"}),
        ("Workers canned tomato paste.", {"tomato products"}),
        ("Women sewed wigs for export.", {"hair products"}),
        ("They made rubber gloves.", {"rubber gloves"}),
        ("Migrants built houses in construction.", {"construction"}),
    ],
)
def test_goods_take_dol_names(text: str, expected: set[str]) -> None:
    assert goods_in(text) == expected


def test_goods_in_a_company_name_still_count_in_the_text_around_it() -> None:
    found = goods_in("X Clothing Ltd workers sewed garments for export.")
    assert found == {"garments"}


def test_sector_rows_have_no_hs_code_and_goods_do() -> None:
    for entry in goods_taxonomy():
        assert (entry.kind == "sector") == (entry.hs is None) or (
            entry.good == "embellished textiles"
        ), entry


def test_every_good_is_named_as_on_the_dol_list() -> None:
    if not DOL_LIST.exists():
        pytest.skip(f"{DOL_LIST} not found: the DOL list lives in ../shared/data")
    with DOL_LIST.open(encoding="utf-8") as file:
        listed = {
            unicodedata.normalize("NFC", row["good"]).lower()
            for row in csv.DictReader(file)
        }
    text = (files("laborwatch") / "data" / "goods.csv").read_text(encoding="utf-8")
    for row in csv.DictReader(text.splitlines()):
        if row["kind"] == "good" and row["good"] not in NOT_ON_THE_LIST:
            assert unicodedata.normalize("NFC", row["good"]) in listed, row["good"]


def test_a_sector_is_dropped_where_a_named_good_covers_it() -> None:

    text = (
        "Children were forced to harvest coffee on farms in the agricultural "
        "region. Others worked in construction in the city."
    )
    evidence = analyze_text(text)
    goods = {good.good for good in evidence.goods}
    assert "coffee" in goods
    assert "agriculture" not in goods
    assert "construction" in goods


@pytest.mark.parametrize(
    "text",
    [
        # From the tuning set's Pakistani brick kiln report: bricks are made; coal
        # burns in the kilns and sand covers the workers.
        "She makes bricks by hand. The kilns use coal as fuel.",
        "She makes bricks by hand. Her eyebrows were covered with sand.",
        "She makes bricks by hand in kilns burning coal.",
    ],
)
def test_fuel_and_dirt_are_not_goods(text: str) -> None:
    assert goods_in(text) == {"bricks"}


def test_what_feeds_holds_or_measures_the_workers_is_not_a_good() -> None:
    evidence = analyze_text(
        "The crew were forced to work 20 hours a day on meals of rice and bait fish. "
        "Guards carried pepper spray, and one boy wore iron shackles; his hands were "
        "the size of melons."
    )
    assert not {good.good for good in evidence.goods} & {
        "rice",
        "pepper",
        "iron",
        "melons",
    }
    made = analyze_text(
        "Children were forced to harvest rice and pick pepper, tend fish cages and "
        "make gold chains."
    )
    assert {"rice", "pepper", "fish", "gold"} <= {good.good for good in made.goods}
