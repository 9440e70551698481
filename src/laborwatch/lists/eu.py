"""The EU consolidated financial sanctions list (Financial Sanctions Files, XML 1.1).

Root ``export`` (namespace http://eu.europa.ec/fpi/fsd/export) with a
``generationDate``; each ``sanctionEntity`` (``logicalId``, ``euReferenceNumber``)
has ``subjectType/@code`` (person, enterprise), ``nameAlias`` (``wholeName``,
``strong``), ``regulation/@programme``, ``citizenship``, ``address``,
``birthdate`` and ``identification``, all carried in attributes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.lists.entry import ListEntry, ListSource, LoadedList
from laborwatch.lists.files import iso_date, read_xml

EU_LIST = ListSource(
    "eu_fsf",
    "EU Consolidated Financial Sanctions List",
    "eu-xml",
    "European Commission (Financial Sanctions Files)",
)

_SCHEMA = {"person": "Person", "enterprise": "Organization"}


def looks_like_eu(head: bytes) -> bool:
    return b"<export" in head and b"fsd/export" in head


def load_eu(path: Path) -> LoadedList:
    data, root = read_xml(path, "export", "an EU sanctions export")
    entries = [_entry(node) for node in root.iter("sanctionEntity")]
    return EU_LIST.read_from(path, data, iso_date(root.get("generationDate")), entries)


def _entry(node: ElementTree.Element) -> ListEntry:
    subject = node.find("subjectType")
    code = subject.get("code", "") if subject is not None else ""
    strong: list[str] = []
    weak: list[str] = []
    for alias in node.findall("nameAlias"):
        name = (alias.get("wholeName") or "").strip()
        if name:
            (strong if alias.get("strong", "true").lower() == "true" else weak).append(
                name
            )
    countries = [
        element.get("countryIso2Code")
        or country_code(element.get("countryDescription"))
        for element in node.findall("citizenship") + node.findall("address")
    ]
    addresses = [
        ", ".join(
            part
            for part in (a.get("street"), a.get("city"), a.get("countryDescription"))
            if part and part != "UNKNOWN"
        )
        for a in node.findall("address")
    ]
    return ListEntry(
        entry_id=node.get("euReferenceNumber") or node.get("logicalId") or "",
        schema=_SCHEMA.get(code, "LegalEntity"),
        name=strong[0] if strong else (weak[0] if weak else ""),
        aliases=tuple(strong[1:]),
        weak_aliases=tuple(weak if strong else weak[1:]),
        countries=tuple(dict.fromkeys(c.upper() for c in countries if c and c != "00")),
        addresses=tuple(a for a in addresses if a),
        identifiers=tuple(
            (i.get("identificationTypeCode") or "id", i.get("number") or "")
            for i in node.findall("identification")
            if i.get("number")
        ),
        birth_dates=tuple(
            b.get("birthdate") or b.get("year") or ""
            for b in node.findall("birthdate")
            if b.get("birthdate") or b.get("year")
        ),
        programs=tuple(
            dict.fromkeys(
                r.get("programme") or ""
                for r in node.findall("regulation")
                if r.get("programme")
            )
        ),
        notes=(node.findtext("remark") or "").strip() or None,
    )
