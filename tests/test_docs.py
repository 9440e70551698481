"""The documentation says what the code does."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_matches_help_output() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "cogapp", "--check", "--diff", "docs/cli.md"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, (
        "docs/cli.md is stale; run: cog -r docs/cli.md\n" + result.stdout
    )


def test_readme_gives_the_two_fresh_machine_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "laborwatch demo" in readme
    test_command = next(
        line
        for line in readme.splitlines()
        if "pytest" in line and "pip install" in line
    )
    assert test_command.strip() in ci
