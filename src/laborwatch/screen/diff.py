"""What changed between two screening runs, supplier by supplier.

Suppliers are matched by row number and name (a rerun keeps both). For each, the
diff gives the level change, the list hits new and dropped (list, entry, listed
name), the evidence new and dropped (a risk register row whose strength changed
is dropped at the old strength and new at the new one) and the DOL
country-and-good risks new and dropped, each with the reason its run gave. A supplier with none of these
changes is only counted. Hits are told apart by what was screened (supplier,
parent company, address, identifier), list and entry, so a score that moved with
the lists' word frequencies is no change.

A hit's ``list_change`` says why it may have come or gone: its list loaded or
dropped between the runs, the list edition that added or removed its entry
(from the list history, ``store.editions``), else the list's edition change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any, TypeVar

from laborwatch.errors import LaborwatchError
from laborwatch.screen.config import LEVELS
from laborwatch.screen.register import place_name
from laborwatch.store import Database
from laborwatch.store.editions import entry_change, utc
from laborwatch.store.screenings import (
    ScreeningRecord,
    iter_results,
    screening_record,
)

K = TypeVar("K")
V = TypeVar("V")

_Result = dict[str, Any]
# (list id, entry id, added) -> the note saying which edition added (or removed)
# the entry between the two runs, or None.
EntryNote = Callable[[str, str, bool], str | None]


def diff_stored(database: Database, old_id: int, new_id: int) -> dict[str, Any]:
    """The diff of stored runs ``old_id`` and ``new_id`` (see ``diff_runs``)."""
    old = screening_record(database, old_id)
    new = screening_record(database, new_id)
    for record in (old, new):
        if not record.complete:
            raise LaborwatchError(
                f"screening {record.id}: {record.status} after "
                f"{record.summary['rows']} rows; only complete runs are compared"
            )
    return diff_runs(
        old,
        new,
        iter_results(database, old_id),
        iter_results(database, new_id),
        entry_note=_entry_notes(database, old, new),
    )


def _entry_notes(
    database: Database, old: ScreeningRecord, new: ScreeningRecord
) -> EntryNote:
    """Notes from the list history: the edition loaded after the list edition
    the old run screened against, and no later than the new run's, that added
    (or removed) an entry."""
    before = {item["id"]: item for item in old.lists}
    after = {item["id"]: item for item in new.lists}

    def note(list_id: str, entry_id: str, added: bool) -> str | None:
        if list_id not in before or list_id not in after:
            return None  # the list itself came or went: _list_note says so
        found = entry_change(
            database,
            list_id,
            entry_id,
            "added" if added else "removed",
            _time(before[list_id].get("loaded_at") or old.created_at),
            _time(after[list_id].get("loaded_at") or new.created_at),
        )
        if found is None:
            return None
        edition = found.edition
        title = after[list_id].get("title") or edition.title or list_id
        dated = (
            f"edition {edition.number}"
            if edition.published
            else f"edition {edition.number}, the day it was loaded: no publication date"
        )
        return (
            f"entry {'added to' if added else 'removed from'} {title} on "
            f"{edition.day.isoformat()} ({dated})"
        )

    return note


def _time(value: str) -> datetime:
    return utc(datetime.fromisoformat(value))


def diff_runs(
    old: ScreeningRecord,
    new: ScreeningRecord,
    old_results: Iterable[_Result],
    new_results: Iterable[_Result],
    entry_note: EntryNote | None = None,
) -> dict[str, Any]:
    """The changes from run ``old`` to run ``new`` (audit records as stored, and
    their results in row order): the runs, their lists' changes, the suppliers
    that changed and how many did not. ``entry_note`` tells which list edition
    added or removed a hit's entry, where the list history knows."""
    lists = _list_changes(old.lists, new.lists)
    suppliers: list[dict[str, Any]] = []
    unchanged = 0
    for before, after in _pairs(old_results, new_results):
        change = _supplier_change(before, after, old, new, entry_note)
        if change is None:
            unchanged += 1
        else:
            suppliers.append(change)
    return {
        "old": _run(old),
        "new": _run(new),
        "lists": lists,
        "suppliers": suppliers,
        "changed": len(suppliers),
        "unchanged": unchanged,
    }


def _run(record: ScreeningRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "created_at": record.created_at,
        "input_name": record.input_name,
        "input_checksum": record.input_checksum,
        "rerun_of": record.rerun_of,
        "summary": record.summary,
    }


