"""Screen: check supplier rows against lists, country-and-good risk and evidence.

``screen_file`` reads a CSV or XLSX file row by row, screens each row, hands it
to the caller and stores it, with the run's audit record: the input's checksum,
the list editions, the extractor version and the configuration.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from laborwatch import __version__
from laborwatch.extract.pipeline import EXTRACTOR_VERSION
from laborwatch.screen.config import load_config
from laborwatch.screen.context import build_context
from laborwatch.screen.screening import Screening, screen_row
from laborwatch.screen.suppliers import read_suppliers
from laborwatch.store import Database
from laborwatch.store.screenings import append_rows, finish_screening, start_screening

__all__ = ["Screening", "ScreeningRun", "screen_file"]


_BATCH = 1000


@dataclass
class ScreeningRun:
    """A run: its id in the database and what was screened against."""

    id: int = 0
    created_at: str = ""
    input_name: str = ""
    input_checksum: str = ""
    lists: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, int] = field(default_factory=dict)


def screen_file(
    path: Path,
    database: Database,
    *,
    config_path: Path | None = None,
    columns: dict[str, str] | None = None,
    on_row: Callable[[Screening], None] | None = None,
) -> ScreeningRun:
    """Screen every row, passing each to ``on_row`` and storing it as it goes."""
    config = load_config(config_path)
    rows = read_suppliers(path, columns)  # checks the header before anything is stored
    first = next(rows, None)
    context = build_context(database, config)
    run = ScreeningRun(
        created_at=datetime.now(UTC).isoformat(),
        input_name=str(path),
        input_checksum=_sha256(path),
        lists=[
            {
                "id": summary.id,
                "title": summary.title,
                "published": summary.published.isoformat()
                if summary.published
                else None,
                "checksum": summary.checksum,
                "loaded_at": summary.loaded_at.isoformat(),
            }
            for summary in context.lists
        ],
        config=config,
    )
    run.id = start_screening(
        database,
        {
            "created_at": datetime.fromisoformat(run.created_at),
            "input_name": run.input_name,
            "input_checksum": run.input_checksum,
            "laborwatch_version": __version__,
            "extractor_version": EXTRACTOR_VERSION,
            "lists": run.lists,
            "config": run.config,
        },
    )
    levels: Counter[str] = Counter()
    batch: list[dict[str, Any]] = []
    for row in itertools.chain([first] if first else [], rows):
        screening = screen_row(row, context)
        levels[screening.level] += 1
        if on_row:
            on_row(screening)
        batch.append(asdict(screening))
        if len(batch) >= _BATCH:
            append_rows(database, run.id, batch)
            batch = []
    append_rows(database, run.id, batch)
    run.summary = {level: levels[level] for level in ("high", "medium", "low", "none")}
    run.summary["rows"] = sum(levels.values())
    finish_screening(database, run.id, run.summary)
    return run


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
