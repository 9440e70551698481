"""The UN Security Council Consolidated List, in its XML form.

Schema: https://scsanctions.un.org/resources/xml/en/consolidated.xsd; the root
``CONSOLIDATED_LIST`` carries ``dateGenerated``; ``INDIVIDUALS/INDIVIDUAL`` and
``ENTITIES/ENTITY`` hold the entries, identified by ``REFERENCE_NUMBER``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from laborwatch.countries import country_code
from laborwatch.lists.entry import ListEntry, ListSource, LoadedList
from laborwatch.lists.files import iso_date, read_xml

UN_LIST = ListSource(
    "un_sc_consolidated",
    "UN Security Council Consolidated List",
    "un-xml",
    "United Nations Security Council",
)


def looks_like_un(head: bytes) -> bool:
    return b"<CONSOLIDATED_LIST" in head


def load_un(path: Path) -> LoadedList:
    data, root = read_xml(path, "CONSOLIDATED_LIST", "a UN consolidated list")
    entries = [_individual(node) for node in root.iter("INDIVIDUAL")]
    entries += [_entity(node) for node in root.iter("ENTITY")]
    return UN_LIST.read_from(path, data, iso_date(root.get("dateGenerated")), entries)


def _text(node: ElementTree.Element, tag: str) -> str:
    found = node.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _values(node: ElementTree.Element, path: str) -> list[str]:
    return [
        (v.text or "").strip() for v in node.findall(path) if (v.text or "").strip()
    ]


def _aliases(node: ElementTree.Element, tag: str) -> tuple[list[str], list[str]]:
    good: list[str] = []
    low: list[str] = []
    for alias in node.findall(tag):
        name = _text(alias, "ALIAS_NAME")
        if name:
            (low if _text(alias, "QUALITY").lower() == "low" else good).append(name)
    return good, low


def _common(node: ElementTree.Element) -> dict[str, object]:
    programs = [_text(node, "UN_LIST_TYPE")] if _text(node, "UN_LIST_TYPE") else []
    return {
        "entry_id": _text(node, "REFERENCE_NUMBER") or _text(node, "DATAID"),
        "programs": tuple(programs),
        "notes": _text(node, "COMMENTS1") or None,
    }


def _individual(node: ElementTree.Element) -> ListEntry:
    parts = [
        _text(node, tag)
        for tag in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
    ]
    good, low = _aliases(node, "INDIVIDUAL_ALIAS")
    original = _text(node, "NAME_ORIGINAL_SCRIPT")
    if original:
        good.append(original)
    countries = _values(node, "NATIONALITY/VALUE") + _values(
        node, "INDIVIDUAL_ADDRESS/COUNTRY"
    )
    births = [
        _text(birth, "DATE") or _text(birth, "YEAR")
        for birth in node.findall("INDIVIDUAL_DATE_OF_BIRTH")
    ]
    documents: dict[str, str] = {}  # number -> type; the list repeats each per language
    for document in node.findall("INDIVIDUAL_DOCUMENT"):
        number = _text(document, "NUMBER")
        if number and number not in documents:
            documents[number] = _text(document, "TYPE_OF_DOCUMENT")
    return ListEntry(
        schema="Person",
        name=" ".join(part for part in parts if part),
        aliases=tuple(good),
        weak_aliases=tuple(low),
        countries=_codes(countries),
        addresses=tuple(
            _address(a) for a in node.findall("INDIVIDUAL_ADDRESS") if _address(a)
        ),
        identifiers=tuple((kind, number) for number, kind in documents.items()),
        birth_dates=tuple(b for b in births if b),
        **_common(node),  # type: ignore[arg-type]
    )


def _entity(node: ElementTree.Element) -> ListEntry:
    good, low = _aliases(node, "ENTITY_ALIAS")
    addresses = node.findall("ENTITY_ADDRESS")
    return ListEntry(
        schema="Organization",
        name=_text(node, "FIRST_NAME"),
        aliases=tuple(good),
        weak_aliases=tuple(low),
        countries=_codes([_text(a, "COUNTRY") for a in addresses]),
        addresses=tuple(_address(a) for a in addresses if _address(a)),
        **_common(node),  # type: ignore[arg-type]
    )


def _address(node: ElementTree.Element) -> str:
    parts = [
        _text(node, tag) for tag in ("STREET", "CITY", "STATE_PROVINCE", "COUNTRY")
    ]
    return ", ".join(part for part in parts if part)


def _codes(names: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for c in (country_code(n) for n in names) if c))
