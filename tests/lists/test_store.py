"""Loading lists into the database: atomic, dated, checksummed; both engines."""

import json
import shutil
from pathlib import Path

import pytest

from laborwatch.errors import LaborwatchError
from laborwatch.lists import load_list
from laborwatch.store import Database
from laborwatch.store.lists import (
    get_list,
    list_lists,
    load_entries,
    remove_list,
    save_list,
)
from tests.conftest import run_cli, serve_folder

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"


def test_saved_list_reads_back(database: Database) -> None:
    summary = save_list(database, load_list(LISTS / "ofac"))
    assert summary.entry_count == 5
    assert len(summary.checksum) == 64
    entries = dict((entry.entry_id, entry) for _, entry in load_entries(database))
    assert entries["12312"].aliases == ("CHOSON TAESONG UNHAENG", "TAESONG BANK")
    assert entries["12312"].identifiers[0] == ("SWIFT/BIC", "KDBKKPPY")


def test_reload_replaces_and_remove_deletes(database: Database) -> None:
    save_list(database, load_list(LISTS / "ofac"))
    save_list(database, load_list(LISTS / "ofac"))
    save_list(database, load_list(LISTS / "un.xml"))
    assert [(s.id, s.entry_count) for s in list_lists(database)] == [
        ("un_sc_consolidated", 2),
        ("us_ofac_sdn", 5),
    ]
    remove_list(database, "us_ofac_sdn")
    assert {list_id for list_id, _ in load_entries(database)} == {"un_sc_consolidated"}
    with pytest.raises(LaborwatchError, match="no such list"):
        get_list(database, "us_ofac_sdn")


def test_failed_load_keeps_the_previous_version(
    database_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "ofac"
    shutil.copytree(LISTS / "ofac", folder)
    assert run_cli("--db", database_url, "lists", "load", str(folder)).returncode == 0
    before = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    (folder / "sdn.csv").write_bytes(
        (folder / "sdn.csv").read_bytes()[:-80]
    )  # truncated
    failed = run_cli("--db", database_url, "lists", "load", str(folder))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert f"{folder / 'sdn.csv'}:5: malformed CSV (a quote" in failed.stderr
    after = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    assert after == before


@pytest.fixture
def list_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A local HTTP server on 127.0.0.1 serving list files, as a mirror would."""
    served = tmp_path / "served"
    served.mkdir()
    for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"):
        shutil.copy(LISTS / "ofac" / name, served / name)
    shutil.copy(LISTS / "un.xml", served / "un.xml")
    with serve_folder(served) as url:
        yield url, served


def test_update_downloads_and_loads_from_a_mirror(
    database_url: str, list_server
) -> None:  # type: ignore[no-untyped-def]
    base_url, _served = list_server
    result = run_cli(
        "--db",
        database_url,
        "lists",
        "update",
        "us_ofac_sdn",
        "un_sc_consolidated",
        "--base-url",
        base_url,
        "--json",
    )
    assert result.returncode == 0, result.stderr
    loaded = {item["id"]: item for item in json.loads(result.stdout)["lists"]}
    assert loaded["us_ofac_sdn"]["entries"] == 5
    assert loaded["un_sc_consolidated"]["published"] == "2026-02-27"
    # With no ids, the loaded lists are updated.
    again = run_cli(
        "--db", database_url, "lists", "update", "--base-url", base_url, "--json"
    )
    assert {item["id"] for item in json.loads(again.stdout)["lists"]} == set(loaded)


def test_failed_download_keeps_the_list(database_url: str, list_server) -> None:  # type: ignore[no-untyped-def]
    base_url, served = list_server
    run_cli(
        "--db",
        database_url,
        "lists",
        "update",
        "un_sc_consolidated",
        "--base-url",
        base_url,
    )
    (served / "un.xml").unlink()
    failed = run_cli(
        "--db",
        database_url,
        "lists",
        "update",
        "un_sc_consolidated",
        "--base-url",
        base_url,
    )
    assert failed.returncode == 1
    assert "un.xml: download failed (HTTP 404)" in failed.stderr
    shown = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    assert [item["entries"] for item in shown["lists"]] == [2]


def test_garbage_from_a_mirror_names_the_url_and_keeps_the_list(
    database_url: str, list_server
) -> None:  # type: ignore[no-untyped-def]
    base_url, served = list_server
    command = ["--db", database_url, "lists", "update", "us_ofac_sdn"]
    assert run_cli(*command, "--base-url", base_url).returncode == 0
    (served / "sdn.csv").write_bytes(bytes(range(128, 256)) * 20)
    failed = run_cli(*command, "--base-url", base_url)
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    # The file was read from a temporary folder, gone by now: name the URL.
    assert failed.stderr.startswith(f"Error: {base_url}/sdn.csv:1: not UTF-8")
    shown = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    assert [item["entries"] for item in shown["lists"]] == [5]
