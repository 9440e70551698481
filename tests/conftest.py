"""Shared fixtures: real databases (SQLite; PostgreSQL when configured), the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from laborwatch.extract.evidence import Evidence
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database
from tests.databases import postgres_database

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = FIXTURES / "reports"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POSTGRES_URL_VARIABLE = "LABORWATCH_TEST_POSTGRES"
REQUIRE_POSTGRES_VARIABLE = "LABORWATCH_TEST_REQUIRE_POSTGRES"  # set by .ci/run
# Every test that stores anything runs once on each.
ENGINES = ("sqlite", "postgresql")


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url and os.environ.get(REQUIRE_POSTGRES_VARIABLE):
        pytest.fail(f"{POSTGRES_URL_VARIABLE} is not set, and CI requires PostgreSQL")
    if not url:
        pytest.skip(
            f"PostgreSQL not configured: set {POSTGRES_URL_VARIABLE} to a server URL "
            "(.ci/run starts one and sets it)"
        )
    return url


@contextmanager
def empty_database(engine: str, folder: Path) -> Iterator[str]:
    """The URL of an empty database on ``engine`` ("sqlite" or "postgresql")."""
    if engine == "sqlite":
        yield f"sqlite:///{folder / 'laborwatch.db'}"
    else:
        with postgres_database(postgres_url()) as url:
            yield url


@pytest.fixture(params=ENGINES)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A URL of an empty database, once per engine."""
    with empty_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture(scope="module", params=ENGINES)
def module_database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """An empty database shared by one module's tests, once per engine."""
    folder = tmp_path_factory.mktemp("database")
    with empty_database(request.param, folder) as url:
        yield url


@pytest.fixture
def settings(database_url: str) -> Settings:
    return Settings(database_url=database_url)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    database = open_database(database_url)
    yield database
    database.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """For the few tests of SQLite itself (its file, its pragmas)."""
    return f"sqlite:///{tmp_path / 'laborwatch.db'}"


def analyze_text(text: str, language: str = "en") -> Evidence:
    """The evidence ``analyze`` finds in a text, as in a plain-text file."""
    from laborwatch.documents import Document
    from laborwatch.extract.pipeline import analyze

    return analyze(
        Document.create(
            text, source="t.txt", media_type="text/plain", language=language
        )
    )


def run_cli(
    *args: str,
    input: bytes | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m laborwatch ARGS`` as a user would; capture its output."""
    full_env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    result = subprocess.run(
        [sys.executable, "-m", "laborwatch", *args],
        input=input,
        capture_output=True,
        env=full_env,
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def screen_one(database_url: str, list_file: Path, suppliers: Path) -> dict[str, Any]:
    """Load a list and screen a one-supplier file with the CLI; the one row."""
    loaded = run_cli("--db", database_url, "lists", "load", str(list_file))
    assert loaded.returncode == 0, loaded.stderr
    result = run_cli("--db", database_url, "screen", str(suppliers), "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    (row,) = rows
    return row
