"""Migrations, on both engines: step by step, down and up again, data kept, the
result matching the table definitions, and two processes opening a new database."""

from __future__ import annotations

import threading

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from laborwatch.store import count_documents, open_database
from laborwatch.store.database import _alembic_config, latest_revision, schema_revision
from laborwatch.store.tables import metadata
from tests.store.test_documents import ARTICLE, store

REVISIONS = [
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
]


def migrate(url: str, direction: str, revision: str) -> None:
    engine = create_engine(url)
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        getattr(command, direction)(config, revision)
    engine.dispose()


def test_revisions_are_the_ones_listed() -> None:
    assert latest_revision() == REVISIONS[-1]


def test_step_by_step_down_to_nothing_and_up_again(database_url: str) -> None:
    for revision in REVISIONS:
        migrate(database_url, "upgrade", revision)
    database = open_database(database_url, migrate=False)
    assert schema_revision(database) == REVISIONS[-1]
    database.close()
    for revision in reversed(REVISIONS[:-1]):
        migrate(database_url, "downgrade", revision)
    migrate(database_url, "downgrade", "base")
    engine = create_engine(database_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    engine.dispose()
    migrate(database_url, "upgrade", "head")


def test_upgrade_keeps_stored_documents(database_url: str) -> None:
    migrate(database_url, "upgrade", "0001")
    early = open_database(database_url, migrate=False)
    store(early, ARTICLE)  # documents, sentences, sources: all in 0001
    early.close()
    database = open_database(database_url)  # upgrades to the latest
    assert schema_revision(database) == latest_revision()
    assert count_documents(database)["documents"] == 1
    database.close()


def test_migrated_schema_matches_the_table_definitions(database_url: str) -> None:
    open_database(database_url).close()
    engine = create_engine(database_url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    # Full-text search lives outside the table definitions (FTS5 tables on
    # SQLite, generated tsvector columns on PostgreSQL), and an index declared for
    # the other engine only is not made here; everything else must agree.
    dialect = make_url(database_url).get_backend_name()
    assert [
        d for d in differences if not _full_text(d) and not _elsewhere(d, dialect)
    ] == []


def _elsewhere(difference: object, dialect: str) -> bool:
    """An index to add that its definition makes on another engine only."""
    if not isinstance(difference, tuple) or difference[0] != "add_index":
        return False
    name = difference[1].name
    # autogenerate compares copies, without the condition: read the definition.
    declared = [
        index
        for table in metadata.tables.values()
        for index in table.indexes
        if index.name == name
    ]
    condition = declared[0]._ddl_if if declared else None
    return condition is not None and condition.dialect not in (None, dialect)


def _full_text(difference: object) -> bool:
    text = repr(difference)
    return any(name in text for name in ("_fts", "search_vector", "tsv"))


def test_two_processes_opening_a_new_database_both_succeed(database_url: str) -> None:
    errors: list[BaseException] = []

    def open_and_close() -> None:
        try:
            open_database(database_url).close()
        except BaseException as error:  # reported below
            errors.append(error)

    threads = [threading.Thread(target=open_and_close) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    database = open_database(database_url)
    assert schema_revision(database) == latest_revision()
    database.close()


def test_downgrading_0008_keeps_every_screening_row(database_url: str) -> None:
    # Through the app's own engine, where SQLite enforces foreign keys: a table
    # copy-and-drop would cascade to the rows.
    from sqlalchemy import func, select

    from laborwatch.screen import screen_file
    from laborwatch.store.tables import screening_rows
    from tests.conftest import FIXTURES

    database = open_database(database_url)
    screen_file(FIXTURES / "screening" / "suppliers.csv", database)
    with database.engine.connect() as connection:
        before = connection.scalar(select(func.count()).select_from(screening_rows))
    assert before
    config = _alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    with database.engine.connect() as connection:
        after = connection.scalar(select(func.count()).select_from(screening_rows))
    database.close()
    assert after == before
