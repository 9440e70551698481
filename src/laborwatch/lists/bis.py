"""The US Commerce Department's (BIS) Denied Persons List, tab-separated.

Header: Name, Street_Address, City, State, Country, Postal_Code, Effective_Date,
Expiration_Date, Standard_Order, Last_Update, Action, FR_Citation. The list has no
entry ids: one is derived from the name, and rows naming the same party at several
addresses are merged.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.errors import LaborwatchError
from laborwatch.lists.entry import ListEntry, ListSource, LoadedList, looks_like_company
from laborwatch.lists.files import csv_rows, decode, read_bytes

BIS_LIST = ListSource(
    "us_bis_denied",
    "BIS Denied Persons List",
    "bis-dpl",
    "US Department of Commerce, Bureau of Industry and Security",
)

REQUIRED = (
    "Name",
    "Street_Address",
    "City",
    "Country",
    "Effective_Date",
    "FR_Citation",
)


def looks_like_bis(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf").startswith(b'"Name"\t') or head.startswith(
        b"Name\t"
    )


def load_bis(path: Path) -> LoadedList:
    data = read_bytes(path)
    rows = csv_rows(path, decode(path, data), delimiter="\t")
    _, header = next(rows, (1, []))
    header = [column.strip() for column in header]
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise LaborwatchError(f"{path}:1: missing column(s) {', '.join(missing)}")
    # Keyed by the upper-cased name, from which the entry id is derived: two
    # spellings of one name are one party, never two entries with one id.
    parties: dict[str, dict[str, list[str]]] = {}
    latest: date | None = None
    for line, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(header):
            raise LaborwatchError(
                f"{path}:{line}: expected {len(header)} columns, found {len(cells)}"
            )
        row = dict(zip(header, cells, strict=True))
        name = row["Name"].strip()
        if not name:
            raise LaborwatchError(f"{path}:{line}: no Name")
        party = parties.setdefault(
            name.upper(),
            {"name": [name], "addresses": [], "countries": [], "citations": []},
        )
        address = ", ".join(
            part.strip()
            for part in (
                row["Street_Address"],
                row["City"],
                row.get("State") or "",
                row["Country"],
            )
            if part and part.strip()
        )
        party["addresses"].append(address)
        party["countries"].append(row["Country"])
        party["citations"].append(row["FR_Citation"])
        updated = _date(row.get("Last_Update"))
        # A typed-in year far ahead (3017 in the 2022 edition) is no edition date.
        if updated and updated <= date.today() and (latest is None or updated > latest):
            latest = updated
    entries = [
        ListEntry(
            entry_id=hashlib.sha1(key.encode()).hexdigest()[:12],
            schema="Company" if looks_like_company(party["name"][0]) else "LegalEntity",
            name=party["name"][0],
            countries=tuple(
                dict.fromkeys(c for c in map(country_code, party["countries"]) if c)
            ),
            addresses=tuple(dict.fromkeys(a for a in party["addresses"] if a)),
            programs=("Denied Persons List",),
            notes="; ".join(dict.fromkeys(c for c in party["citations"] if c)) or None,
        )
        for key, party in parties.items()
    ]
    return BIS_LIST.read_from(path, data, latest, entries)


def _date(value: str | None) -> date | None:
    for form in ("%Y-%m-%d", "%m/%d/%Y"):
        try:
            return datetime.strptime((value or "").strip(), form).date()
        except ValueError:
            continue
    return None
