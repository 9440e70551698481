"""OpenSanctions data in FollowTheMoney JSON lines (``entities.ftm.json``).

One entity per line: ``{"id", "schema", "properties": {...}, "datasets": [...]}``.
Only the schemata a list can target are kept (people, organisations, companies,
vessels, aircraft); sanctions, addresses and relations are read for nothing yet.

Values are read as FollowTheMoney's ``EntityProxy.add`` reads them: a property's
values are a list, a lone string is a list of one, and a date FtM's date type
cannot read is dropped (with a warning naming the line). Anything else of the
wrong shape (``properties`` not an object, a value that is an object) refuses the
file, naming the line.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.inputs import json_line
from laborwatch.lists.entry import SCHEMATA, ListEntry, ListSource, LoadedList
from laborwatch.lists.files import read_bytes

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
)
_DATE_PROPERTIES = ("birthDate", "incorporationDate")
# FtM dates are ISO 8601 prefixes: a year, year-month, day, or a timestamp.
_FTM_DATE = re.compile(
    r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2})(?:[T ][0-9:.+Z-]*)?)?)?"
)


def looks_like_ftm(head: bytes) -> bool:
    first = head.lstrip().split(b"\n", 1)[0]
    return first.startswith(b"{") and b'"schema"' in first and b'"properties"' in first


def load_ftm(path: Path, list_id: str | None = None) -> LoadedList:
    data = read_bytes(path)
    entries = []
    datasets: set[str] = set()
    latest: date | None = None
    dropped: list[str] = []
    lines: dict[str, int] = {}  # entry id -> the line that gave it
    for number, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        entity = json_line(line, where)
        if not (
            isinstance(entity, dict)
            and isinstance(entity.get("schema"), str)
            and isinstance(entity.get("id"), str)
            and entity["id"].strip()
        ):
            raise LaborwatchError(
                f"{where}: not a FollowTheMoney entity (no string id and schema)"
            )
        datasets.update(_strings(where, "datasets", entity.get("datasets")))
        changed = entity.get("last_change")
        if changed is not None:
            day = _date(changed)
            if day is None:
                dropped.append(f"{where}: last_change {changed!r}")
            elif latest is None or day > latest:
                latest = day
        if entity["schema"] in SCHEMATA:
            if entity["id"] in lines:
                raise LaborwatchError(
                    f"{where}: id {entity['id']!r} is already on line "
                    f"{lines[entity['id']]}"
                )
            lines[entity["id"]] = number
            entries.append(_entry(where, entity, dropped))
    if not entries:
        raise LaborwatchError(f"{path}: no people, organisations, companies or vessels")
    name = list_id or (
        sorted(datasets)[0] if len(datasets) == 1 else path.stem.split(".")[0]
    )
    warnings: tuple[str, ...] = ()
    if dropped:
        more = f" ({len(dropped) - 1} more in the file)" if len(dropped) > 1 else ""
        warnings = (f"{dropped[0]}: not a date FollowTheMoney reads, dropped{more}",)
    source = ListSource(
        name,
        f"OpenSanctions: {name}",
        "ftm-json",
        "OpenSanctions (from the publishers it collects)",
    )
    return source.read_from(path, data, latest, entries, warnings)


def _entry(where: str, entity: dict[str, Any], dropped: list[str]) -> ListEntry:
    properties = entity.get("properties")
    if properties is None:
        properties = {}
    if not isinstance(properties, dict):
        raise LaborwatchError(
            f"{where}: properties is a {type(properties).__name__}, not an object"
        )

    def values(*names: str) -> tuple[str, ...]:
        found: list[str] = []
        for name in names:
            found += _strings(where, f"properties.{name}", properties.get(name))
        return tuple(dict.fromkeys(found))

    birth_dates = []
    for value in values(*_DATE_PROPERTIES):
        if _date(value):
            birth_dates.append(value)
        else:
            dropped.append(f"{where}: date {value!r}")
    names = values("name")
    return ListEntry(
        entry_id=entity["id"],
        schema=entity["schema"],
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
        birth_dates=tuple(birth_dates),
        programs=values("programId", "program", "topics"),
        notes="; ".join(values("notes")) or None,
    )


def _strings(where: str, field: str, value: object) -> list[str]:
    """A FtM value list: a lone string is a list of one, empty values are none."""
    items = value if isinstance(value, list) else [value]
    found = []
    for item in items:
        if item is None or item == "":
            continue
        if isinstance(item, bool) or not isinstance(item, str | int | float):
            raise LaborwatchError(
                f"{where}: {field} holds a {type(item).__name__}, not text"
            )
        found.append(str(item).strip())
    return [text for text in found if text]


def _date(value: object) -> date | None:
    """The first day a FtM date names, or None where it is no date."""
    match = _FTM_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = match.groups()
    try:
        return date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
