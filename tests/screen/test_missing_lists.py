"""Screening with lists missing says what was not checked, never "nothing found"."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import FIXTURES, run_cli

DOL = "DOL list not loaded: country-and-good risk not checked"
SANCTIONS = "no sanctions list loaded: sanctions not checked"
UFLPA = "UFLPA Entity List (us_uflpa) not loaded"


def screen(database_url: str, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    path = tmp_path / "suppliers.csv"
    path.write_text(
        "name,country,product\nClean Paper GmbH,DE,paper\nHotan Cotton Co,CN,cotton\n"
    )
    result = run_cli(
        "--db",
        database_url,
        "screen",
        str(path),
        "--json",
        "--report",
        str(tmp_path / "packs"),
    )
    assert result.returncode == 0, result.stderr
    return {row["name"]: row for row in json.loads(result.stdout)["rows"]}


def test_no_lists_loaded_names_the_checks_not_run(
    database_url: str, tmp_path: Path
) -> None:
    rows = screen(database_url, tmp_path)
    clean = rows["Clean Paper GmbH"]
    assert clean["level"] == "none"
    assert DOL in clean["reasons"]
    assert SANCTIONS in clean["reasons"]
    assert not any("country-and-good pair" in reason for reason in clean["reasons"])
    hotan = rows["Hotan Cotton Co"]
    assert hotan["level"] == "high"  # the UFLPA rule needs no list
    assert {DOL, SANCTIONS} <= set(hotan["reasons"])
    assert any(reason.startswith(UFLPA) for reason in hotan["reasons"])
    (pack,) = (tmp_path / "packs").glob("*.html")
    assert DOL in pack.read_text()


def test_loaded_lists_are_not_reported_missing(
    database_url: str, tmp_path: Path
) -> None:
    loaded = run_cli(
        "--db",
        database_url,
        "lists",
        "load",
        str(FIXTURES / "lists" / "ofac"),
        str(FIXTURES / "screening" / "dol-goods.xml"),
    )
    assert loaded.returncode == 0, loaded.stderr
    clean = screen(database_url, tmp_path)["Clean Paper GmbH"]
    assert DOL not in clean["reasons"] and SANCTIONS not in clean["reasons"]
    assert clean["reasons"] == [
        "nothing found in the checks run: sanctions lists, US DOL list, rules, "
        "stored evidence"
    ]
