"""Supplier file headers as people write them: case, spaces, ``_`` and ``-`` folded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.screen.suppliers import read_suppliers
from tests.conftest import run_cli


@pytest.mark.parametrize(
    "header",
    ["supplier_name", "Supplier Name", "VENDOR_NAME", "company-name", "Company Name "],
)
def test_name_column_is_found_however_its_header_is_written(
    tmp_path: Path, header: str
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(f"{header},Country\nAcme Textiles,DE\n")
    (row,) = read_suppliers(path)
    assert row.name == "Acme Textiles"
    assert row.country == "DE"


def test_every_field_folds_its_header_and_reports_the_column_taken(
    tmp_path: Path,
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "VENDOR_NAME,Country-Code, Supplier_Address ,PRODUCT DESCRIPTION,"
        "hs-code,Tax_ID,Parent-Company\n"
        "Acme,CN,1 Main St,cotton,5201,12345,Acme Holdings\n"
    )
    taken: dict[str, str] = {}
    (row,) = read_suppliers(path, on_columns=taken.update)
    assert (row.name, row.country, row.address, row.product) == (
        "Acme",
        "CN",
        "1 Main St",
        "cotton",
    )
    assert (row.hs, row.identifier, row.parent) == ("5201", "12345", "Acme Holdings")
    assert taken == {
        "name": "VENDOR_NAME",
        "country": "Country-Code",
        "address": "Supplier_Address",
        "product": "PRODUCT DESCRIPTION",
        "hs": "hs-code",
        "identifier": "Tax_ID",
        "parent": "Parent-Company",
    }


def test_a_mapped_column_folds_its_header_too(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("Legal_Entity_Name,Country\nAcme,DE\n")
    (row,) = read_suppliers(path, {"name": "legal entity name"})
    assert row.name == "Acme"


def test_a_file_without_a_name_column_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("colour,Size_Code\nred,KP\n")
    with pytest.raises(LaborwatchError) as caught:
        list(read_suppliers(path))
    assert str(caught.value) == (
        f"{path}:1: no supplier name column (found: colour, Size_Code); "
        "name it with --name-column"
    )


def test_screen_prints_and_returns_the_columns_taken(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("supplier_name,COUNTRY,Product-Description\nAcme,DE,paper\n")
    result = run_cli("--db", database_url, "screen", str(path), "--json")
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["columns"] == {
        "name": "supplier_name",
        "country": "COUNTRY",
        "product": "Product-Description",
    }
    assert "column 'supplier_name' read as name" in result.stderr
    assert "column 'COUNTRY' read as country" in result.stderr
    assert "column 'Product-Description' read as product" in result.stderr
    assert output["rows"][0]["name"] == "Acme"
