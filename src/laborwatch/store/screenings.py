"""Screening runs: written as they go (rows in batches), read back for audit.

A run is created ``running``; its rows are appended in batches, each batch its own
transaction, so a million-row file never sits in memory; it becomes ``complete``
with its summary at the end. A run cut short stays ``running`` with the rows it had.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from laborwatch.errors import LaborwatchError
from laborwatch.store.database import Database
from laborwatch.store.tables import screening_rows, screenings


def start_screening(database: Database, record: dict[str, Any]) -> int:
    with database.writing() as connection:
        result = connection.execute(
            screenings.insert().values(**record, status="running", summary={})
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def append_rows(
    database: Database, screening_id: int, rows: list[dict[str, Any]]
) -> None:
    if not rows:
        return
    with database.writing() as connection:
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


def finish_screening(
    database: Database, screening_id: int, summary: dict[str, int]
) -> None:
    with database.writing() as connection:
        connection.execute(
            update(screenings)
            .where(screenings.c.id == screening_id)
            .values(status="complete", summary=summary)
        )


def get_screening(database: Database, screening_id: int) -> dict[str, Any]:
    with database.reading() as connection:
        row = connection.execute(
            select(screenings).where(screenings.c.id == screening_id)
        ).first()
        if row is None:
            raise LaborwatchError(f"{screening_id}: no such screening")
        results = connection.execute(
            select(screening_rows.c.result)
            .where(screening_rows.c.screening_id == screening_id)
            .order_by(screening_rows.c.row)
        ).scalars()
        record = _record(row._asdict())
        record["results"] = list(results)
    return record


def list_screenings(database: Database, limit: int = 50) -> list[dict[str, Any]]:
    query = (
        select(
            screenings.c.id,
            screenings.c.created_at,
            screenings.c.input_name,
            screenings.c.input_checksum,
            screenings.c.status,
            screenings.c.summary,
        )
        .order_by(screenings.c.id.desc())
        .limit(limit)
    )
    with database.reading() as connection:
        return [_record(row._asdict()) for row in connection.execute(query)]


def _record(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("created_at"), datetime):
        row["created_at"] = row["created_at"].isoformat()
    return row