def _list_changes(
    old: list[dict[str, Any]], new: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """Lists loaded for one run only, and lists whose edition (checksum) changed."""
    before = {item["id"]: item for item in old}
    after = {item["id"]: item for item in new}
    return {
        "added": [_edition(after[key]) for key in sorted(after.keys() - before)],
        "dropped": [_edition(before[key]) for key in sorted(before.keys() - after)],
        "changed": [
            {
                "id": key,
                "old": _edition(before[key]),
                "new": _edition(after[key]),
            }
            for key in sorted(before.keys() & after.keys())
            if before[key]["checksum"] != after[key]["checksum"]
        ],
    }


def _edition(item: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": item["id"],
        "published": item.get("published"),
        "checksum": item["checksum"],
        "loaded_at": item.get("loaded_at"),
    }


def _pairs(
    old: Iterable[_Result], new: Iterable[_Result]
) -> Iterator[tuple[_Result | None, _Result | None]]:
    """The two runs' results side by side, merged on row number (both in row
    order); a row whose name differs is a dropped supplier and a new one."""
    olds, news = iter(old), iter(new)
    before, after = next(olds, None), next(news, None)
    while before is not None or after is not None:
        if after is None or (before is not None and before["row"] < after["row"]):
            yield before, None
            before = next(olds, None)
        elif before is None or after["row"] < before["row"]:
            yield None, after
            after = next(news, None)
        else:
            if before["name"] == after["name"]:
                yield before, after
            else:
                yield before, None
                yield None, after
            before, after = next(olds, None), next(news, None)


def _supplier_change(
    before: _Result | None,
    after: _Result | None,
    old: ScreeningRecord,
    new: ScreeningRecord,
    entry_note: EntryNote | None,
) -> dict[str, Any] | None:
    either = after or before
    assert either is not None
    old_hits, new_hits = _hits(before), _hits(after)
    old_evidence, new_evidence = _evidence(before), _evidence(after)
    old_goods, new_goods = _country_goods(before), _country_goods(after)
    old_level = before["level"] if before else None
    new_level = after["level"] if after else None
    change = {
        "row": either["row"],
        "name": either["name"],
        "change": ("changed" if before and after else "new" if after else "dropped"),
        "level": (_level(before, after) if old_level != new_level else None),
        "new_hits": [
            _hit(hit, after, old, new, entry_note, added=True)
            for hit in _only_in(new_hits, old_hits)
        ],
        "dropped_hits": [
            _hit(hit, before, old, new, entry_note, added=False)
            for hit in _only_in(old_hits, new_hits)
        ],
        "new_evidence": [
            _evidence_item(item, after) for item in _only_in(new_evidence, old_evidence)
        ],
        "dropped_evidence": [
            _evidence_item(item, before)
            for item in _only_in(old_evidence, new_evidence)
        ],
        "new_country_goods": [
            _country_good(pair, after) for pair in _only_in(new_goods, old_goods)
        ],
        "dropped_country_goods": [
            _country_good(pair, before) for pair in _only_in(old_goods, new_goods)
        ],
    }
    if (
        change["change"] == "changed"
        and change["level"] is None
        and not any(change[key] for key in CHANGE_KEYS)
    ):
        return None
    return change


def _level(before: _Result | None, after: _Result | None) -> dict[str, Any]:
    """The level's change, with the reasons that made it: those only the new run
    gives when it went up, those only the old run gave when it went down."""
    old_level = before["level"] if before else None
    new_level = after["level"] if after else None
    old_reasons = (before or {}).get("reasons", [])
    new_reasons = (after or {}).get("reasons", [])
    up = _rank(new_level) > _rank(old_level)
    reasons = (
        [reason for reason in new_reasons if reason not in old_reasons]
        if up
        else [reason for reason in old_reasons if reason not in new_reasons]
    )
    return {"old": old_level, "new": new_level, "up": up, "reasons": reasons}


def _rank(level: str | None) -> int:
    return -1 if level is None else LEVELS.index(level)


# The keys of a supplier change that list what came and went.
CHANGE_KEYS = (
    "new_hits",
    "dropped_hits",
    "new_evidence",
    "dropped_evidence",
    "new_country_goods",
    "dropped_country_goods",
)


def _hits(result: _Result | None) -> dict[tuple[str, str, str], dict[str, Any]]:
    hits: dict[tuple[str, str, str], dict[str, Any]] = {}
    for hit in (result or {}).get("sanctions_hits", []):
        key = (hit.get("screened", ""), hit["list"], str(hit["entry_id"]))
        hits.setdefault(key, hit)
    return hits


def _only_in(mine: Mapping[K, V], other: Mapping[K, Any]) -> list[V]:
    """The values of ``mine`` whose keys ``other`` lacks, in ``mine``'s order."""
    return [value for key, value in mine.items() if key not in other]


def _hit(
    hit: dict[str, Any],
    result: _Result | None,
    old: ScreeningRecord,
    new: ScreeningRecord,
    entry_note: EntryNote | None,
    *,
    added: bool,
) -> dict[str, Any]:
    screened = hit.get("screened", "")
    marker = f"{hit['list']} (entry {hit['entry_id']}"
    reasons = [
        reason for reason in (result or {}).get("reasons", []) if marker in reason
    ]
    reason = next(
        (reason for reason in reasons if reason.startswith(f"{screened} ")),
        reasons[0] if reasons else f"{screened} matches {hit['caption']!r}",
    )
    return {
        "list": hit["list"],
        "entry_id": hit["entry_id"],
        "name": hit["caption"],
        "screened": screened,
        "score": hit.get("score"),
        "reason": reason,
        "list_change": _list_note(
            hit["list"], str(hit["entry_id"]), old, new, entry_note, added=added
        ),
    }


def _list_note(
    list_id: str,
    entry_id: str,
    old: ScreeningRecord,
    new: ScreeningRecord,
    entry_note: EntryNote | None,
    *,
    added: bool,
) -> str | None:
    """Why a hit may have come or gone: its list loaded or dropped, the edition
    that added or removed its entry, or the list's edition change."""
    before = {item["id"]: item for item in old.lists}.get(list_id)
    after = {item["id"]: item for item in new.lists}.get(list_id)
    if added and before is None:
        return f"{list_id} was not loaded for screening {old.id}"
    if not added and after is None:
        return f"{list_id} was not loaded for screening {new.id}"
    note = entry_note(list_id, entry_id, added) if entry_note else None
    if note:
        return note
    if before and after and before["checksum"] != after["checksum"]:
        return (
            f"{list_id} changed: edition {before.get('published') or 'undated'} "
            f"→ {after.get('published') or 'undated'}"
        )
    return None


def _evidence(result: _Result | None) -> dict[tuple[str, ...], dict[str, Any]]:
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for item in (result or {}).get("evidence", []):
        found.setdefault(_evidence_key(item), item)
    return found


def _evidence_key(item: dict[str, Any]) -> tuple[str, ...]:
    """A risk register row is told apart by its place, good and strength, so
    that a row grown from one source to two is a change (the row quoted at its
    old strength dropped, at its new one added); a report by its id."""
    if item.get("kind") == "country_good" and "strength" in item:
        return (
            "country_good",
            str(item.get("country")),
            str(item.get("subdivision") or ""),
            str(item.get("good")),
            str(item.get("strength")),
        )
    document = item.get("document") or {}
    return (
        item.get("kind", ""),
        str(document.get("id", "")),
        str(item.get("actor") or item.get("good") or ""),
    )


def _evidence_item(item: dict[str, Any], result: _Result | None) -> dict[str, Any]:
    document = item.get("document") or {}
    if item.get("kind") == "named":
        marker = f"names {item.get('actor')!r}"
    elif "strength" in item:
        place = place_name(str(item.get("country")), item.get("subdivision"))
        marker = f"risk register: {item.get('good')} in {place} — {item['strength']}"
    else:
        # Stored before screening read the risk register.
        marker = f"indicators for {item.get('good')} in {item.get('country')}"
    return {
        "kind": item.get("kind"),
        "document": document.get("id"),
        "title": document.get("title"),
        "actor": item.get("actor"),
        "good": item.get("good"),
        "strength": item.get("strength"),
        "reason": _reason(
            result,
            marker,
            f"a stored report: {document.get('title') or document.get('id')}",
        ),
    }


def _country_goods(result: _Result | None) -> dict[tuple[str, ...], dict[str, Any]]:
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for item in (result or {}).get("country_good", []):
        key = (str(item.get("list")), str(item.get("country")), str(item.get("good")))
        found.setdefault(key, item)
    return found


def _country_good(item: dict[str, Any], result: _Result | None) -> dict[str, Any]:
    marker = f"lists {item.get('good')} from {item.get('country')} as"
    return {
        "list": item.get("list"),
        "country": item.get("country"),
        "good": item.get("good"),
        "labour": item.get("labour", []),
        "reason": _reason(
            result,
            marker,
            f"{item.get('list')} lists {item.get('good')} from {item.get('country')}",
        ),
    }


def _reason(result: _Result | None, marker: str, otherwise: str) -> str:
    """The row's reason that contains ``marker`` (the one a finding gave), else
    ``otherwise``."""
    reasons = (result or {}).get("reasons", [])
    return next((str(reason) for reason in reasons if marker in reason), otherwise)
