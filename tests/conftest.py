"""Shared fixtures: real databases (SQLite; PostgreSQL when configured), the CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from laborwatch.settings import Settings
from laborwatch.store import Database, open_database

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = FIXTURES / "reports"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POSTGRES_URL_VARIABLE = "LABORWATCH_TEST_POSTGRES"


def postgres_url() -> str:
    url = os.environ.get(POSTGRES_URL_VARIABLE)
    if not url:
        pytest.skip(
            f"PostgreSQL not configured: set {POSTGRES_URL_VARIABLE} to a server URL "
            "(.ci/run starts one and sets it)"
        )
    return url


def reset_postgres(url: str) -> None:
    """Drop everything in the test database's public schema."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database, once per engine."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'laborwatch.db'}"
    url = postgres_url()
    reset_postgres(url)
    return url


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
    return f"sqlite:///{tmp_path / 'laborwatch.db'}"


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
