"""What every loaded list must be before it is stored: one entry per id, text a
database keeps as read.

The store keeps one row per (list, entry id), so two entries with one id would be
counted twice and stored once; an id or list id past its column's width, or text
with a NUL or an unpaired surrogate, fails inside the database. Each is refused
here instead, naming the file and the entry.
"""

from __future__ import annotations

from pathlib import Path

from laborwatch.errors import LaborwatchError
from laborwatch.lists.entry import ListEntry, LoadedList

MAX_LIST_ID = 64  # the width of lists.id in store/tables.py
MAX_ENTRY_ID = 128  # the width of list_entries.entry_id


def check_loaded(path: Path, loaded: LoadedList) -> None:
    """Raise a LaborwatchError naming the first entry the store would not keep."""
    if not loaded.list_id.strip() or len(loaded.list_id) > MAX_LIST_ID:
        raise LaborwatchError(
            f"{path}: list id {loaded.list_id[:80]!r} is empty or longer than "
            f"{MAX_LIST_ID} characters; give --id"
        )
    _check_text(path, "list id", loaded.list_id)
    first: dict[str, int] = {}
    for number, entry in enumerate(loaded.entries, start=1):
        label = f"entry {number} ({entry.name[:60]!r})"
        if not entry.entry_id.strip():
            raise LaborwatchError(f"{path}: {label} has no id")
        if len(entry.entry_id) > MAX_ENTRY_ID:
            raise LaborwatchError(
                f"{path}: {label} has an id longer than {MAX_ENTRY_ID} characters"
            )
        if entry.entry_id in first:
            earlier = loaded.entries[first[entry.entry_id] - 1]
            raise LaborwatchError(
                f"{path}: entries {first[entry.entry_id]} ({earlier.name[:60]!r}) and "
                f"{number} ({entry.name[:60]!r}) share the id {entry.entry_id!r}"
            )
        first[entry.entry_id] = number
        _check_text(path, label, "\x01".join(_texts(entry)))
    for number, pair in enumerate(loaded.country_goods, start=1):
        _check_text(path, f"good {number}", pair.good)


def _texts(entry: ListEntry) -> list[str]:
    """Every text of an entry (written out: walking the dataclass doubled the load
    time of a 15,000-entry list)."""
    return [
        entry.entry_id,
        entry.schema,
        entry.name,
        entry.notes or "",
        *entry.aliases,
        *entry.weak_aliases,
        *entry.countries,
        *entry.addresses,
        *entry.birth_dates,
        *entry.programs,
        *(text for pair in entry.identifiers for text in pair),
    ]


def _check_text(path: Path, where: str, text: str) -> None:
    if "\x00" in text:
        raise LaborwatchError(f"{path}: {where} holds a NUL character")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise LaborwatchError(f"{path}: {where} holds an unpaired surrogate") from None
