"""Opening a database: per-dialect set-up and migration to the latest schema."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, Insert, Table, create_engine, event
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from laborwatch.errors import LaborwatchError

MIGRATIONS = Path(__file__).parent / "migrations"
_MIGRATION_LOCK = 0x6C61626F72  # any fixed number; "labor" in ASCII
_WAL_ATTEMPTS = 200  # 10 s


class Database:
    """An open database at the latest schema. Use ``reading()`` and ``writing()``."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def connection_url(self) -> str:
        """The URL with its password, for worker processes that connect themselves."""
        return self.engine.url.render_as_string(hide_password=False)

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """One transaction; on SQLite it takes the write lock at once, so two
        writers queue on the busy timeout instead of failing to upgrade a lock."""
        with self.engine.execution_options(laborwatch_write=True).begin() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()


def open_database(url: str, *, migrate: bool = True) -> Database:
    """Connect to the database at ``url`` and bring its schema up to date."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise LaborwatchError(f"{url}: not a database URL") from None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (
        None,
        "",
        ":memory:",
    ):
        folder = Path(parsed.database).parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise LaborwatchError(
                f"{folder}: cannot create database folder ({err.strerror})"
            ) from None
    try:
        engine = create_engine(parsed)
    except NoSuchModuleError:
        raise LaborwatchError(
            f"{parsed.render_as_string(hide_password=True)}: unsupported database"
        ) from None
    except ModuleNotFoundError as err:
        raise LaborwatchError(
            f"{parsed.drivername}: driver not installed ({err.name}); "
            "for PostgreSQL install laborwatch[postgres]"
        ) from None
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    database = Database(engine)
    if migrate:
        try:
            upgrade(database)
        except DBAPIError as err:
            engine.dispose()
            reason = str(err.orig).splitlines()[0] if err.orig else str(err)
            raise LaborwatchError(
                f"{database.url}: cannot open database ({reason})"
            ) from None
    return database


def _configure_sqlite(engine: Engine) -> None:
    """WAL for concurrent readers, foreign keys on, and transactions we begin ourselves.

    pysqlite's own transaction handling defers BEGIN and skips it for DDL; the
    SQLAlchemy recipe below hands that to us (see its "Serializable isolation /
    Savepoints / Transactional DDL" notes for pysqlite).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA busy_timeout=30000")
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writing = connection.get_execution_options().get("laborwatch_write", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays so). Switching needs a lock that SQLite
    will not wait for, so a process opening a new file at the same moment as
    another retries for a while instead of failing."""
    for attempt in range(_WAL_ATTEMPTS):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                return
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if attempt == _WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05)


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def schema_revision(database: Database) -> str | None:
    with database.reading() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def latest_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def upgrade(database: Database) -> None:
    """Apply any migrations the database lacks, in one transaction."""
    if schema_revision(database) == latest_revision():
        return
    config = _alembic_config()
    with database.writing() as connection:
        if database.dialect == "postgresql":
            # Two processes opening a new database at once: one migrates, one waits.
            connection.exec_driver_sql(
                f"SELECT pg_advisory_xact_lock({_MIGRATION_LOCK})"
            )
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def insert_or_ignore(connection: Connection, table: Table) -> Insert:
    """``INSERT … ON CONFLICT DO NOTHING``: a row another writer already added
    (same unique key) is left as it is, with no error and no lost transaction."""
    if connection.dialect.name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()
