"""One pass of ``laborwatch watch``: poll the feeds, update the lists, rerun the
watched screenings, and say what changed (docs/monitoring.md).

Each step goes on when another fails: a feed that cannot be read, a list whose
publisher does not answer or a run that cannot be rerun gives one line in
``errors``. A change is a document ingested from a feed, a list edition that
added or removed entries, or a watched screening whose rerun differs for at
least one supplier. The pass is stored (``watch_runs``) for the web page, and
``changes()`` gives one record per change for a JSON lines file.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.list_updates import update_list
from laborwatch.lists.update import SOURCES
from laborwatch.polling import poll_feeds
from laborwatch.records import load_record
from laborwatch.screen.watch import rerun_watched
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.store.lists import list_lists
from laborwatch.store.watch import save_watch_run


@dataclass
class WatchPass:
    """What one pass did: per feed its poll, per list its load, per watched run
    its rerun's diff summary; and the steps' errors."""

    started_at: datetime
    finished_at: datetime | None = None
    feeds: list[dict[str, Any]] = field(default_factory=list)
    lists: list[dict[str, Any]] = field(default_factory=list)
    screenings: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    id: int | None = None

    @property
    def status(self) -> str:
        """``failed`` if any step failed, else ``changed`` or ``unchanged``."""
        if self.errors:
            return "failed"
        return "changed" if self.changes() else "unchanged"

    def changes(self) -> list[dict[str, Any]]:
        """One record per change, in step order (the JSON lines file's lines)."""
        found: list[dict[str, Any]] = []
        for poll in self.feeds:
            if poll["ingested"]:
                found.append(
                    {
                        "kind": "documents",
                        "feed": poll["url"],
                        "documents": poll["ingested"],
                    }
                )
        for load in self.lists:
            edition = load["edition"]
            if (
                edition
                and not edition["baseline"]
                and (edition["added"] or edition["removed"])
            ):
                found.append(
                    {
                        "kind": "list",
                        "list": load["id"],
                        "edition": edition["number"],
                        "published": edition["published"],
                        "added": edition["added"],
                        "removed": edition["removed"],
                    }
                )
        for rerun in self.screenings:
            if rerun["changed"]:
                found.append({"kind": "screening", **rerun})
        return found

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "started_at": self.started_at.isoformat(),
            "finished_at": (self.finished_at.isoformat() if self.finished_at else None),
            "status": self.status,
            "changes": self.changes(),
            "feeds": self.feeds,
            "lists": self.lists,
            "screenings": self.screenings,
            "errors": self.errors,
        }


def watch(
    database: Database,
    settings: Settings,
    *,
    feeds: bool = True,
    lists: bool | Sequence[str] = True,
    base_url: str | None = None,
    screenings: bool = True,
    on_step: Callable[[str], None] | None = None,
) -> WatchPass:
    """Run one pass and store it. ``lists``: True for every loaded list laborwatch
    can fetch, False for none, or the ids to update; ``base_url`` a mirror of
    the publishers' files (``lists update --base-url``)."""
    done = WatchPass(started_at=datetime.now(UTC))
    step = on_step or (lambda _name: None)
    if feeds:
        step("feeds")
        polls = poll_feeds(database, settings)
        done.feeds = [poll.record() for poll in polls]
        done.errors += [
            line for poll in polls if poll.status == "failed" for line in poll.problems
        ]
    if lists:
        step("lists")
        wanted = (
            [summary.id for summary in list_lists(database) if summary.id in SOURCES]
            if lists is True
            else list(lists)
        )
        for list_id in wanted:
            try:
                load, _warnings = update_list(database, list_id, base_url)
            except LaborwatchError as err:
                done.errors.append(f"list {err}")
            else:
                done.lists.append(load_record(load))
    if screenings:
        step("screenings")
        for old_id, new_id, diff in rerun_watched(database, errors=done.errors):
            done.screenings.append(_rerun_record(old_id, new_id, diff))
    done.finished_at = datetime.now(UTC)
    record = done.record()
    done.id = save_watch_run(
        database,
        done.started_at,
        done.finished_at,
        done.status,
        {key: value for key, value in record.items() if key != "id"},
    )
    return done


def _rerun_record(old_id: int, new_id: int, diff: dict[str, Any]) -> dict[str, Any]:
    return {
        "old": old_id,
        "new": new_id,
        "input_name": diff["new"]["input_name"],
        "changed": diff["changed"],
        "unchanged": diff["unchanged"],
        "suppliers": [
            {
                "row": supplier["row"],
                "name": supplier["name"],
                "change": supplier["change"],
                "level": (
                    {key: supplier["level"][key] for key in ("old", "new")}
                    if supplier["level"]
                    else None
                ),
                "new_hits": len(supplier["new_hits"]),
                "dropped_hits": len(supplier["dropped_hits"]),
                "new_evidence": len(supplier["new_evidence"]),
            }
            for supplier in diff["suppliers"]
        ],
    }
