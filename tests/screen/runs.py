"""Helpers for tests that run screenings side by side: a prepared database, a
longer supplier file, and a count of the screening contexts built."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from laborwatch import screen
from laborwatch.lists import load_list
from laborwatch.pipeline import ingest_paths
from laborwatch.screen import screen_file
from laborwatch.screen.context import ScreeningContext
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database
from laborwatch.store.lists import save_list
from laborwatch.store.screenings import get_screening
from tests.conftest import FIXTURES

SCREENING = FIXTURES / "screening"


def prepare(database: Database, settings: Settings) -> None:
    """The OFAC and DOL fixtures and the report naming a supplier."""
    for path in (FIXTURES / "lists" / "ofac", SCREENING / "dol-goods.xml"):
        save_list(database, load_list(path))
    ingest_paths([str(SCREENING / "evidence-report.txt")], database, settings)


def suppliers(tmp_path: Path, copies: int) -> Path:
    """The fixture's rows, ``copies`` times over."""
    header, *rows = (SCREENING / "suppliers.csv").read_text().splitlines()
    path = tmp_path / f"suppliers-{copies}.csv"
    path.write_text("\n".join([header, *rows * copies]) + "\n")
    return path


def results(database: Database, screening_id: int) -> list[tuple[Any, ...]]:
    stored = get_screening(database, screening_id)
    assert stored.run.status == "complete"
    return [
        (row["row"], row["level"], row["reasons"], row["evidence"])
        for row in stored.results
    ]


class Builds:
    """Counts the screening contexts built, by whichever thread builds them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        self.lock = threading.Lock()
        build = screen.build_context

        def counted(*args: Any, **kwargs: Any) -> ScreeningContext:
            with self.lock:
                self.count += 1
            return build(*args, **kwargs)

        monkeypatch.setattr(screen, "build_context", counted)


def side_by_side(
    database_url: str, folder: Path, copies: int, monkeypatch: pytest.MonkeyPatch
) -> tuple[Database, Path, list[tuple[Any, ...]], Builds]:
    """A prepared database, a supplier file, the results of screening it alone, and
    the builds counted from now on, in batches of four rows (so that two runs at
    once interleave batch by batch)."""
    database = open_database(database_url)
    prepare(database, Settings(database_url=database_url))
    path = suppliers(folder, copies)
    expected = results(database, screen_file(path, database).id)
    monkeypatch.setattr(screen, "_BATCH", 4)
    return database, path, expected, Builds(monkeypatch)
