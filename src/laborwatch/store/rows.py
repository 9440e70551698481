"""Reading stored rows back into the pipeline's dataclasses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import Connection, Row, Table, select

from laborwatch.errors import NotFound

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")

# The range of SQLite's INTEGER and PostgreSQL's BIGINT: an id outside it names no
# row, and the drivers raise on it (OverflowError) rather than find nothing.
MIN_ID, MAX_ID = -(2**63), 2**63 - 1
# The most rows a page may skip: enough for any store, and far inside the range.
MAX_OFFSET = 1_000_000_000


def storable(value: object) -> bool:
    """Whether ``value`` can be compared with a stored integer: any value but an int
    outside the 64-bit range."""
    return not isinstance(value, int) or MIN_ID <= value <= MAX_ID


def from_row(record: type[R], row: Row[Any] | Mapping[str, Any], **given: Any) -> R:
    """A ``record`` whose fields are the row's columns of the same names, except
    those ``given``; a field with no such column is a bug, and raises."""
    columns = row._mapping if isinstance(row, Row) else row
    values = {
        field.name: columns[field.name]
        for field in fields(record)
        if field.init and field.name not in given
    }
    return record(**values, **given)


def document_rows(
    connection: Connection, table: Table, document_id: str, order: str = "id"
) -> Sequence[Row[Any]]:
    """A document's rows in ``table`` (one with a ``document_id``), by ``order``."""
    return connection.execute(
        select(table).where(table.c.document_id == document_id).order_by(table.c[order])
    ).all()


def row_by_id(
    connection: Connection, table: Table, row_id: object, missing: str
) -> Row[Any]:
    """The row of ``table`` with this id; NotFound saying ``missing`` if none."""
    if not storable(row_id):
        raise NotFound(missing)
    row = connection.execute(select(table).where(table.c.id == row_id)).first()
    if row is None:
        raise NotFound(missing)
    return row
