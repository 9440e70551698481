"""A row's product and HS code to the goods of the US DOL list."""

from __future__ import annotations

from pathlib import Path

import pytest

from laborwatch.screen.context import goods_of
from tests.conftest import screen_one


@pytest.mark.parametrize(
    ("product", "good"),
    [
        ("6116", "gloves"),
        ("6116.10", "gloves"),
        ("HS 5201", "cotton"),
        ("520100", "cotton"),
        ("knitted items, HTS 6116.93.0800", "gloves"),
        ("HS code: 6901", "bricks"),
    ],
)
def test_an_hs_code_in_the_product_column_finds_its_good(
    product: str, good: str
) -> None:
    assert good in goods_of(product, "")


@pytest.mark.parametrize(
    "product",
    ["nitrile gloves", "nitrile examination gloves", "latex gloves", "medical gloves"],
)
def test_disposable_glove_words_find_rubber_gloves(product: str) -> None:
    # Malaysia's rubber gloves on the DOL list are sold as nitrile or latex
    # examination gloves; knitted "gloves" (HS 6116) are another good.
    assert "rubber gloves" in goods_of(product, "")


@pytest.mark.parametrize("product", ["61", "order 2023, 40 boxes", "paper"])
def test_numbers_that_are_no_hs_code_find_no_good(product: str) -> None:
    assert goods_of(product, "") == []


def test_screening_flags_an_hs_code_on_the_dol_list(
    database_url: str, tmp_path: Path
) -> None:
    dol = tmp_path / "goods.xml"
    dol.write_text(
        "<Goods><Good><Good_Name>Gloves</Good_Name><Countries><Country>"
        "<Country_Name>China</Country_Name><Child_Labor>No</Child_Labor>"
        "<Forced_Labor>Yes</Forced_Labor><Forced_Child_Labor>No</Forced_Child_Labor>"
        "</Country></Countries></Good></Goods>"
    )
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("name,country,product\nQingdao Knitwear Co,CN,6116.10\n")
    row = screen_one(database_url, dol, suppliers)
    assert row["level"] == "high"
    assert row["country_good"][0]["good"] == "gloves"
