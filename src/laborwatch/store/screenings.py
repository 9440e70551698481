"""Screening runs: written as they go (rows in batches), read back for audit.

A run is created ``running`` with its process (host and pid); its rows are appended
in batches, each batch its own transaction that also stamps ``updated_at``, so a
million-row file never sits in memory. It ends ``complete`` with its summary, or
``failed`` with the error that stopped it (``interrupted`` when the user stopped it).
A run whose process died without a word (killed, the machine off) stays ``running``
in the database; readers show it as ``interrupted``: its process is gone from this
host, or it has stored nothing for an hour. Runs that are not complete keep the
rows they had, and their summary counts those rows.
"""

from __future__ import annotations

import os
import socket
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select, update

from laborwatch.errors import LaborwatchError
from laborwatch.store.database import Database
from laborwatch.store.rows import from_row, row_by_id, storable
from laborwatch.store.tables import screening_rows, screenings

LEVELS = ("high", "medium", "low", "none")
# A batch is a thousand rows, screened in seconds to minutes; a run that stored
# nothing for this long is gone even if a process with its pid exists (pid reuse),
# and this is all a reader on another host can go by.
STALE_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class ScreeningRecord:
    """A run's audit record as readers see it: its effective status (a run whose
    process is gone reads ``interrupted``), its summary, no process details."""

    id: int
    created_at: str
    input_name: str
    input_checksum: str
    laborwatch_version: str
    extractor_version: str
    lists: list[dict[str, Any]]
    config: dict[str, Any]
    status: str
    summary: dict[str, int]
    error: str | None
    rerun_of: int | None
    watched: bool

    @property
    def complete(self) -> bool:
        return self.status == "complete"

    def record(self) -> dict[str, Any]:
        """The JSON shape of ``screenings show --json`` and ``/api/screenings/ID``
        (less its results): the fields in order, then ``complete``."""
        return {**asdict(self), "complete": self.complete}

    def listing(self) -> dict[str, Any]:
        """The JSON shape of one run in ``screenings list --json`` and
        ``/api/screenings``: no versions, no configuration."""
        record = self.record()
        return {key: record[key] for key in _LISTED}


# The keys of a run in a listing, in their order there.
_LISTED = (
    "id",
    "created_at",
    "input_name",
    "input_checksum",
    "status",
    "summary",
    "error",
    "lists",
    "rerun_of",
    "watched",
    "complete",
)


@dataclass(frozen=True)
class StoredScreening:
    """A run's audit record and its stored results (those of one level if asked)."""

    run: ScreeningRecord
    results: list[dict[str, Any]]

    def record(self) -> dict[str, Any]:
        """The JSON shape of ``screenings show --json``: the audit record, then
        the results."""
        return {**self.run.record(), "results": self.results}


