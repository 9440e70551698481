"""Screened rows exported as XLSX: read back with openpyxl as a spreadsheet would."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from laborwatch.errors import LaborwatchError
from laborwatch.match import Hit
from laborwatch.screen.export import COLUMNS, XlsxExport, csv_bytes
from laborwatch.screen.findings import (
    CountryGoodFinding,
    NamedEvidence,
    ReportRef,
    SanctionsFinding,
)
from laborwatch.screen.screening import Screening

HEADER = [
    "row",
    "name",
    "level",
    "reasons",
    "sanctions_hits",
    "dol_goods",
    "evidence_documents",
]


def flagged() -> Screening:
    return Screening(
        row=2,
        name="Taesong Bank",
        level="high",
        reasons=["on us_ofac_sdn as TAESONG BANK", "North Korea: CAATSA 321(b)"],
        sanctions_hits=[
            SanctionsFinding.of(
                "supplier",
                Hit(
                    list_id="us_ofac_sdn",
                    entry_id="12312",
                    schema="Organization",
                    caption="TAESONG BANK",
                    matched_name="TAESONG BANK",
                    score=0.912,
                    features=(),
                ),
            )
        ],
        country_good=[CountryGoodFinding("us_dol", "bricks", "PK", ("forced labour",))],
        evidence=[
            NamedEvidence(document=ReportRef("ab12cd"), actor="Taesong Bank", score=0.9)
        ],
    )


def test_xlsx_export_has_a_frozen_header_and_one_row_per_supplier(
    tmp_path: Path,
) -> None:
    path = tmp_path / "out.xlsx"
    with XlsxExport(path, str(path)) as export:
        export.write(flagged())
        export.write(Screening(row=3, name="=cmd|'/c calc'!A1", reasons=["clean"]))
        export.write(Screening(row=4, name="Bell\x07 Ltd", reasons=["x" * 40_000]))
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == HEADER
    assert rows[1] == [
        2,
        "Taesong Bank",
        "high",
        "on us_ofac_sdn as TAESONG BANK; North Korea: CAATSA 321(b)",
        "us_ofac_sdn:12312 TAESONG BANK (0.91)",
        "bricks/PK",
        "ab12cd",
    ]
    # A supplier's name never becomes a formula; what XLSX cannot hold is dropped.
    assert rows[2][1] == "'=cmd|'/c calc'!A1"
    assert sheet["B3"].data_type == "s"
    assert rows[3][1] == "Bell Ltd"
    assert len(rows[3][3]) == 32_767 and rows[3][3].endswith("…")
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b
    widths = {
        name: sheet.column_dimensions[chr(65 + i)].width
        for i, name in enumerate(HEADER)
    }
    assert widths == dict(COLUMNS)


def test_xlsx_and_csv_exports_have_the_same_columns_and_text() -> None:
    lines = csv_bytes([flagged()]).decode().splitlines()
    assert lines[0] == ",".join(HEADER)
    assert lines[1].startswith("2,Taesong Bank,high,on us_ofac_sdn as TAESONG BANK;")


def test_xlsx_past_excel_row_limit_keeps_what_fits_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(XlsxExport, "max_rows", 3)  # the header and two rows
    path = tmp_path / "out.xlsx"
    export = XlsxExport(path, "out.xlsx")
    for row in range(2, 7):
        export.write(Screening(row=row, name=f"Supplier {row}"))
    with pytest.raises(LaborwatchError) as raised:
        export.close()
    assert str(raised.value) == (
        "out.xlsx: 3 rows left out, past Excel's limit of 2 rows in a sheet "
        "(the CSV and JSON have them all)"
    )
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [row[1] for row in sheet.iter_rows(values_only=True)] == [
        "name",
        "Supplier 2",
        "Supplier 3",
    ]
