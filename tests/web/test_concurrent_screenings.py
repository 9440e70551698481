"""Two screenings uploaded at once: each builds its own context once, both give the
results a screening run alone gives, and the app's database stays open."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from laborwatch.screen import ScreeningRun, screen_file
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.web import create_app
from tests.screen.runs import results, side_by_side


def test_two_uploads_screened_at_once_are_independent(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    database, path, expected, builds = side_by_side(
        database_url, tmp_path, 40, monkeypatch
    )
    app = create_app(Settings(database_url=database_url))
    closes: list[str] = []
    close = app.state.database.close

    def counted_close() -> None:
        closes.append(threading.current_thread().name)
        close()

    app.state.database.close = counted_close
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        client.get("/")
        headers = {"X-CSRF-Token": client.cookies["laborwatch_csrf"]}

        def upload() -> str:
            with path.open("rb") as file:
                started = client.post(
                    "/api/screen",
                    files={"file": ("suppliers.csv", file, "text/csv")},
                    headers=headers,
                )
            assert started.status_code == 202
            return str(started.json()["id"])

        first = upload()
        deadline = time.monotonic() + 30
        while builds.count == 0:  # the second starts while the first is screening
            assert time.monotonic() < deadline
            time.sleep(0.005)
        second = upload()
        jobs = {}
        for job in (first, second):
            state = client.get(f"/api/screen/{job}").json()
            while state["status"] == "running":
                assert time.monotonic() < deadline, "a screening never ended"
                time.sleep(0.05)
                state = client.get(f"/api/screen/{job}").json()
            jobs[job] = state
        assert [state["status"] for state in jobs.values()] == ["complete"] * 2
        assert builds.count == 2
        assert closes == []
        for state in jobs.values():
            assert results(database, state["screening"]) == expected
        # The app's own database still answers.
        listed = client.get("/api/screenings").json()
        assert {run["id"] for run in listed["screenings"]} >= {
            state["screening"] for state in jobs.values()
        }
    database.close()


def test_two_runs_in_threads_build_one_context_each(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same through the library, the second run starting between the first's
    batches, so neither can take or drop the other's context."""
    database, path, expected, builds = side_by_side(
        database_url, tmp_path, 2, monkeypatch
    )
    second_screening = threading.Event()
    runs: dict[str, ScreeningRun] = {}
    closed: list[Database] = []
    close = database.close
    database.close = lambda: closed.append(database)  # type: ignore[method-assign]

    def first_row(_screening: object) -> None:
        # The first run waits, after its first batch, for the second to screen.
        second_screening.wait(timeout=30)

    def run(name: str, on_row: Any) -> None:
        runs[name] = screen_file(path, database, on_row=on_row)

    first = threading.Thread(target=run, args=("first", first_row))
    first.start()
    while builds.count == 0:
        time.sleep(0.005)
    run("second", lambda _screening: second_screening.set())
    first.join(timeout=60)
    assert set(runs) == {"first", "second"}
    assert builds.count == 2
    assert closed == []
    for name in ("first", "second"):
        assert results(database, runs[name].id) == expected
    close()
