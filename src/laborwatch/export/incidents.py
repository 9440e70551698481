"""Stored incidents as CSV and XLSX, with the columns docs/incidents.md lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from laborwatch.countries import country_code
from laborwatch.errors import BadInput
from laborwatch.extract.indicators import CODES
from laborwatch.sheets import Cell, Sheet, csv_text, xlsx_bytes
from laborwatch.store.database import Database
from laborwatch.store.read_models import incident_records

# Each with its width in the XLSX sheet, in characters.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("incident", 9),
    ("document_id", 20),
    ("title", 50),
    ("published", 11),
    ("indicators", 50),
    ("countries", 10),
    ("subdivisions", 14),
    ("goods", 24),
    ("actors", 40),
    ("victims", 30),
    ("dates", 20),
    ("sentences", 60),
)
_BATCH = 1000


def incidents(
    database: Database, country: str | None = None, indicator: str | None = None
) -> Iterator[dict[str, Any]]:
    """Stored incidents as the ``/incidents`` page lists them (newest documents
    first), those placed in ``country`` (a code or a name; a subdivision of it
    counts) and reporting ``indicator`` only; read a batch at a time. The filters
    are checked at once, before the first read."""
    code = None
    if country:
        code = country_code(country)
        if code is None:
            raise BadInput(f"--country {country}: not a known country")
    if indicator and indicator not in CODES:
        raise BadInput(
            f"--indicator {indicator}: not an indicator code ({', '.join(CODES)})"
        )
    return _read(database, code, indicator)


def _read(
    database: Database, code: str | None, indicator: str | None
) -> Iterator[dict[str, Any]]:
    offset = 0
    while True:
        batch = incident_records(database, limit=_BATCH, offset=offset)
        for record in batch:
            if code and not _placed_in(record, code):
                continue
            if indicator and indicator not in record.get("indicators", ()):
                continue
            yield record
        if len(batch) < _BATCH:
            return
        offset += _BATCH


def _placed_in(record: dict[str, Any], code: str) -> bool:
    return code in record.get("countries", ()) or any(
        subdivision.startswith(f"{code}-")
        for subdivision in record.get("subdivisions", ())
    )


def incident_cells(record: dict[str, Any]) -> list[Cell]:
    """One incident as cells, in ``COLUMNS`` order; lists are joined with spaces
    (codes) or "; " (names, which hold spaces)."""
    return [
        record["id"],
        record["document_id"],
        record.get("title") or "",
        record.get("published") or "",
        " ".join(record.get("indicators", ())),
        " ".join(record.get("countries", ())),
        " ".join(record.get("subdivisions", ())),
        "; ".join(record.get("goods", ())),
        "; ".join(record.get("actors", ())),
        "; ".join(record.get("victims", ())),
        "; ".join(record.get("dates", ())),
        " ".join(f"{record['document_id']}#s{p}" for p in record.get("sentences", ())),
    ]


def incidents_csv(records: Iterator[dict[str, Any]]) -> Iterator[str]:
    """CSV text: the header, then a line per incident."""
    yield csv_text([[name for name, _ in COLUMNS]])
    for record in records:
        yield csv_text([[str(cell) for cell in incident_cells(record)]])


def incidents_xlsx(records: Iterator[dict[str, Any]], name: str) -> bytes:
    """A workbook with one sheet, "Incidents"; ``name`` is what an error names."""
    rows = (incident_cells(record) for record in records)
    return xlsx_bytes([Sheet("Incidents", COLUMNS, rows)], name)
