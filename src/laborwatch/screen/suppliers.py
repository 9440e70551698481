"""Supplier files (CSV or XLSX) read row by row, with their columns found by header.

Rows stream: a million-row file is never held in memory. Cell values are data, never
formulas: nothing here evaluates them, and exports neutralise them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.errors import LaborwatchError

FIELDS = ("name", "country", "address", "product", "hs", "identifier", "parent")
HEADERS = {
    "name": (
        "name",
        "supplier",
        "supplier name",
        "company",
        "company name",
        "vendor",
        "vendor name",
        "entity",
        "exporter",
        "manufacturer",
        "legal name",
        "party",
    ),
    "country": (
        "country",
        "country code",
        "country_code",
        "iso country",
        "supplier country",
        "country of origin",
        "origin country",
        "origin",
    ),
    "address": ("address", "street", "supplier address", "full address", "location"),
    "product": (
        "product",
        "products",
        "good",
        "goods",
        "commodity",
        "description",
        "product description",
        "item",
        "category",
    ),
    "hs": (
        "hs",
        "hs code",
        "hs_code",
        "hscode",
        "tariff code",
        "hts",
        "hts code",
        "commodity code",
    ),
    "identifier": (
        "identifier",
        "id",
        "lei",
        "registration number",
        "registration",
        "company number",
        "tax id",
        "vat",
    ),
    "parent": (
        "parent",
        "parent company",
        "owner",
        "ultimate parent",
        "group",
        "parent name",
    ),
}
_SAMPLE_BYTES = 65536


@dataclass(frozen=True)
class SupplierRow:
    """One row: its number in the file (the header is row 1) and its values."""

    row: int
    name: str
    country: str | None
    country_text: str
    address: str
    product: str
    hs: str
    identifier: str
    parent: str


def read_suppliers(
    path: Path, columns: dict[str, str] | None = None
) -> Iterator[SupplierRow]:
    """Supplier rows of a CSV or XLSX file; ``columns`` maps fields to header names."""
    if not path.is_file():
        raise LaborwatchError(f"{path}: no such file")
    rows = (
        _xlsx_rows(path)
        if path.suffix.lower() in (".xlsx", ".xlsm")
        else _csv_rows(path)
    )
    header = next(rows, None)
    if header is None:
        raise LaborwatchError(f"{path}: empty file")
    positions = _positions(
        path, [str(cell or "").strip() for cell in header], columns or {}
    )
    for number, cells in enumerate(rows, start=2):
        values = {field: _cell(cells, index) for field, index in positions.items()}
        if not any(values.values()):
            continue  # an empty row
        yield SupplierRow(
            row=number,
            name=values.get("name", ""),
            country=country_code(values.get("country")),
            country_text=values.get("country", ""),
            address=values.get("address", ""),
            product=values.get("product", ""),
            hs=values.get("hs", ""),
            identifier=values.get("identifier", ""),
            parent=values.get("parent", ""),
        )


def _positions(
    path: Path, header: list[str], columns: dict[str, str]
) -> dict[str, int]:
    lowered = [cell.lower() for cell in header]
    positions: dict[str, int] = {}
    for field, given in columns.items():
        if given.lower() not in lowered:
            raise LaborwatchError(
                f"{path}:1: no column {given!r} (found: {', '.join(header)})"
            )
        positions[field] = lowered.index(given.lower())
    for field in FIELDS:
        if field in positions:
            continue
        for alias in HEADERS[field]:
            if alias in lowered:
                positions[field] = lowered.index(alias)
                break
    if "name" not in positions:
        raise LaborwatchError(
            f"{path}:1: no supplier name column (found: {', '.join(header) or 'nothing'}); "
            "name it with --name-column"
        )
    return positions


def _cell(cells: Sequence[object], index: int) -> str:
    if index >= len(cells) or cells[index] is None:
        return ""
    return str(cells[index]).strip()


def _csv_rows(path: Path) -> Iterator[list[str]]:
    with path.open("rb") as file:
        sample = file.read(_SAMPLE_BYTES)
    encoding = _encoding(path, sample)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            sample.decode(encoding, errors="ignore"), delimiters=",;\t|"
        )
    except csv.Error:
        dialect = csv.excel
    with path.open(encoding=encoding, newline="", errors="strict") as file:
        reader = csv.reader(file, dialect)
        try:
            yield from reader
        except UnicodeDecodeError:
            raise LaborwatchError(
                f"{path}:{reader.line_num + 1}: not {encoding} text"
            ) from None
        except csv.Error as err:
            raise LaborwatchError(
                f"{path}:{reader.line_num}: malformed CSV ({err})"
            ) from None


def _encoding(path: Path, sample: bytes) -> str:
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if b"\x00" in sample:
        raise LaborwatchError(f"{path}: binary content, not a CSV file")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(sample) - 4:  # a character cut by the sample's end
            return "utf-8"
    import charset_normalizer

    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise LaborwatchError(f"{path}: unknown text encoding")
    return str(best.encoding)


def _xlsx_rows(path: Path) -> Iterator[tuple[object, ...]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as err:  # openpyxl raises many kinds for a broken file
        raise LaborwatchError(
            f"{path}: not a readable XLSX workbook ({type(err).__name__})"
        ) from None
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    finally:
        workbook.close()


def neutralise(value: str) -> str:
    """A cell value safe to open in a spreadsheet: formulas become text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()
