"""Print ``laborwatch ... --help`` as docs/cli.md shows it (used by cog)."""

from __future__ import annotations

import os

from typer.testing import CliRunner

from laborwatch.cli import app


def cli_help(*command: str) -> str:
    os.environ["COLUMNS"] = "88"
    result = CliRunner().invoke(app, [*command, "--help"], prog_name="laborwatch")
    return (
        "```\n$ laborwatch "
        + " ".join([*command, "--help"])
        + "\n"
        + result.output.rstrip()
        + "\n```"
    )