def start_screening(database: Database, record: dict[str, Any]) -> int:
    now = datetime.now(UTC)
    with database.writing() as connection:
        result = connection.execute(
            screenings.insert().values(
                **record,
                status="running",
                summary={},
                host=socket.gethostname(),
                pid=os.getpid(),
                updated_at=now,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def append_rows(
    database: Database, screening_id: int, rows: list[dict[str, Any]]
) -> None:
    with database.writing() as connection:
        if rows:
            connection.execute(
                screening_rows.insert(),
                [
                    {
                        "screening_id": screening_id,
                        "row": row["row"],
                        "name": row["name"],
                        "level": row["level"],
                        "result": row,
                    }
                    for row in rows
                ],
            )
        connection.execute(
            update(screenings)
            .where(screenings.c.id == screening_id)
            .values(updated_at=datetime.now(UTC))
        )


def finish_screening(
    database: Database, screening_id: int, summary: dict[str, int]
) -> None:
    with database.writing() as connection:
        connection.execute(
            update(screenings)
            .where(screenings.c.id == screening_id)
            .values(status="complete", summary=summary, updated_at=datetime.now(UTC))
        )


def stop_screening(
    database: Database, screening_id: int, status: str, error: str
) -> None:
    """Mark a run ``failed`` or ``interrupted``, with the one line saying why."""
    with database.writing() as connection:
        connection.execute(
            update(screenings)
            .where(screenings.c.id == screening_id)
            .values(status=status, error=error, updated_at=datetime.now(UTC))
        )


def get_screening(
    database: Database, screening_id: int, level: str | None = None
) -> StoredScreening:
    """A run with its results in row order: all of them, or those of one ``level``.

    The summary counts every row whatever ``level`` keeps."""
    run = screening_record(database, screening_id)
    query = select(screening_rows.c.result).where(
        screening_rows.c.screening_id == screening_id
    )
    if level is not None:
        query = query.where(screening_rows.c.level == level)
    with database.reading() as connection:
        results = list(
            connection.execute(query.order_by(screening_rows.c.row)).scalars()
        )
    return StoredScreening(run, results)


def screening_record(database: Database, screening_id: int) -> ScreeningRecord:
    """A run's audit record and summary, without its results."""
    with database.reading() as connection:
        row = row_by_id(
            connection, screenings, screening_id, f"{screening_id}: no such screening"
        )
        record = _record(row._asdict())
        if not record.complete:
            record = replace(
                record,
                summary=_summary(_levels(connection, [screening_id])[screening_id]),
            )
    return record


def stored_result(
    database: Database, screening_id: int, row: int
) -> dict[str, Any] | None:
    """Run ``screening_id``'s result for supplier row ``row``, if it has one."""
    if not (storable(screening_id) and storable(row)):
        return None
    with database.reading() as connection:
        result: dict[str, Any] | None = connection.execute(
            select(screening_rows.c.result).where(
                screening_rows.c.screening_id == screening_id,
                screening_rows.c.row == row,
            )
        ).scalar()
    return result


def iter_results(
    database: Database, screening_id: int, batch: int = 1000
) -> Iterator[dict[str, Any]]:
    """A run's results in row order, read a batch at a time: a million-row run is
    never held in memory, nor one read held open while the caller writes."""
    after: int | None = None
    while True:
        query = select(screening_rows.c.row, screening_rows.c.result).where(
            screening_rows.c.screening_id == screening_id
        )
        if after is not None:
            query = query.where(screening_rows.c.row > after)
        with database.reading() as connection:
            page = list(
                connection.execute(query.order_by(screening_rows.c.row).limit(batch))
            )
        for row in page:
            yield row.result
        if len(page) < batch:
            return
        after = page[-1].row


def list_screenings(
    database: Database, limit: int = 50, offset: int = 0, watched: bool | None = None
) -> list[ScreeningRecord]:
    """Runs newest first, with the lists (and editions) each was screened against;
    only those watched (or not) when ``watched`` is given."""
    query = (
        select(screenings).order_by(screenings.c.id.desc()).limit(limit).offset(offset)
    )
    if watched is not None:
        query = query.where(screenings.c.watched == watched)
    with database.reading() as connection:
        records = [_record(row._asdict()) for row in connection.execute(query)]
        partial = [record.id for record in records if not record.complete]
        levels = _levels(connection, partial)
    return [
        replace(record, summary=_summary(levels[record.id]))
        if record.id in levels
        else record
        for record in records
    ]


def set_watched(database: Database, screening_id: int, watched: bool) -> None:
    """Mark a run watched (rerun by ``rerun_watched``) or not; only a complete run
    can be watched, since only a complete run can be rerun."""
    record = screening_record(database, screening_id)
    if watched and not record.complete:
        raise LaborwatchError(
            f"screening {screening_id}: {record.status} after "
            f"{record.summary['rows']} rows; only complete runs can be watched"
        )
    with database.writing() as connection:
        connection.execute(
            update(screenings)
            .where(screenings.c.id == screening_id)
            .values(watched=watched)
        )


def move_watch(database: Database, old_id: int, new_id: int) -> None:
    """Move the watch from run ``old_id`` to run ``new_id``, in one transaction."""
    with database.writing() as connection:
        connection.execute(
            update(screenings).where(screenings.c.id == old_id).values(watched=False)
        )
        connection.execute(
            update(screenings).where(screenings.c.id == new_id).values(watched=True)
        )


def watched_screenings(database: Database) -> list[int]:
    """The ids of the watched runs, oldest first."""
    with database.reading() as connection:
        return list(
            connection.execute(
                select(screenings.c.id)
                .where(screenings.c.watched.is_(True))
                .order_by(screenings.c.id)
            ).scalars()
        )


def rerun_links(database: Database) -> list[tuple[int, int | None, bool]]:
    """Every run as (id, the run it reran, complete), oldest first."""
    with database.reading() as connection:
        rows = connection.execute(
            select(
                screenings.c.id, screenings.c.rerun_of, screenings.c.status
            ).order_by(screenings.c.id)
        ).all()
    return [(row.id, row.rerun_of, row.status == "complete") for row in rows]


def _levels(connection: Connection, ids: list[int]) -> dict[int, Counter[str]]:
    """The rows stored so far by level, for each of the runs ``ids``."""
    levels: dict[int, Counter[str]] = {key: Counter() for key in ids}
    if ids:
        counts = connection.execute(
            select(
                screening_rows.c.screening_id,
                screening_rows.c.level,
                func.count(),
            )
            .where(screening_rows.c.screening_id.in_(ids))
            .group_by(screening_rows.c.screening_id, screening_rows.c.level)
        )
        for screening_id, level, count in counts:
            levels[screening_id][level] = count
    return levels


def _summary(levels: Counter[str]) -> dict[str, int]:
    summary = {level: levels[level] for level in LEVELS}
    summary["rows"] = sum(levels.values())
    return summary


def _record(row: dict[str, Any]) -> ScreeningRecord:
    """A run as readers see it: its effective status, no process details."""
    status, error = row["status"], row["error"]
    if status == "running" and _gone(row["host"], row["pid"], _utc(row["updated_at"])):
        status = "interrupted"
        error = error or "the screening process stopped before the end"
    created_at = row["created_at"]
    return from_row(
        ScreeningRecord,
        row,
        created_at=(
            created_at.isoformat() if isinstance(created_at, datetime) else created_at
        ),
        status=status,
        error=error,
    )


def _gone(host: str | None, pid: int | None, updated_at: datetime | None) -> bool:
    if updated_at is None or datetime.now(UTC) - updated_at > STALE_AFTER:
        return True  # also every run left running before runs recorded a process
    if host != socket.gethostname() or pid is None or os.name == "nt":
        return False  # os.kill(pid, 0) would end the process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # alive, another user's
    return False


def _utc(value: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every time stored here is UTC.
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value
