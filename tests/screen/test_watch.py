"""Watched screenings: marked from the CLI, listed, and rerun by ``rerun_watched``
from the newest run of their rerun chain, the watch moving to the new run."""

from __future__ import annotations

import json

from laborwatch.lists import load_list
from laborwatch.screen import screen_file
from laborwatch.screen.rerun import rerun_screening
from laborwatch.screen.watch import rerun_watched
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.store.screenings import list_screenings, set_watched
from tests.conftest import run_cli
from tests.screen.runs import SCREENING
from tests.screen.test_screening_runs import kill_mid_run

SUPPLIERS = SCREENING / "suppliers.csv"


def test_rerun_watched_reruns_the_chain_head_and_moves_the_watch(
    database_url: str,
) -> None:
    database = open_database(database_url)
    first = screen_file(SUPPLIERS, database)
    unwatched = screen_file(SUPPLIERS, database)
    set_watched(database, first.id, True)
    by_hand = rerun_screening(database, first.id)  # the chain's newest run now
    save_list(database, load_list(SCREENING / "added-entry.ftm.json"))

    (done,) = rerun_watched(database)
    old_id, new_id, diff = done
    runs = {run.id: run for run in list_screenings(database)}
    (again,) = rerun_watched(database)  # nothing changed since
    watched = [run.id for run in list_screenings(database, watched=True)]
    database.close()

    assert old_id == by_hand.id  # not the first run again
    assert runs[new_id].rerun_of == by_hand.id
    assert (diff["old"]["id"], diff["new"]["id"]) == (by_hand.id, new_id)
    assert [s["name"] for s in diff["suppliers"]] == ["Clean Paper GmbH"]
    assert runs[new_id].watched is True
    assert runs[first.id].watched is False
    assert runs[unwatched.id].watched is False
    assert again[0] == new_id
    assert (again[2]["changed"], again[2]["suppliers"]) == (0, [])
    assert watched == [again[1]]


def test_rerun_watched_with_nothing_watched_does_nothing(database_url: str) -> None:
    database = open_database(database_url)
    screen_file(SUPPLIERS, database)
    assert rerun_watched(database) == []
    assert len(list_screenings(database)) == 1
    database.close()


def test_watch_and_unwatch_from_the_cli(database_url: str) -> None:
    for _ in range(2):
        screened = run_cli("--db", database_url, "screen", str(SUPPLIERS))
        assert screened.returncode == 0, screened.stderr
    watched = run_cli("--db", database_url, "screenings", "watch", "1")
    assert watched.returncode == 0, watched.stderr
    assert watched.stderr == "screening 1 watched\n"
    listed = run_cli("--db", database_url, "screenings", "list", "--json")
    flags = {
        run["id"]: run["watched"] for run in json.loads(listed.stdout)["screenings"]
    }
    assert flags == {1: True, 2: False}
    only = run_cli("--db", database_url, "screenings", "list", "--watched", "--json")
    assert [run["id"] for run in json.loads(only.stdout)["screenings"]] == [1]
    table = run_cli("--db", database_url, "screenings", "list", "--watched")
    assert "watched" in table.stdout and "suppliers.csv" in table.stdout
    assert table.stdout.count("suppliers.csv") == 1
    unwatched = run_cli("--db", database_url, "screenings", "unwatch", "1")
    assert unwatched.returncode == 0, unwatched.stderr
    none = run_cli("--db", database_url, "screenings", "list", "--watched", "--json")
    assert json.loads(none.stdout)["screenings"] == []
    unknown = run_cli("--db", database_url, "screenings", "watch", "9")
    assert (unknown.returncode, unknown.stderr) == (1, "Error: 9: no such screening\n")


def test_an_incomplete_run_is_not_watched(database_url: str) -> None:
    kill_mid_run(database_url)
    refused = run_cli("--db", database_url, "screenings", "watch", "1")
    assert refused.returncode == 1
    assert refused.stderr == (
        "Error: screening 1: interrupted after 2 rows; "
        "only complete runs can be watched\n"
    )
