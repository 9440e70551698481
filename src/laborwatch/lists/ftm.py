"""OpenSanctions data in FollowTheMoney JSON lines (``entities.ftm.json``).

One entity per line: ``{"id", "schema", "properties": {...}, "datasets": [...]}``.
Only the schemata a list can target are kept (people, organisations, companies,
vessels, aircraft); sanctions, addresses and relations are read for nothing yet.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.lists.entry import SCHEMATA, ListEntry, LoadedList
from laborwatch.lists.files import checksum, read_bytes

_IDENTIFIER_PROPERTIES = (
    "idNumber",
    "passportNumber",
    "registrationNumber",
    "innCode",
    "ogrnCode",
    "taxNumber",
    "leiCode",
    "swiftBic",
    "imoNumber",
    "mmsi",
    "registrationNumber",
)


def looks_like_ftm(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"schema"' in first and b'"properties"' in first


def load_ftm(path: Path, list_id: str | None = None) -> LoadedList:
    data = read_bytes(path)
    entries = []
    datasets: set[str] = set()
    latest = ""
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entity = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise LaborwatchError(f"{path}:{number}: not valid JSON ({err})") from None
        if not isinstance(entity, dict) or "schema" not in entity or "id" not in entity:
            raise LaborwatchError(f"{path}:{number}: not a FollowTheMoney entity")
        datasets.update(entity.get("datasets") or [])
        latest = max(latest, str(entity.get("last_change") or ""))
        if entity["schema"] in SCHEMATA:
            entries.append(_entry(entity))
    if not entries:
        raise LaborwatchError(f"{path}: no people, organisations, companies or vessels")
    name = list_id or (
        sorted(datasets)[0] if len(datasets) == 1 else path.stem.split(".")[0]
    )
    return LoadedList(
        list_id=name,
        title=f"OpenSanctions: {name}",
        format="ftm-json",
        publisher="OpenSanctions (from the publishers it collects)",
        published=date.fromisoformat(latest[:10]) if latest[:10] else None,
        sources=(str(path),),
        checksum=checksum(data),
        entries=entries,
    )


def _entry(entity: dict[str, Any]) -> ListEntry:
    properties: dict[str, list[str]] = entity.get("properties") or {}

    def values(*names: str) -> tuple[str, ...]:
        found: list[str] = []
        for name in names:
            found += [str(v) for v in properties.get(name, []) if v]
        return tuple(dict.fromkeys(found))

    names = values("name")
    return ListEntry(
        entry_id=str(entity["id"]),
        schema=str(entity["schema"]),
        name=names[0] if names else str(entity.get("caption") or entity["id"]),
        aliases=names[1:] + values("alias", "previousName"),
        weak_aliases=values("weakAlias"),
        countries=tuple(
            c.upper()
            for c in values("country", "nationality", "jurisdiction", "flag")
            if len(c) == 2
        ),
        addresses=values("address"),
        identifiers=tuple(
            (name, value) for name in _IDENTIFIER_PROPERTIES for value in values(name)
        ),
        birth_dates=values("birthDate", "incorporationDate"),
        programs=values("programId", "program", "topics"),
        notes="; ".join(values("notes")) or None,
    )
