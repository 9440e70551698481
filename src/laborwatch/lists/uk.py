"""The UK Sanctions List (FCDO), in its XML form (``UK_Sanctions_List.xml``).

Each ``Designation`` has ``UniqueID``, ``IndividualEntityShip`` (Individual,
Entity, Ship), ``Names/Name`` (``Name1``..``Name6``, the family name last, and
``NameType``: Primary name, Primary name variation, Alias), ``NonLatinNames``,
``RegimeName``, ``Addresses/Address/AddressCountry``, ``IndividualDetails``
(``DOBs/DOB`` as dd/mm/yyyy, ``Nationalities``), ``ShipDetails`` and
``LastUpdated``/``DateDesignated`` (dd/mm/yyyy).
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from datetime import date, datetime
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.errors import LaborwatchError
from laborwatch.lists.entry import ListEntry, ListSource, LoadedList
from laborwatch.lists.files import parse_xml, read_bytes

UK_LIST = ListSource(
    "gb_fcdo_sanctions",
    "UK Sanctions List",
    "uk-xml",
    "UK Foreign, Commonwealth & Development Office",
)

_SCHEMA = {"individual": "Person", "entity": "Organization", "ship": "Vessel"}


def looks_like_uk(head: bytes) -> bool:
    return b"<Designation" in head


def load_uk(path: Path) -> LoadedList:
    data = read_bytes(path)
    root = parse_xml(path, data)
    designations = list(root.iter("Designation"))
    if not designations:
        raise LaborwatchError(f"{path}: no <Designation> entries")
    entries = [_entry(node) for node in designations]
    updated = [_date(node.findtext("LastUpdated")) for node in designations]
    known = [d for d in updated if d]
    return UK_LIST.read_from(path, data, max(known) if known else None, entries)


def _entry(node: ElementTree.Element) -> ListEntry:
    primary: list[str] = []
    aliases: list[str] = []
    for name in node.iter("Name"):
        if name.find("NameType") is None:
            continue  # a bare <Name> text element, not a name record
        parts = [(name.findtext(f"Name{n}") or "").strip() for n in range(1, 7)]
        full = (
            " ".join(part for part in parts if part)
            or (name.findtext("Name") or "").strip()
        )
        if not full:
            continue
        kind = (name.findtext("NameType") or "").strip().lower()
        (primary if kind.startswith("primary") else aliases).append(full)
    aliases += [
        (text or "").strip()
        for text in (n.text for n in node.iter("NameNonLatinScript"))
        if (text or "").strip()
    ]
    countries = (
        [n.text for n in node.iter("Nationality")]
        + [n.text for n in node.iter("AddressCountry")]
        + [n.text for n in node.iter("CurrentBelievedFlagOfShip")]
    )
    identifiers = [
        ("IMO", (n.text or "").strip())
        for n in node.iter("IMONumber")
        if (n.text or "").strip()
    ]
    return ListEntry(
        entry_id=(node.findtext("UniqueID") or "").strip(),
        schema=_SCHEMA.get(
            (node.findtext("IndividualEntityShip") or "").strip().lower(), "LegalEntity"
        ),
        name=primary[0] if primary else (aliases[0] if aliases else ""),
        aliases=tuple(
            dict.fromkeys(primary[1:] + (aliases if primary else aliases[1:]))
        ),
        countries=tuple(
            dict.fromkeys(c for c in (country_code(t) for t in countries) if c)
        ),
        identifiers=tuple(identifiers),
        birth_dates=tuple(
            d.isoformat() for d in (_date(n.text) for n in node.iter("DOB")) if d
        ),
        programs=tuple(
            dict.fromkeys(
                (n.text or "").strip() for n in node.iter("RegimeName") if n.text
            )
        ),
        notes=(node.findtext("OtherInformation") or "").strip() or None,
    )


def _date(value: str | None) -> date | None:
    try:
        return datetime.strptime((value or "").strip(), "%d/%m/%Y").date()
    except ValueError:
        return None
