"""The demo: a fresh database built from the bundled sample reports, offline."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from pathlib import Path

from laborwatch.errors import LaborwatchError

DEMO_DATABASE_NAME = "laborwatch-demo.db"


@contextmanager
def sample_reports() -> Iterator[Path]:
    """The folder of bundled sample reports, as a real path while in use."""
    with as_file(files("laborwatch") / "data" / "sample" / "reports") as folder:
        yield folder


@contextmanager
def sample_data() -> Iterator[Path]:
    """The whole bundled sample folder: reports, lists and a supplier file."""
    with as_file(files("laborwatch") / "data" / "sample") as folder:
        yield folder


def demo_database_path(path: Path | None) -> Path:
    """Where the demo database goes: a new file, by default in a new temp folder."""
    if path is None:
        return Path(tempfile.mkdtemp(prefix="laborwatch-demo-")) / DEMO_DATABASE_NAME
    if path.is_dir():
        path = path / DEMO_DATABASE_NAME
    if path.exists():
        raise LaborwatchError(
            f"{path}: already exists; the demo builds a fresh database"
        )
    return path
