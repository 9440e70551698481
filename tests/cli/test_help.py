"""Every command's ``--help`` names values as Unix usage lines do."""

from __future__ import annotations

import re

import click
import pytest
import typer
from typer.testing import CliRunner

from laborwatch.cli import app
from tests.conftest import run_cli

# Typer's own labels: a Python type in angle brackets, a required argument in braces.
_TYPE_LABEL = re.compile(r"<(?:list\[|int|float|str|path|file|dir|bool)[^>]*>")
_BRACED = re.compile(r"\{[A-Za-z_.]+\}")


def _command_paths(
    command: click.Command, path: tuple[str, ...] = ()
) -> list[tuple[str, ...]]:
    paths = [path]
    for name, sub in getattr(command, "commands", {}).items():
        paths.extend(_command_paths(sub, (*path, name)))
    return paths


COMMANDS = _command_paths(typer.main.get_command(app))


def test_every_command_is_checked() -> None:
    assert ("ingest",) in COMMANDS
    assert ("docs", "search") in COMMANDS
    assert ("tokens", "add") in COMMANDS
    assert len(COMMANDS) > 20


@pytest.mark.parametrize("path", COMMANDS, ids=" ".join)
def test_help_shows_plain_metavars(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(app, [*path, "--help"], prog_name="laborwatch")
    assert result.exit_code == 0, result.output
    assert not _TYPE_LABEL.search(result.output), result.output
    assert not _BRACED.search(result.output), result.output
    assert "[[" not in result.output, result.output


def test_ingest_help_names_repeated_paths_and_integers() -> None:
    result = run_cli("ingest", "--help")
    assert result.returncode == 0
    # Optional since --feed URL may stand instead.
    assert "[OPTIONS] [PATH]..." in result.stdout
    assert re.search(r"^  \[PATH\]\.\.\.  Files or folders", result.stdout, re.M)
    assert "--workers INTEGER" in result.stdout


def test_optional_and_text_values_are_plain() -> None:
    listed = CliRunner().invoke(app, ["lists", "update", "--help"])
    assert "[OPTIONS] [ID]..." in listed.output
    loaded = CliRunner().invoke(app, ["lists", "load", "--help"])
    assert "--id TEXT" in loaded.output
    matched = CliRunner().invoke(app, ["match", "--help"])
    assert "--threshold FLOAT" in matched.output
