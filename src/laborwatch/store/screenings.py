"""Screening runs: stored whole, read back for audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from laborwatch.errors import LaborwatchError
from laborwatch.store.database import Database
from laborwatch.store.tables import screenings


def save_screening(database: Database, record: dict[str, Any]) -> int:
    with database.writing() as connection:
        result = connection.execute(screenings.insert().values(**record))
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def get_screening(database: Database, screening_id: int) -> dict[str, Any]:
    with database.reading() as connection:
        row = connection.execute(
            select(screenings).where(screenings.c.id == screening_id)
        ).first()
    if row is None:
        raise LaborwatchError(f"{screening_id}: no such screening")
    return _record(row._asdict())


def list_screenings(database: Database, limit: int = 50) -> list[dict[str, Any]]:
    query = (
        select(
            screenings.c.id,
            screenings.c.created_at,
            screenings.c.input_name,
            screenings.c.input_checksum,
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
