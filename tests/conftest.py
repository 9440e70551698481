"""Shared fixtures: real databases (SQLite; PostgreSQL when configured), the CLI."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from laborwatch.extract.evidence import Evidence
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database
from tests.databases import postgres_database

FIXTURES = Path(__file__).parent / "fixtures"
REPORTS = FIXTURES / "reports"
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POSTGRES_URL_VARIABLE = "LABORWATCH_TEST_POSTGRES"
REQUIRE_POSTGRES_VARIABLE = "LABORWATCH_TEST_REQUIRE_POSTGRES"  # set by .ci/run
# Set to run every `run_cli` command in a process of its own.
SUBPROCESS_VARIABLE = "LABORWATCH_TEST_SUBPROCESS"
# Every test that stores anything runs once on each.
ENGINES = ("sqlite", "postgresql")
# The width `run_cli` gives a command, without colour. The CLI's consoles read
# COLUMNS and NO_COLOR when first imported, which in this process is at collection
# (pytest-xdist's workers set COLUMNS to 80): the same here as in a subprocess.
CLI_COLUMNS = "200"
os.environ["COLUMNS"] = CLI_COLUMNS
os.environ["NO_COLOR"] = "1"


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
    subprocess_only: bool = False,
) -> subprocess.CompletedProcess[str]:
    """Run ``laborwatch ARGS`` as a user would; capture its exit status and output.

    In this process by default, through the same ``main`` that ``python -m
    laborwatch`` runs, so that the models load once per test worker, not once a
    command; an exception ``main`` lets through is printed as the interpreter
    would print it, so a traceback still fails the tests that look for one.
    ``subprocess_only`` (or ``LABORWATCH_TEST_SUBPROCESS=1`` for the whole suite)
    runs a fresh ``python -m laborwatch`` instead; a test that sets COLUMNS or
    NO_COLOR in ``env`` needs it, as the consoles read them once, at import.
    """
    full_env = {"COLUMNS": CLI_COLUMNS, "NO_COLOR": "1", **(env or {})}
    if subprocess_only or os.environ.get(SUBPROCESS_VARIABLE):
        return _run_in_subprocess(args, input, full_env, timeout)
    return _run_in_this_process(args, input, full_env)


def _run_in_subprocess(
    args: tuple[str, ...], input: bytes | None, env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "laborwatch", *args],
        input=input,
        capture_output=True,
        env={**os.environ, **env},
        timeout=timeout,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8", "replace"),
        result.stderr.decode("utf-8", "replace"),
    )


def _run_in_this_process(
    args: tuple[str, ...], input: bytes | None, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    from laborwatch.cli import main

    argv = sys.argv
    with CliRunner().isolation(input=input or b"", env=env) as (stdout, stderr, _):
        sys.argv = ["laborwatch", *args]
        try:
            main()
            status = 0
        except SystemExit as exit:
            status = _exit_status(exit.code)
        except BaseException:  # noqa: BLE001 - shown as Python shows it, then 1
            traceback.print_exc()
            status = 1
        finally:
            sys.argv = argv
            sys.stdout.flush()
            sys.stderr.flush()
        output, errors = stdout.getvalue(), stderr.getvalue()
    return subprocess.CompletedProcess(
        ["laborwatch", *args],
        status,
        output.decode("utf-8", "replace"),
        errors.decode("utf-8", "replace"),
    )


def _exit_status(code: object) -> int:
    """The status ``SystemExit(code)`` gives a process, as the interpreter sets it."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code % 256
    print(code, file=sys.stderr)
    return 1


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves a folder without logging each request to stderr, which `run_cli`
    captures in this process."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 over HTTP, as a mirror or a site would; its URL."""
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def screen_one(database_url: str, list_file: Path, suppliers: Path) -> dict[str, Any]:
    """Load a list and screen a one-supplier file with the CLI; the one row."""
    loaded = run_cli("--db", database_url, "lists", "load", str(list_file))
    assert loaded.returncode == 0, loaded.stderr
    result = run_cli("--db", database_url, "screen", str(suppliers), "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = json.loads(result.stdout)["rows"]
    (row,) = rows
    return row
