"""Screen: check supplier rows against lists, country-and-good risk and evidence.

``screen_file`` reads a CSV or XLSX file row by row, screens each row, yields the
results as they come and, at the end, stores the run with everything needed to
audit it: the input's checksum, the list editions, the extractor version and the
configuration.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
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
from laborwatch.store.screenings import save_screening

__all__ = ["Screening", "ScreeningRun", "screen_file"]


@dataclass
class ScreeningRun:
    """A finished run: its id in the database and what was screened against."""

    id: int = 0
    created_at: str = ""
    input_name: str = ""
    input_checksum: str = ""
    lists: list[dict[str, Any]] = field(default_factory=list)
    config: dict[str, Any] = field(default_factory=dict)
    summary: dict[str, int] = field(default_factory=dict)
    results: list[Screening] = field(default_factory=list)


def screen_file(
    path: Path,
    database: Database,
    *,
    config_path: Path | None = None,
    columns: dict[str, str] | None = None,
    on_row: Callable[[Screening], None] | None = None,
    keep: Callable[[Screening], bool] = lambda screening: True,
) -> ScreeningRun:
    """Screen every row; store the run; return it with the rows ``keep`` accepts."""
    config = load_config(config_path)
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
    levels: Counter[str] = Counter()
    for screening in _screen(path, context, columns):
        levels[screening.level] += 1
        if on_row:
            on_row(screening)
        if keep(screening):
            run.results.append(screening)
    run.summary = {level: levels[level] for level in ("high", "medium", "low", "none")}
    run.summary["rows"] = sum(levels.values())
    run.id = save_screening(
        database,
        {
            "created_at": datetime.fromisoformat(run.created_at),
            "input_name": run.input_name,
            "input_checksum": run.input_checksum,
            "laborwatch_version": __version__,
            "extractor_version": EXTRACTOR_VERSION,
            "lists": run.lists,
            "config": run.config,
            "summary": run.summary,
            "results": [asdict(result) for result in run.results],
        },
    )
    return run


def _screen(
    path: Path, context: Any, columns: dict[str, str] | None
) -> Iterator[Screening]:
    for row in read_suppliers(path, columns):
        yield screen_row(row, context)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
