"""Tables for spreadsheets: CSV text and XLSX sheets whose cells never run as
formulas.

Cell text comes from reports, lists and the user's files; a spreadsheet would run a
cell starting with ``=`` as a formula (CSV injection), so every cell written here
is neutralised first.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from laborwatch.errors import LaborwatchError

if TYPE_CHECKING:
    from openpyxl import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

# Excel's limits: rows in a sheet (the header is one) and characters in a cell.
XLSX_MAX_ROWS = 1_048_576
XLSX_MAX_CELL_CHARS = 32_767
XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
Cell = str | int | float | bool | None


def neutralise(value: str) -> str:
    """A cell value safe to open in a spreadsheet: formulas become text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def xlsx_text(text: str) -> str:
    """A cell's text as the CSV writes it, less what XLSX cannot hold: control
    characters (openpyxl refuses them) and text past Excel's cell limit."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = ILLEGAL_CHARACTERS_RE.sub("", neutralise(text))
    if len(text) > XLSX_MAX_CELL_CHARS:
        text = text[: XLSX_MAX_CELL_CHARS - 1] + "…"
    return text


def add_sheet(
    workbook: Workbook, title: str, columns: Sequence[tuple[str, int]]
) -> WriteOnlyWorksheet:
    """A sheet of a write-only workbook with its header written: bold, frozen,
    with an autofilter, each column ``(name, width in characters)``."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    # Both must be set before the first row is written.
    sheet.freeze_panes = "A2"
    for index, (_, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}1"
    bold = Font(bold=True)
    header = []
    for name, _ in columns:
        cell = WriteOnlyCell(sheet, name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet


@dataclass(frozen=True)
class Sheet:
    """A small table for ``xlsx_bytes``: its title, ``(name, width)`` columns, rows."""

    title: str
    columns: Sequence[tuple[str, int]]
    rows: Iterable[Sequence[Cell]]


def xlsx_bytes(sheets: Sequence[Sheet], name: str) -> bytes:
    """A workbook of ``sheets``; text cells neutralised, numbers and booleans kept.
    A sheet past Excel's row limit is refused, naming ``name`` (the output)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    for sheet in sheets:
        written = add_sheet(workbook, sheet.title, sheet.columns)
        for count, row in enumerate(sheet.rows, start=2):
            if count > XLSX_MAX_ROWS:
                raise LaborwatchError(
                    f"{name}: more than Excel's {XLSX_MAX_ROWS - 1:,} rows in sheet "
                    f"{sheet.title!r}; use CSV or JSON"
                )
            written.append([_cell(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _cell(value: Cell) -> Any:
    return xlsx_text(value) if isinstance(value, str) else value
