"""A list's publication date comes from its file or from --published, never the
clock or the file's modification time."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from laborwatch.lists import load_list
from tests.conftest import FIXTURES, run_cli

OFAC = FIXTURES / "lists" / "ofac"
DOL = FIXTURES / "screening" / "dol-goods.xml"
WARNING = "give --published YYYY-MM-DD"


@pytest.mark.parametrize("path", [OFAC, DOL])
def test_a_file_without_a_date_has_an_unknown_edition(
    path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / path.name
    if path.is_dir():
        shutil.copytree(path, copy)
    else:
        shutil.copy(path, copy)
    for file in [copy, *copy.glob("*")]:
        os.utime(file, (1_600_000_000, 1_600_000_000))  # a date, but not the list's
    assert load_list(copy).published is None


def test_lists_load_warns_and_shows_unknown(database_url: str) -> None:
    loaded = run_cli("--db", database_url, "lists", "load", str(OFAC), str(DOL))
    assert loaded.returncode == 0, loaded.stderr
    warnings = [line for line in loaded.stderr.splitlines() if WARNING in line]
    assert len(warnings) == 2
    assert "published unknown" in loaded.stderr
    shown = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    assert [item["published"] for item in shown["lists"]] == [None, None]
    table = run_cli("--db", database_url, "lists", "show").stdout
    assert table.count("unknown") == 2


def test_published_option_gives_the_date_without_a_warning(
    database_url: str,
) -> None:
    loaded = run_cli(
        "--db", database_url, "lists", "load", str(OFAC), "--published", "2021-03-01"
    )
    assert loaded.returncode == 0, loaded.stderr
    assert WARNING not in loaded.stderr
    shown = json.loads(run_cli("--db", database_url, "lists", "show", "--json").stdout)
    assert shown["lists"][0]["published"] == "2021-03-01"
