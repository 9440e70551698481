"""The risk register (``store.risk``) as CSV, XLSX and GeoJSON, with the columns
docs/risk-areas.md lists.

GeoJSON places each row at a point: the subdivision's coordinates where the
gazetteer has them, else a point of its country (``place_point``). The point says
where the row is, not where the work was: ``point`` in a feature's properties
tells which place it stands for.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from laborwatch.sheets import Cell, Sheet, csv_text, xlsx_bytes
from laborwatch.store.risk import RiskRegister, RiskRow

# Each with its width in the XLSX sheet, in characters.
COLUMNS: tuple[tuple[str, int], ...] = (
    ("country", 8),
    ("subdivision", 11),
    ("good", 20),
    ("hs", 8),
    ("strength", 28),
    ("sources", 8),
    ("documents", 10),
    ("publishers", 40),
    ("first_evidence", 14),
    ("last_evidence", 14),
    ("state_imposed", 13),
    ("children", 9),
    ("indicators", 50),
    ("sentences", 60),
)
DOL_COLUMN = ("dol", 6)
DOL_SHEET_COLUMNS: tuple[tuple[str, int], ...] = (
    ("list_id", 24),
    ("country", 8),
    ("good", 24),
    ("forced_labour", 13),
    ("child_labour", 12),
)


def _compared(register: RiskRegister) -> bool:
    return register.dol_without_evidence is not None


def columns(register: RiskRegister) -> list[tuple[str, int]]:
    """The columns of ``register``'s CSV and XLSX: ``dol`` after a comparison."""
    return list(COLUMNS) + ([DOL_COLUMN] if _compared(register) else [])


def row_cells(row: RiskRow, compared: bool) -> list[str]:
    """One row as the CSV's cells, in ``columns`` order."""
    cells = [
        row.country,
        row.subdivision or "",
        row.good,
        row.hs or "",
        row.strength,
        str(row.sources),
        str(row.documents),
        "; ".join(row.publishers),
        row.first_evidence or "",
        row.last_evidence or "",
        _yes(row.state_imposed),
        _yes(row.children),
        " ".join(row.indicators),
        " ".join(str(ref) for ref in row.sentences),
    ]
    return cells + ([_yes(bool(row.dol))] if compared else [])


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def register_csv(register: RiskRegister) -> str:
    """The register as CSV text: a header, then a row per register row."""
    header = [name for name, _ in columns(register)]
    compared = _compared(register)
    return csv_text([header, *(row_cells(row, compared) for row in register.rows)])


def register_xlsx(register: RiskRegister, name: str) -> bytes:
    """The register as a workbook: sheet "Risk register" with the CSV's columns
    (counts as numbers), and after a DOL comparison a sheet "DOL comparison" of the
    DOL pairs with no stored evidence; ``name`` is what an error names."""
    sheets = [Sheet("Risk register", columns(register), _xlsx_rows(register))]
    if register.dol_without_evidence is not None:
        sheets.append(
            Sheet(
                "DOL comparison",
                DOL_SHEET_COLUMNS,
                [
                    [
                        pair.list_id,
                        pair.country,
                        pair.good,
                        _yes(pair.forced_labour),
                        _yes(pair.child_labour),
                    ]
                    for pair in register.dol_without_evidence
                ],
            )
        )
    return xlsx_bytes(sheets, name)


def _xlsx_rows(register: RiskRegister) -> Iterator[list[Cell]]:
    compared = _compared(register)
    for row in register.rows:
        cells: list[Cell] = list(row_cells(row, compared))
        cells[5], cells[6] = row.sources, row.documents
        yield cells


def register_geojson(register: RiskRegister) -> dict[str, Any]:
    """The register as a GeoJSON FeatureCollection (RFC 7946): a Point feature
    per row, its properties the row's JSON record and ``point``; a row whose
    country has no known point has a null geometry."""
    features = []
    for row in register.rows:
        found = place_point(row.country, row.subdivision)
        properties = {**row.record(), "point": found[2] if found else None}
        geometry = (
            {"type": "Point", "coordinates": [found[0], found[1]]} if found else None
        )
        features.append(
            {"type": "Feature", "geometry": geometry, "properties": properties}
        )
    return {"type": "FeatureCollection", "features": features}


def place_point(
    country: str, subdivision: str | None
) -> tuple[float, float, str] | None:
    """(longitude, latitude, what it is) for a row: the subdivision's point
    (``subdivision``), else its largest city's (``subdivision city``), else the
    country's (``country``), else the country's largest city's (``country city``),
    from the bundled gazetteers; None where none has coordinates."""
    points = _points()
    places = [(subdivision, "subdivision")] if subdivision else []
    for code, kind in [*places, (country, "country")]:
        if (code, "place") in points:
            longitude, latitude = points[(code, "place")]
            return longitude, latitude, kind
        if (code, "city") in points:
            longitude, latitude = points[(code, "city")]
            return longitude, latitude, f"{kind} city"
    return None


@lru_cache(maxsize=1)
def _points() -> dict[tuple[str, str], tuple[float, float]]:
    """(code, "place") for a country or subdivision's own coordinates, and
    (code, "city") for its most populous city's, from the gazetteers; the
    project's ``gazetteer.csv`` comes first and wins."""
    from laborwatch.extract.vocabulary import gazetteer

    points: dict[tuple[str, str], tuple[float, float]] = {}
    population: dict[tuple[str, str], int] = {}
    for entry in gazetteer():
        if entry.latitude is None or entry.longitude is None:
            continue
        point = (entry.longitude, entry.latitude)
        if entry.kind == "country":
            points.setdefault((entry.country, "place"), point)
        elif entry.kind == "subdivision" and entry.subdivision:
            points.setdefault((entry.subdivision, "place"), point)
        elif entry.kind == "city":
            size = entry.population or 0
            for code in filter(None, (entry.country, entry.subdivision)):
                if (code, "city") not in points or size > population[(code, "city")]:
                    points[(code, "city")] = point
                    population[(code, "city")] = size
    return points
