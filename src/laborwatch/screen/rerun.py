"""Re-screening: a stored run's input screened again against today's lists and
evidence, as a new run linked to the first (``rerun_of``).

The input is read back from the rows the first run stored (each keeps its
supplier's fields), so a rerun needs neither the file nor its columns, and works
after the file is gone. The first run's configuration is kept: a diff of the two
shows what the lists and the evidence changed, not what a new threshold did. A
setting added since the first run takes its default.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from laborwatch.errors import LaborwatchError
from laborwatch.screen import ScreeningRun, run_screening
from laborwatch.screen.config import complete_config
from laborwatch.screen.screening import Screening, stored_supplier
from laborwatch.screen.suppliers import SupplierRow
from laborwatch.store import Database
from laborwatch.store.screenings import iter_results, screening_record


def rerun_screening(
    database: Database,
    screening_id: int,
    *,
    on_row: Callable[[Screening], None] | None = None,
    workers: int = 1,
    cluster: str | None = None,
) -> ScreeningRun:
    """Screen run ``screening_id``'s rows again into a new run, and return it.

    Only a complete run can be rerun: an incomplete one stored part of its input."""
    record = screening_record(database, screening_id)
    if not record.complete:
        raise LaborwatchError(
            f"screening {screening_id}: {record.status} after "
            f"{record.summary['rows']} rows, so its input is not all stored; "
            "screen the file again instead"
        )
    results = iter_results(database, screening_id)
    first = next(results, None)
    # Every row of a run is stored alike: the first tells whether they all kept
    # their input, before a new run is stored.
    if first is not None and not isinstance(first.get("supplier"), dict):
        raise LaborwatchError(
            f"screening {screening_id}: its rows do not keep their input; "
            "screen the file again instead"
        )
    rows = (
        _supplier_row(screening_id, result)
        for result in itertools.chain([first] if first else [], results)
    )
    run = ScreeningRun(
        input_name=record.input_name,
        input_checksum=record.input_checksum,
        config=complete_config(record.config),
        rerun_of=screening_id,
    )
    return run_screening(
        run, rows, database, on_row=on_row, workers=workers, cluster=cluster
    )


def _supplier_row(screening_id: int, result: dict[str, Any]) -> SupplierRow:
    """The row's input, read alone: its findings are not needed to screen it again."""
    row = int(result["row"])
    supplier = stored_supplier(row, result.get("supplier"))
    if supplier is None:
        raise LaborwatchError(
            f"screening {screening_id}: row {row} does not keep its input"
        )
    name = result.get("name")
    if not supplier.name and isinstance(name, str) and name:
        return replace(supplier, name=name)
    return supplier
