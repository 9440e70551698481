"""List history: each load records an edition with the entries it added and
removed; the same files again record none; a failed load records nothing; the
migration makes each list already loaded a first edition, inventing no history."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command

from laborwatch.lists import load_list
from laborwatch.store import lists as stored_lists
from laborwatch.store import open_database
from laborwatch.store.database import _alembic_config
from laborwatch.store.editions import edition_changes, list_history
from laborwatch.store.lists import get_list, load_entries, store_list
from tests.conftest import run_cli


def write_edition(folder: Path, name: str, entries: dict[str, str], day: str) -> Path:
    """An OpenSanctions-style list of companies (id -> name), changed on ``day``."""
    path = folder / f"{name}.ftm.json"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": key,
                    "schema": "Company",
                    "properties": {"name": [value]},
                    "datasets": ["watchlist"],
                    "last_change": f"{day}T00:00:00",
                }
            )
            + "\n"
            for key, value in entries.items()
        )
    )
    return path


def test_each_load_records_its_edition_and_the_entries_it_changed(
    database_url: str, tmp_path: Path
) -> None:
    first = write_edition(
        tmp_path, "one", {"a": "Alpha Ltd", "b": "Beta Ltd"}, "2026-10-01"
    )
    second = write_edition(
        tmp_path, "two", {"b": "Beta Ltd", "c": "Gamma Ltd"}, "2026-11-01"
    )
    database = open_database(database_url)
    one = store_list(database, load_list(first))
    two = store_list(database, load_list(second))
    history = list_history(database, "watchlist")
    changes = edition_changes(database, history[0].id)
    baseline_changes = edition_changes(database, history[1].id)
    database.close()
    assert one.edition is not None and one.edition.baseline
    assert two.edition is not None and not two.edition.baseline
    assert [(e.number, str(e.published), e.added, e.removed) for e in history] == [
        (2, "2026-11-01", 1, 1),
        (1, "2026-10-01", 0, 0),
    ]
    assert history[0].checksum == two.summary.checksum != history[1].checksum
    assert history[0].entry_count == 2
    assert changes == [
        ("added", "c", "Company", "Gamma Ltd"),
        ("removed", "a", "Company", "Alpha Ltd"),
    ]
    assert baseline_changes == []  # a first load records no change rows


def test_the_same_files_again_record_no_edition_and_say_unchanged(
    database_url: str, tmp_path: Path
) -> None:
    path = write_edition(tmp_path, "one", {"a": "Alpha Ltd"}, "2026-10-01")
    first = run_cli("--db", database_url, "lists", "load", str(path))
    assert first.returncode == 0, first.stderr
    assert "edition 1 (first edition stored)" in first.stderr
    again = run_cli("--db", database_url, "lists", "load", str(path), "--json")
    assert again.returncode == 0, again.stderr
    (record,) = json.loads(again.stdout)["lists"]
    assert record["unchanged"] is True and record["edition"] is None
    assert record["id"] == "watchlist" and record["entries"] == 1
    plain = run_cli("--db", database_url, "lists", "load", str(path))
    assert "watchlist unchanged: same files" in plain.stderr
    history = run_cli("--db", database_url, "lists", "history", "watchlist", "--json")
    assert history.returncode == 0, history.stderr
    (edition,) = json.loads(history.stdout)["editions"]
    assert (edition["number"], edition["baseline"]) == (1, True)


def test_a_load_that_fails_keeps_the_list_and_its_history(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_edition(tmp_path, "one", {"a": "Alpha Ltd"}, "2026-10-01")
    second = write_edition(tmp_path, "two", {"c": "Gamma Ltd"}, "2026-11-01")
    database = open_database(database_url)
    store_list(database, load_list(first))

    def fail(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(stored_lists, "record_edition", fail)
    with pytest.raises(RuntimeError):
        store_list(database, load_list(second))
    history = list_history(database, "watchlist")
    entries = [entry.entry_id for _, entry in load_entries(database)]
    published = get_list(database, "watchlist").published
    database.close()
    assert [edition.number for edition in history] == [1]
    assert entries == ["a"]
    assert str(published) == "2026-10-01"


def test_history_cli_lists_editions_newest_first_and_survives_remove(
    database_url: str, tmp_path: Path
) -> None:
    paths = [
        write_edition(tmp_path, "one", {"a": "Alpha Ltd"}, "2026-10-01"),
        write_edition(tmp_path, "two", {"a": "Alpha Ltd", "b": "Beta"}, "2026-11-01"),
    ]
    for path in paths:
        assert run_cli("--db", database_url, "lists", "load", str(path)).returncode == 0
    shown = run_cli("--db", database_url, "lists", "history", "watchlist")
    assert shown.returncode == 0, shown.stderr
    lines = [line for line in shown.stdout.splitlines() if "2026-1" in line]
    assert "2026-11-01" in lines[0] and "2026-10-01" in lines[1]
    assert "(first)" in lines[1] and "(first)" not in lines[0]
    removed = run_cli("--db", database_url, "lists", "remove", "watchlist")
    assert removed.returncode == 0, removed.stderr
    reloaded = run_cli("--db", database_url, "lists", "load", str(paths[1]), "--json")
    (record,) = json.loads(reloaded.stdout)["lists"]
    # Loaded again after removal: nothing stored to compare with, a new baseline.
    assert (record["edition"]["number"], record["edition"]["baseline"]) == (3, True)
    unknown = run_cli("--db", database_url, "lists", "history", "nosuch")
    assert unknown.returncode == 1
    assert unknown.stderr == "Error: nosuch: no such list loaded, now or before\n"


def test_migration_makes_each_loaded_list_its_first_edition(
    database_url: str, tmp_path: Path
) -> None:
    path = write_edition(tmp_path, "one", {"a": "Alpha Ltd", "b": "Beta"}, "2026-10-01")
    database = open_database(database_url)
    summary = store_list(database, load_list(path)).summary
    config = _alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0009")  # as stored before history was kept
    database.close()
    database = open_database(database_url)  # upgrades
    (edition,) = list_history(database, "watchlist")
    changes = edition_changes(database, edition.id)
    database.close()
    assert (edition.number, edition.baseline, edition.added, edition.removed) == (
        1,
        True,
        0,
        0,
    )
    assert (edition.checksum, edition.entry_count, edition.title) == (
        summary.checksum,
        2,
        summary.title,
    )
    assert edition.loaded_at == summary.loaded_at.replace(
        tzinfo=edition.loaded_at.tzinfo
    )
    assert changes == []
