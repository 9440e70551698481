"""Screened rows as spreadsheets: CSV and XLSX with the same columns and text.

Both are written a row at a time, so a million-row run never sits in memory, and
both neutralise formulas (``neutralise``): supplier names come from the user's file
and must not run as formulas when the export is opened in a spreadsheet.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from laborwatch.closing import Closing
from laborwatch.errors import LaborwatchError
from laborwatch.screen.findings import EvidenceFinding
from laborwatch.screen.screening import Screening
from laborwatch.sheets import (
    XLSX_MAX_ROWS,
    add_sheet,
    csv_text,
    xlsx_text,
)
from laborwatch.store import Database
from laborwatch.store.screenings import StoredScreening, get_screening

# Each with its width in the XLSX sheet, in characters.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("row", 7),
    ("name", 40),
    ("level", 9),
    ("reasons", 80),
    ("sanctions_hits", 60),
    ("dol_goods", 30),
    ("evidence_documents", 30),
)


def export_cells(screening: Screening) -> list[str]:
    """One screened row as the export's cells, in ``COLUMNS`` order."""
    return [
        str(screening.row),
        screening.name,
        screening.level,
        "; ".join(screening.reasons),
        "; ".join(
            f"{found.list_id}:{found.entry_id} {found.caption} ({found.score:.2f})"
            for found in screening.sanctions_hits
        ),
        "; ".join(f"{c.good}/{c.country}" for c in screening.country_good),
        "; ".join(_documents(screening.evidence)),
    ]


class CsvExport:
    """Writes the header, then one CSV row per ``write``."""

    def __init__(self, file: IO[str]) -> None:
        self.file = file
        file.write(csv_text([[name for name, _ in COLUMNS]]))

    def write(self, screening: Screening) -> None:
        self.file.write(csv_text([export_cells(screening)]))


class XlsxExport(Closing):
    """A workbook of one sheet: a bold, frozen header row, then one row per
    ``write``; ``close`` saves it.

    The sheet is written in openpyxl's write-only mode, which streams rows to a
    temporary file. Rows past Excel's limit are counted, not written, and ``close``
    then raises, naming ``name`` (the output the user chose), after saving the
    rows that fit.
    """

    max_rows = XLSX_MAX_ROWS

    def __init__(self, target: Path | IO[bytes], name: str) -> None:
        from openpyxl import Workbook

        self.target = target
        self.name = name
        self.workbook = Workbook(write_only=True)
        self.sheet = add_sheet(self.workbook, "Screening", COLUMNS)
        self.rows = 1
        self.left_out = 0

    def write(self, screening: Screening) -> None:
        if self.rows >= self.max_rows:
            self.left_out += 1
            return
        row, *texts = export_cells(screening)
        self.sheet.append([int(row), *(xlsx_text(text) for text in texts)])
        self.rows += 1

    def close(self) -> None:
        """Save the workbook; raise if rows were left out."""
        self.workbook.save(self.target)
        if self.left_out:
            raise LaborwatchError(
                f"{self.name}: {self.left_out} rows left out, past Excel's limit of "
                f"{self.max_rows - 1:,} rows in a sheet (the CSV and JSON have them all)"
            )

    def close_after_error(self) -> None:
        """Save the rows written before the error, as the CSV keeps them."""
        self.workbook.save(self.target)


def csv_bytes(screenings: Iterable[Screening]) -> bytes:
    """The CSV export of ``screenings``, in UTF-8."""
    buffer = io.StringIO()
    export = CsvExport(buffer)
    for screening in screenings:
        export.write(screening)
    return buffer.getvalue().encode("utf-8")


def xlsx_bytes(screenings: Iterable[Screening], name: str) -> bytes:
    """The XLSX export of ``screenings``; ``name`` is what an error names."""
    buffer = io.BytesIO()
    with XlsxExport(buffer, name) as export:
        for screening in screenings:
            export.write(screening)
    return buffer.getvalue()


def stored_run(
    database: Database, screening_id: int, level: str | None = None
) -> StoredScreening:
    """A stored run (``get_screening``) with each row in this version's shape: a
    row stored by an older version gains the keys added since, empty."""
    stored = get_screening(database, screening_id, level)
    return replace(stored, results=[current_row(result) for result in stored.results])


def current_row(result: dict[str, Any]) -> dict[str, Any]:
    """A stored row in this version's shape. About 50 µs a row: a page or a pack
    shapes the rows it shows, not the whole run."""
    return Screening.from_record(result).record()


def stored_screenings(results: Iterable[dict[str, Any]]) -> Iterable[Screening]:
    """Stored result rows (``get_screening``'s ``results``) as screenings."""
    return (Screening.from_record(result) for result in results)


def _documents(evidence: list[EvidenceFinding]) -> list[str]:
    """The ids of the reports quoted, each once: a risk register item quotes
    several reports, each quote naming its own."""
    ids = [
        document_id
        for item in evidence
        for document_id in (
            item.document.id,
            *(quote.document for quote in item.quotes),
        )
        if document_id
    ]
    return list(dict.fromkeys(ids))
