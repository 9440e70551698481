"""Supplier files (CSV or XLSX) read row by row, with their columns found by header.

Rows stream: a million-row file is never held in memory. Cell values are data, never
formulas: nothing here evaluates them, and exports neutralise them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.errors import LaborwatchError
from laborwatch.lists.files import MAX_FIELD_CHARS, refuse_long_fields
from laborwatch.screen.xlsx import XlsxLimits, xlsx_rows
from laborwatch.settings import Settings

FIELDS = ("name", "country", "address", "product", "hs", "identifier", "parent")
# Synonyms as fold_header writes them: a file's "Supplier_Name" or "SUPPLIER-NAME"
# finds "supplier name".
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
    path: Path,
    columns: dict[str, str] | None = None,
    *,
    name: str | None = None,
    limits: XlsxLimits | None = None,
    on_columns: Callable[[dict[str, str]], None] | None = None,
) -> Iterator[SupplierRow]:
    """Supplier rows of a CSV or XLSX file; ``columns`` maps fields to header names.

    Errors name the file as ``name`` (by default its path): an upload's stored copy
    has a server path the user must not see. ``on_columns`` gets, once the header
    is read, the header each field was read from (field → header as written).
    """
    label = name or str(path)
    if not path.is_file():
        # A FIFO or device is there but is no file to read whole.
        what = "not a regular file" if path.exists() else "no such file"
        raise LaborwatchError(f"{label}: {what}")
    rows = (
        xlsx_rows(path, label, limits or XlsxLimits.from_settings(Settings()))
        if path.suffix.lower() in (".xlsx", ".xlsm")
        else _csv_rows(path, label)
    )
    first = next(rows, None)
    if first is None:
        raise LaborwatchError(f"{label}: empty file")
    header = [str(cell or "").strip() for cell in first[1]]
    positions = _positions(label, header, columns or {})
    if on_columns:
        on_columns({field: header[index] for field, index in positions.items()})
    for number, cells in rows:
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
    label: str, header: list[str], columns: dict[str, str]
) -> dict[str, int]:
    folded = [fold_header(cell) for cell in header]
    positions: dict[str, int] = {}
    for field, given in columns.items():
        if fold_header(given) not in folded:
            raise LaborwatchError(
                f"{label}:1: no column {given!r} (found: {', '.join(header)})"
            )
        positions[field] = folded.index(fold_header(given))
    taken = set(positions.values())
    for field in FIELDS:
        if field in positions:
            continue
        for alias in HEADERS[field]:
            at = folded.index(alias) if alias in folded else -1
            # A column mapped to one field is not read again as another.
            if at >= 0 and at not in taken:
                positions[field] = at
                taken.add(at)
                break
    if "name" not in positions:
        raise LaborwatchError(
            f"{label}:1: no supplier name column (found: {', '.join(header) or 'nothing'}); "
            "name it with --name-column"
        )
    return positions


def fold_header(header: str) -> str:
    """A header as the synonyms are written: "Supplier_Name " → "supplier name"."""
    return " ".join(re.split(r"[\s_\-]+", header.casefold())).strip()


def _cell(cells: Sequence[object], index: int) -> str:
    if index >= len(cells) or cells[index] is None:
        return ""
    return str(cells[index]).strip()


def _csv_rows(path: Path, label: str) -> Iterator[tuple[int, Sequence[object]]]:
    """(record number, fields): the header is record 1, as in a spreadsheet."""
    with path.open("rb") as file:
        sample = file.read(_SAMPLE_BYTES)
    encoding = _encoding(label, sample)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            sample.decode(encoding, errors="ignore"), delimiters=",;\t|"
        )
    except csv.Error:
        dialect = csv.excel
    with path.open(encoding=encoding, newline="", errors="strict") as file:
        # Strict, with quotes doubled inside quoted fields as every spreadsheet
        # writes them (the sniffer often guesses otherwise): an unbalanced quote
        # would else swallow the lines after it into one field, merging rows.
        reader = csv.reader(file, dialect, strict=True, doublequote=True)
        line = 1  # where the record being read starts
        try:
            for number, record in enumerate(reader, start=1):
                refuse_long_fields(record, f"{label}:{line}")
                yield number, record
                line = reader.line_num + 1
        except UnicodeDecodeError:
            raise LaborwatchError(
                f"{label}:{reader.line_num + 1}: not {encoding} text"
            ) from None
        except csv.Error as err:
            problem = str(err)
            if "field limit" in problem:
                problem = f"a field longer than {MAX_FIELD_CHARS} characters"
            elif "unexpected end of data" in problem or "expected after" in problem:
                problem = (
                    "unbalanced quote: a quoted field opened here does not close "
                    f"cleanly (by line {reader.line_num})"
                )
            raise LaborwatchError(
                f"{label}:{line}: malformed CSV ({problem})"
            ) from None


def _encoding(label: str, sample: bytes) -> str:
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if b"\x00" in sample:
        raise LaborwatchError(f"{label}: binary content, not a CSV file")
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(sample) - 4:  # a character cut by the sample's end
            return "utf-8"
    import charset_normalizer

    best = charset_normalizer.from_bytes(sample).best()
    if best is None:
        raise LaborwatchError(f"{label}: unknown text encoding")
    return str(best.encoding)
