"""Re-screening a stored run and the diff of two runs: after one list entry is
added, the rerun shows exactly that supplier's change and nothing for the rest."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.lists import load_list
from laborwatch.screen import screen_file
from laborwatch.screen.diff import diff_runs, diff_stored
from laborwatch.screen.rerun import rerun_screening
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.store.screenings import (
    ScreeningRecord,
    StoredScreening,
    get_screening,
    list_screenings,
)
from tests.conftest import run_cli
from tests.screen.runs import SCREENING, prepare
from tests.screen.test_screening_runs import kill_mid_run

ADDED = SCREENING / "added-entry.ftm.json"


def test_rerun_after_a_list_entry_is_added_shows_only_that_supplier(
    database_url: str,
) -> None:
    database = open_database(database_url)
    prepare(database, Settings(database_url=database_url))
    database.close()
    first = run_cli("--db", database_url, "screen", str(SCREENING / "suppliers.csv"))
    assert first.returncode == 0, first.stderr
    loaded = run_cli("--db", database_url, "lists", "load", str(ADDED))
    assert loaded.returncode == 0, loaded.stderr

    rerun = run_cli("--db", database_url, "screenings", "rerun", "1")
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout == "2\n"
    assert "rerun of 1" in rerun.stderr

    shown = run_cli("--db", database_url, "screenings", "diff", "1", "2")
    assert shown.returncode == 0, shown.stderr
    assert "list added_entries loaded since (2026-11-27)" in shown.stdout
    assert "row 8 Clean Paper GmbH" in shown.stdout
    assert "level none → high" in shown.stdout
    assert "+ hit added_entries entry added-1 'Clean Paper GmbH'" in shown.stdout
    assert shown.stdout.count("\nrow ") == 1
    # The new hit's reason is said once, on its line, not again under the level.
    assert shown.stdout.count("matches 'Clean Paper GmbH'") == 1
    assert "1 supplier changed, 7 unchanged" in shown.stdout

    as_json = run_cli("--db", database_url, "screenings", "diff", "1", "2", "--json")
    assert as_json.returncode == 0, as_json.stderr
    diff = json.loads(as_json.stdout)
    assert set(diff) == {"old", "new", "lists", "suppliers", "changed", "unchanged"}
    assert (diff["old"]["id"], diff["new"]["id"]) == (1, 2)
    assert diff["new"]["rerun_of"] == 1
    assert diff["old"]["input_checksum"] == diff["new"]["input_checksum"]
    assert [item["id"] for item in diff["lists"]["added"]] == ["added_entries"]
    assert diff["lists"]["dropped"] == diff["lists"]["changed"] == []
    assert (diff["changed"], diff["unchanged"]) == (1, 7)
    (supplier,) = diff["suppliers"]
    assert (supplier["row"], supplier["name"], supplier["change"]) == (
        8,
        "Clean Paper GmbH",
        "changed",
    )
    assert supplier["level"]["old"] == "none"
    assert supplier["level"]["new"] == "high"
    assert supplier["level"]["up"] is True
    assert any("added_entries" in reason for reason in supplier["level"]["reasons"])
    (hit,) = supplier["new_hits"]
    assert hit["list"] == "added_entries"
    assert hit["entry_id"] == "added-1"
    assert hit["name"] == "Clean Paper GmbH"
    assert hit["screened"] == "supplier"
    assert hit["reason"].startswith("supplier 'Clean Paper GmbH' matches")
    assert hit["list_change"] == "added_entries was not loaded for screening 1"
    for key in (
        "dropped_hits",
        "new_evidence",
        "dropped_evidence",
        "new_country_goods",
        "dropped_country_goods",
    ):
        assert supplier[key] == [], key


def test_rerun_reads_the_stored_rows_after_the_file_is_gone(
    database_url: str, tmp_path: Path
) -> None:
    database = open_database(database_url)
    prepare(database, Settings(database_url=database_url))
    path = tmp_path / "suppliers.csv"
    shutil.copy(SCREENING / "suppliers.csv", path)
    first = screen_file(path, database)
    path.unlink()
    again = rerun_screening(database, first.id)
    old, new = get_screening(database, first.id), get_screening(database, again.id)
    listed = {run.id: run for run in list_screenings(database)}
    diff = diff_stored(database, first.id, again.id)
    database.close()
    assert new.run.rerun_of == first.id and old.run.rerun_of is None
    assert listed[again.id].rerun_of == first.id
    assert (new.run.input_name, new.run.input_checksum, new.run.config) == (
        old.run.input_name,
        old.run.input_checksum,
        old.run.config,
    )
    assert _rows(new) == _rows(old)
    assert (diff["changed"], diff["unchanged"], diff["suppliers"]) == (0, 8, [])


def _rows(stored: StoredScreening) -> list[tuple[Any, ...]]:
    return [
        (row["row"], row["supplier"], row["level"], row["reasons"])
        for row in stored.results
    ]


def test_diff_shows_a_dropped_hit_when_its_list_is_gone(database_url: str) -> None:
    database = open_database(database_url)
    save_list(database, load_list(ADDED))
    first = screen_file(SCREENING / "suppliers.csv", database)
    database.close()
    removed = run_cli("--db", database_url, "lists", "remove", "added_entries")
    assert removed.returncode == 0, removed.stderr
    database = open_database(database_url)
    again = rerun_screening(database, first.id)
    diff = diff_stored(database, first.id, again.id)
    database.close()
    (supplier,) = diff["suppliers"]
    assert supplier["name"] == "Clean Paper GmbH"
    assert supplier["level"]["up"] is False
    (hit,) = supplier["dropped_hits"]
    assert hit["entry_id"] == "added-1"
    note = f"added_entries was not loaded for screening {again.id}"
    assert hit["list_change"] == note


def test_unknown_screening_gives_one_line_and_exit_1(database_url: str) -> None:
    for args in (("rerun", "7"), ("diff", "7", "8"), ("diff", "7", "8", "--json")):
        result = run_cli("--db", database_url, "screenings", *args)
        assert result.returncode == 1, args
        assert result.stderr == "Error: 7: no such screening\n", args
        assert result.stdout == ""


def test_incomplete_run_is_neither_rerun_nor_diffed(database_url: str) -> None:
    kill_mid_run(database_url)
    database = open_database(database_url)
    with pytest.raises(LaborwatchError, match="screening 1: interrupted after 2 rows"):
        rerun_screening(database, 1)
    with pytest.raises(LaborwatchError, match="only complete runs are compared"):
        diff_stored(database, 1, 1)
    assert len(list_screenings(database)) == 1  # nothing stored by the refusal
    database.close()


def _record(screening_id: int) -> ScreeningRecord:
    return ScreeningRecord(
        id=screening_id,
        created_at="2026-11-28T00:00:00",
        input_name="suppliers.csv",
        input_checksum="0" * 64,
        laborwatch_version="0.13",
        extractor_version="0.13",
        lists=[],
        config={},
        status="complete",
        summary={},
        error=None,
        rerun_of=None,
        watched=False,
    )


def _result(row: int, name: str, level: str = "none") -> dict[str, Any]:
    return {"row": row, "name": name, "level": level, "reasons": []}


def test_diff_matches_suppliers_by_row_and_name() -> None:
    old = [_result(2, "Acme"), _result(3, "Beta"), _result(4, "Gamma")]
    new = [_result(2, "Acme"), _result(3, "Delta"), _result(5, "Eta", "low")]
    diff = diff_runs(_record(1), _record(2), old, new)
    changes = [(s["row"], s["name"], s["change"]) for s in diff["suppliers"]]
    assert changes == [
        (3, "Beta", "dropped"),
        (3, "Delta", "new"),
        (4, "Gamma", "dropped"),
        (5, "Eta", "new"),
    ]
    assert diff["unchanged"] == 1
    assert diff["suppliers"][-1]["level"]["old"] is None
    assert diff["suppliers"][-1]["level"]["new"] == "low"


def _watchlist(folder: Path, name: str, entries: dict[str, str]) -> Path:
    """An OpenSanctions-style list of companies (id -> name), dated by --published."""
    path = folder / f"{name}.ftm.json"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": key,
                    "schema": "Company",
                    "properties": {"name": [value], "country": ["de"]},
                    "datasets": ["watchlist"],
                }
            )
            + "\n"
            for key, value in entries.items()
        )
    )
    return path


def test_diff_says_which_list_edition_added_and_removed_the_entry(
    database_url: str, tmp_path: Path
) -> None:
    unrelated = {"w-1": "Orinoco Dredging Holdings"}
    editions = [
        (_watchlist(tmp_path, "one", unrelated), "2026-10-01"),
        (
            _watchlist(tmp_path, "two", {**unrelated, "w-2": "Clean Paper GmbH"}),
            "2026-11-27",
        ),
        (_watchlist(tmp_path, "three", unrelated), "2026-11-28"),
    ]
    suppliers = str(SCREENING / "suppliers.csv")
    runs = []
    for path, published in editions:
        loaded = run_cli(
            "--db", database_url, "lists", "load", str(path), "--published", published
        )
        assert loaded.returncode == 0, loaded.stderr
        screened = (
            run_cli("--db", database_url, "screen", suppliers)
            if not runs
            else run_cli("--db", database_url, "screenings", "rerun", runs[-1])
        )
        assert screened.returncode == 0, screened.stderr
        runs.append(str(len(runs) + 1))

    added = run_cli("--db", database_url, "screenings", "diff", "1", "2", "--json")
    assert added.returncode == 0, added.stderr
    diff = json.loads(added.stdout)
    assert set(diff) == {"old", "new", "lists", "suppliers", "changed", "unchanged"}
    (supplier,) = diff["suppliers"]  # exactly that supplier changes
    assert supplier["name"] == "Clean Paper GmbH"
    (hit,) = supplier["new_hits"]
    assert hit["entry_id"] == "w-2"
    note = "entry added to OpenSanctions: watchlist on 2026-11-27 (edition 2)"
    assert hit["list_change"] == note
    assert [item["id"] for item in diff["lists"]["changed"]] == ["watchlist"]
    shown = run_cli("--db", database_url, "screenings", "diff", "1", "2")
    assert f"({note})" in shown.stdout
    assert "1 supplier changed, 7 unchanged" in shown.stdout

    dropped = run_cli("--db", database_url, "screenings", "diff", "2", "3", "--json")
    (supplier,) = json.loads(dropped.stdout)["suppliers"]
    (hit,) = supplier["dropped_hits"]
    assert hit["list_change"] == (
        "entry removed from OpenSanctions: watchlist on 2026-11-28 (edition 3)"
    )
    # Run 1 and run 3 screened editions without the entry: no change to explain.
    same = json.loads(
        run_cli("--db", database_url, "screenings", "diff", "1", "3", "--json").stdout
    )
    assert same["suppliers"] == []


def test_an_id_beyond_the_store_s_integers_is_no_such_screening(
    database_url: str,
) -> None:
    huge = "99999999999999999999"  # past SQLite's INTEGER and PostgreSQL's BIGINT
    database = open_database(database_url)
    run = screen_file(SCREENING / "suppliers.csv", database).id
    database.close()
    for args in (
        ("show", huge),
        ("show", huge, "--json"),
        ("watch", huge),
        ("unwatch", huge),
        ("rerun", huge),
        ("diff", str(run), huge),
        ("diff", huge, str(run)),
    ):
        result = run_cli("--db", database_url, "screenings", *args)
        assert result.returncode == 1, args
        assert result.stderr == f"Error: {huge}: no such screening\n", args
