"""Where the pure, CPU-bound steps run: here, in local processes, or on Dask.

Ingest and screening hand their per-item work (extract a document, screen a
batch of rows) to a ``concurrent.futures.Executor``: none for one process, a
``ProcessPoolExecutor`` for ``--workers N``, and a Dask ``Client``'s executor for
``--cluster ADDRESS``. The calling process keeps reading the input and doing
every write, so the same code runs on a laptop and on a cluster. Results come
back in input order with a bounded number in flight, so memory stays flat
however long the input is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any, TypeVar

from laborwatch.errors import LaborwatchError

Item = TypeVar("Item")
Result = TypeVar("Result")

# Tasks queued per worker: enough to keep every worker busy while results are
# written, few enough that a long input never sits in memory.
_QUEUED_PER_WORKER = 4
_CONNECT_TIMEOUT = "10s"


@contextmanager
def open_executor(
    workers: int = 1, cluster: str | None = None
) -> Iterator[tuple[Executor | None, int]]:
    """The executor to use and how many workers it has (None: run here)."""
    if cluster:
        with _dask_executor(cluster) as opened:
            yield opened
    elif workers > 1:
        # fork: workers start from this process without re-importing; each loads
        # the models on its first task and keeps them.
        with ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork")
        ) as executor:
            yield executor, workers
    else:
        yield None, 1


@contextmanager
def _dask_executor(address: str) -> Iterator[tuple[Executor, int]]:
    try:
        from distributed import Client as _Client
    except ImportError:
        raise LaborwatchError(
            "--cluster needs Dask distributed: pip install 'laborwatch[cluster]'"
        ) from None
    Client: Any = _Client  # distributed has no type hints
    try:
        client = Client(address, timeout=_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise LaborwatchError(
            f"{address}: cannot reach a Dask scheduler ({error})"
        ) from None
    with client:
        workers = max(1, sum(client.nthreads().values()))
        executor = client.get_executor()
        try:
            yield executor, workers
        finally:
            executor.shutdown(wait=False)


def ordered_map(
    function: Callable[[Item], Result],
    items: Iterable[Item],
    executor: Executor | None,
    workers: int = 1,
) -> Iterator[Result]:
    """``map(function, items)`` on the executor, in input order, a few at a time."""
    if executor is None:
        yield from map(function, items)
        return
    window = max(2, workers * _QUEUED_PER_WORKER)
    pending: deque[Future[Result]] = deque()
    try:
        for item in items:
            pending.append(executor.submit(function, item))
            if len(pending) >= window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())
    except BrokenProcessPool:  # from submit() or result()
        raise LaborwatchError(
            "a worker process stopped unexpectedly (killed, or out of memory); "
            "everything stored so far is kept: run the same command again to finish"
        ) from None
    finally:
        for future in pending:
            future.cancel()


def _result(future: Future[Result]) -> Result:
    try:
        return future.result()
    except Exception as error:
        if type(error).__name__ == "KilledWorker":  # Dask gave up on the task
            raise LaborwatchError(
                f"Dask workers kept dying on one task ({error}); everything stored "
                "so far is kept: run the same command again to finish"
            ) from None
        raise
