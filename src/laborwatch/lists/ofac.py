"""OFAC's SDN and consolidated (non-SDN) lists in their CSV form.

Files: ``sdn.csv`` with ``alt.csv``, ``add.csv`` and ``sdn_comments.csv`` beside it,
or ``cons_prim.csv`` with ``cons_alt.csv``, ``cons_add.csv`` and
``cons_comments.csv``. No header row; ``-0-`` marks an empty field; fields may or
may not be quoted (OFAC quotes them since 2024); files end with a 0x1A byte.
Documented at https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.errors import LaborwatchError
from laborwatch.lists.entry import ListEntry, ListSource, LoadedList, looks_like_company
from laborwatch.lists.files import checksum, csv_rows, decode, read_bytes

SDN_LIST = ListSource(
    "us_ofac_sdn",
    "OFAC Specially Designated Nationals List",
    "ofac-csv",
    "US Treasury, Office of Foreign Assets Control",
)
CONSOLIDATED_LIST = ListSource(
    "us_ofac_cons",
    "OFAC Consolidated (non-SDN) List",
    "ofac-csv",
    "US Treasury, Office of Foreign Assets Control",
)

_MAIN_COLUMNS = 12  # ent_num, name, type, program, title, call sign, vessel type,
# tonnage, GRT, vessel flag, vessel owner, remarks
_SIBLINGS = {
    "sdn.csv": ("alt.csv", "add.csv", "sdn_comments.csv"),
    "cons_prim.csv": ("cons_alt.csv", "cons_add.csv", "cons_comments.csv"),
}
_SCHEMA = {"individual": "Person", "vessel": "Vessel", "aircraft": "Airplane"}
_DOB = re.compile(
    r"\bDOB (?:circa )?([0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}|[A-Z][a-z]{2} [0-9]{4}|[0-9]{4})"
)
_NATIONALITY = re.compile(
    r"\b(?:nationality|citizen|Nationality of Registration) ([^;.]+)"
)
_WEAK_AKA = re.compile(r"a\.k\.a\. '([^']+)'")
_IDENTIFIERS = re.compile(
    r"\b(Passport|National ID No\.|SWIFT/BIC|IMO|Registration Number|Tax ID No\.|"
    r"Registration ID|Identification Number|Aircraft Tail Number|MMSI|Cedula No\.)"
    r" ([A-Z0-9][\w/-]*)"
)


def is_ofac_main_file(path: Path) -> bool:
    return path.name.lower() in _SIBLINGS


def load_ofac(path: Path) -> LoadedList:
    """Read an OFAC CSV set from its main file and whichever siblings exist."""
    consolidated = path.name.lower().startswith("cons_")
    alt_name, add_name, comments_name = _SIBLINGS[path.name.lower()]
    blobs = [read_bytes(path)]
    rows = _rows(path, blobs[0], _MAIN_COLUMNS)
    extras: dict[str, list[list[str]]] = {}
    sources = [str(path)]
    for kind, name, width in (
        ("alt", alt_name, 5),
        ("add", add_name, 6),
        ("comments", comments_name, 2),
    ):
        sibling = path.with_name(name)
        if sibling.exists():
            blob = read_bytes(sibling)
            blobs.append(blob)
            sources.append(str(sibling))
            extras[kind] = _rows(sibling, blob, width)
    aliases: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for ent_num, _alt_num, alt_type, alt_name_, _remarks in extras.get("alt", []):
        aliases[ent_num].append((alt_type or "aka", alt_name_ or ""))
    addresses: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for ent_num, _add_num, street, city, country, _remarks in extras.get("add", []):
        text = ", ".join(part for part in (street, city, country) if part)
        addresses[ent_num].append((text, country))
    comments: dict[str, str] = defaultdict(str)
    for ent_num, remarks in extras.get("comments", []):
        comments[ent_num] += remarks or ""

    entries = []
    for row in rows:
        (
            ent_num,
            name,
            sdn_type,
            program,
            title,
            _call,
            _vtype,
            _ton,
            _grt,
            flag,
            _owner,
            remarks,
        ) = row
        remarks = (remarks or "") + comments.get(ent_num, "")
        schema = _SCHEMA.get((sdn_type or "").lower()) or (
            "Company" if looks_like_company(name or "") else "Organization"
        )
        countries = [country_code(country) for _, country in addresses.get(ent_num, [])]
        countries += [
            country_code(match.strip()) for match in _NATIONALITY.findall(remarks)
        ]
        if flag:
            countries.append(country_code(flag))
        strong = [n for kind, n in aliases.get(ent_num, []) if n]
        entries.append(
            ListEntry(
                entry_id=ent_num,
                schema=schema,
                name=name or "",
                aliases=tuple(strong),
                weak_aliases=tuple(_WEAK_AKA.findall(remarks)),
                countries=tuple(dict.fromkeys(c for c in countries if c)),
                addresses=tuple(text for text, _ in addresses.get(ent_num, []) if text),
                identifiers=tuple(_IDENTIFIERS.findall(remarks)),
                birth_dates=tuple(_DOB.findall(remarks)),
                programs=tuple(
                    p.strip(" []")
                    for p in (program or "").split("] [")
                    if p.strip(" []")
                ),
                notes="; ".join(part for part in (title, remarks) if part) or None,
            )
        )
    # The CSV files carry no publication date (OFAC gives it on its site, and a
    # file's modification time is when it was copied): unknown, unless
    # ``lists load --published`` gives it.
    return (CONSOLIDATED_LIST if consolidated else SDN_LIST).loaded(
        None, tuple(sources), checksum(*blobs), entries=entries
    )


def _rows(path: Path, data: bytes, width: int) -> list[list[str]]:
    """CSV rows with ``-0-`` as empty, each checked to have ``width`` columns."""
    rows = []
    for line, row in csv_rows(path, decode(path, data)):
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise LaborwatchError(
                f"{path}:{line}: expected {width} columns, found {len(row)}"
            )
        rows.append([_clean(cell) for cell in row])
    if not rows:
        raise LaborwatchError(f"{path}: no entries")
    if not rows[0][0].strip().isdigit():
        raise LaborwatchError(f"{path}:1: first column is not an OFAC entity number")
    return rows


def _clean(cell: str) -> str:
    cell = cell.strip()
    return "" if cell == "-0-" else cell
