"""The ``--workers`` and ``--cluster`` options, shared by the batch commands."""

from __future__ import annotations

from typing import Annotated

import typer

from laborwatch.errors import LaborwatchError

Workers = Annotated[
    int,
    typer.Option(min=1, max=64, help="Local processes working at once (one per core)."),
]
Cluster = Annotated[
    str | None,
    typer.Option(
        metavar="ADDRESS",
        help="Work on the Dask scheduler at ADDRESS (tcp://host:8786) instead; "
        "this process still reads the input and does every write.",
    ),
]


def check_parallel(workers: int, cluster: str | None) -> None:
    if cluster and workers > 1:
        raise LaborwatchError(
            "give --workers (local processes) or --cluster (a Dask scheduler), not both"
        )
