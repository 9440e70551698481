"""Stored passes of ``laborwatch watch`` (``laborwatch.watching``), newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from laborwatch.store.database import Database
from laborwatch.store.editions import utc
from laborwatch.store.rows import row_by_id
from laborwatch.store.tables import watch_runs


def save_watch_run(
    database: Database,
    started_at: datetime,
    finished_at: datetime,
    status: str,
    detail: dict[str, Any],
) -> int:
    with database.writing() as connection:
        result = connection.execute(
            watch_runs.insert().values(
                started_at=started_at,
                finished_at=finished_at,
                status=status,
                detail=detail,
            )
        )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def list_watch_runs(
    database: Database, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """The latest passes, newest first, each as its record."""
    with database.reading() as connection:
        rows = connection.execute(
            select(watch_runs)
            .order_by(watch_runs.c.id.desc())
            .limit(limit)
            .offset(offset)
        ).all()
    return [_record(row) for row in rows]


def get_watch_run(database: Database, run_id: int) -> dict[str, Any]:
    with database.reading() as connection:
        row = row_by_id(
            connection, watch_runs, run_id, f"watch run {run_id}: no such run"
        )
    return _record(row)


def _record(row: Any) -> dict[str, Any]:
    return {
        **row.detail,
        "id": row.id,
        "started_at": utc(row.started_at).isoformat(),
        "finished_at": utc(row.finished_at).isoformat(),
        "status": row.status,
    }
