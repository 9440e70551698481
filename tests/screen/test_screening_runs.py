"""Runs that stop before the end: marked failed or interrupted, shown incomplete
with the rows they had, and never a crash for the commands that list them."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from laborwatch.screen import screen_file
from laborwatch.store import open_database
from laborwatch.store.screenings import get_screening, list_screenings
from tests.conftest import run_cli


def kill_mid_run(database_url: str) -> None:
    """A process that starts a run, stores two rows, and dies without a word."""
    script = textwrap.dedent(
        f"""
        import os
        from datetime import UTC, datetime
        from laborwatch.store import open_database
        from laborwatch.store.screenings import append_rows, start_screening
        database = open_database({database_url!r})
        run = start_screening(database, {{
            "created_at": datetime.now(UTC), "input_name": "suppliers.csv",
            "input_checksum": "0" * 64, "laborwatch_version": "test",
            "extractor_version": "test", "lists": [], "config": {{}},
        }})
        append_rows(database, run, [
            {{"row": 2, "name": "Acme", "level": "high", "reasons": ["x"]}},
            {{"row": 3, "name": "Beta", "level": "none", "reasons": ["y"]}},
        ])
        os._exit(9)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], check=False)
    assert result.returncode == 9


def test_run_whose_process_died_is_interrupted_with_its_rows(
    database_url: str,
) -> None:
    kill_mid_run(database_url)
    database = open_database(database_url)
    (listed,) = list_screenings(database)
    stored = get_screening(database, listed.id)
    database.close()
    for run in (listed, stored.run):
        assert run.status == "interrupted"
        assert run.complete is False
        assert run.summary == {
            "high": 1,
            "medium": 0,
            "low": 0,
            "none": 1,
            "rows": 2,
        }
    assert [row["name"] for row in stored.results] == ["Acme", "Beta"]


def test_screenings_list_and_show_mark_an_interrupted_run(database_url: str) -> None:
    kill_mid_run(database_url)
    listed = run_cli("--db", database_url, "screenings", "list")
    assert listed.returncode == 0, listed.stderr
    assert "interrupted (incomplete)" in listed.stdout
    shown = run_cli("--db", database_url, "screenings", "show", "1")
    assert shown.returncode == 0, shown.stderr
    assert "incomplete: interrupted after 2 rows" in shown.stdout
    as_json = json.loads(
        run_cli("--db", database_url, "screenings", "list", "--json").stdout
    )
    assert as_json["screenings"][0]["status"] == "interrupted"


def test_run_stopped_by_a_bad_row_is_failed_with_the_rows_before(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.csv"
    lines = [f"Supplier {n},DE,paper" for n in range(1500)]
    path.write_text("name,country,product\n" + "\n".join(lines) + '\n"Broken,CN\n')
    result = run_cli("--db", database_url, "screen", str(path))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"Error: {path}:1502: malformed CSV (unbalanced quote: a quoted field opened "
        "here does not close cleanly (by line 1502))"
    )
    database = open_database(database_url)
    (run,) = list_screenings(database)
    database.close()
    assert run.status == "failed"
    assert run.summary["rows"] == 1000  # the first batch, stored before the error
    assert run.error.endswith(
        "malformed CSV (unbalanced quote: a quoted field "
        "opened here does not close cleanly (by line 1502))"
    )
    listed = run_cli("--db", database_url, "screenings", "list")
    assert "failed (incomplete)" in listed.stdout


def test_an_internal_error_ends_the_run_failed(
    database_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "suppliers.csv"
    path.write_text("name\nAcme\nBeta\n")

    def explode(_screening: object) -> None:
        raise ZeroDivisionError

    database = open_database(database_url)
    with pytest.raises(ZeroDivisionError):
        screen_file(path, database, on_row=explode)
    (run,) = list_screenings(database)
    database.close()
    assert run.status == "failed"
    assert run.error == "stopped by an internal error (ZeroDivisionError)"


def test_run_records_the_name_given(database_url: str, tmp_path: Path) -> None:
    path = tmp_path / "upload.csv"
    path.write_text("name\nAcme\n")
    database = open_database(database_url)
    run = screen_file(path, database, input_name="suppliers 2024.csv")
    stored = get_screening(database, run.id)
    database.close()
    assert stored.run.input_name == "suppliers 2024.csv"
    assert stored.run.status == "complete" and stored.run.complete is True
    assert "host" not in stored.record() and "pid" not in stored.record()
