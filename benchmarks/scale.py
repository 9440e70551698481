"""Scale-out: ingest-and-extract with 1 and 2 workers, and the 10-million estimate.

Generates report-like documents as one JSON Lines feed, measures what one document
costs at each step (read, extract, store), ingests the whole feed with 1 and with
2 local worker processes (and, with --cluster, on a two-worker Dask LocalCluster),
then estimates the time and nodes needed for 10 million documents from the
measured costs.

    python benchmarks/scale.py [--documents 100000] [--words 250]
                               [--postgres URL] [--cluster] [--sample 300]

With --postgres URL (a server where this user may create databases) each run
writes to a new PostgreSQL database; otherwise to a new SQLite file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import report_text  # noqa: E402
from tests.databases import postgres_database  # noqa: E402

from laborwatch.ingest import Problem, SourceFile, read_source  # noqa: E402
from laborwatch.pipeline import ingest_paths, prepare_document, store_prepared  # noqa: E402
from laborwatch.settings import Settings  # noqa: E402
from laborwatch.store import count_documents, open_database  # noqa: E402

TARGET_DOCUMENTS = 10_000_000


@contextmanager
def fresh_database(folder: Path, postgres: str | None) -> Iterator[str]:
    if not postgres:
        yield f"sqlite:///{folder / f'{uuid.uuid4().hex[:8]}.db'}"
        return
    with postgres_database(postgres, prefix="laborwatch_bench") as url:
        yield url


def database_bytes(url: str) -> int:
    if url.startswith("sqlite"):
        path = Path(url.removeprefix("sqlite:///"))
        return sum(
            p.stat().st_size
            for p in (path, Path(f"{path}-wal"))
            if p.exists()  # the WAL holds pages not yet checkpointed
        )
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        size = connection.scalar(text("SELECT pg_database_size(current_database())"))
    engine.dispose()
    return int(size)


def write_feed(path: Path, documents: int, words: int) -> int:
    with path.open("w") as out:
        for number in range(documents):
            record = {"title": f"Report {number}", "text": report_text(number, words)}
            out.write(json.dumps(record) + "\n")
    return path.stat().st_size


def step_costs(feed: Path, url: str, sample: int) -> dict[str, float]:
    """Seconds per document for reading, extracting and storing, in one process."""
    settings = Settings(database_url=url)
    database = open_database(url)
    source = SourceFile(str(feed), feed, "jsonl", feed.stat().st_size)
    next(iter(read_source(source, settings)))  # load the language model first
    documents = []
    started = time.perf_counter()
    for item in read_source(source, settings):
        documents.append(item)
        if len(documents) == sample:
            break
    read = (time.perf_counter() - started) / len(documents)
    prepare_document((0, documents[0]))  # load the models before timing
    started = time.perf_counter()
    prepared = [prepare_document((n, d))[1] for n, d in enumerate(documents)]
    extract = (time.perf_counter() - started) / len(documents)
    started = time.perf_counter()
    for result in prepared:
        assert not isinstance(result, Problem), result
        store_prepared(*result, database, settings)
    store = (time.perf_counter() - started) / len(documents)
    database.close()
    return {"read": read, "extract": extract, "store": store}


def timed_ingest(
    feed: Path, url: str, *, workers: int = 1, cluster: str | None = None
) -> tuple[float, int]:
    database = open_database(url)
    started = time.perf_counter()
    summary = ingest_paths(
        [str(feed)],
        database,
        Settings(database_url=url),
        workers=workers,
        cluster=cluster,
    )
    elapsed = time.perf_counter() - started
    stored = count_documents(database)["documents"]
    assert summary.counts["ingested"] == stored, summary.counts
    database.close()
    return elapsed, stored


def estimate(
    costs: dict[str, float],
    speedup: float,
    workers: int,
    words: int,
    cores_per_node: int,
    hours: float,
) -> None:
    """Print the time and nodes for 10 million documents, from measured costs."""
    efficiency = min(1.0, speedup / workers)
    writer_rate = 1 / (costs["read"] + costs["store"])  # one ingest process
    for label, scale in ((f"{words}-word", 1.0), ("1,000-word", 1000 / words)):
        extract = costs["extract"] * scale
        core_hours = TARGET_DOCUMENTS * extract / efficiency / 3600
        cores = math.ceil(core_hours / hours)
        nodes = math.ceil(cores / cores_per_node)
        rate = cores * efficiency / extract
        writers = math.ceil(rate / (writer_rate / scale))
        print(
            f"estimate, {label} documents: {core_hours:,.0f} core-hours of "
            f"extraction; to finish in {hours:g} h: {cores} cores "
            f"({nodes} node(s) of {cores_per_node} cores) at {rate:,.0f} documents/s, "
            f"with {writers} ingest process(es) writing, each storing up to "
            f"{writer_rate / scale:,.0f} documents/s"
        )
        for count in (1, 4, 16):
            node_rate = count * cores_per_node * efficiency / extract
            print(
                f"  on {count} node(s) of {cores_per_node} cores: "
                f"{TARGET_DOCUMENTS / node_rate / 3600:,.1f} h, "
                f"{math.ceil(node_rate / (writer_rate / scale))} writer(s)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=250)
    parser.add_argument("--sample", type=int, default=300)
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument("--cluster", action="store_true")
    parser.add_argument("--cores-per-node", type=int, default=16)
    parser.add_argument("--hours", type=float, default=24)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        feed = folder / "feed.jsonl"
        size = write_feed(feed, args.documents, args.words)
        engine = "PostgreSQL" if args.postgres else "SQLite"
        print(
            f"corpus: {args.documents:,} documents of ~{args.words} words, "
            f"{size / 1e6:.1f} MB; {engine}; {os.cpu_count()} cores"
        )
        with fresh_database(folder, args.postgres) as url:
            costs = step_costs(feed, url, min(args.sample, args.documents))
        print(
            "per document, one process: "
            + ", ".join(
                f"{step} {seconds * 1000:.1f} ms" for step, seconds in costs.items()
            )
        )
        rates = {}
        for workers in (1, 2):
            with fresh_database(folder, args.postgres) as url:
                open_database(url).close()
                empty = database_bytes(url)
                elapsed, stored = timed_ingest(feed, url, workers=workers)
                per_document = (database_bytes(url) - empty) / stored
            rates[workers] = stored / elapsed
            print(
                f"{workers} worker(s): {stored:,} documents in {elapsed:,.0f} s, "
                f"{rates[workers]:.1f} documents/s"
            )
        speedup = rates[2] / rates[1]
        print(f"speed-up 1 → 2 workers: {speedup:.2f}×")
        print(f"database: {per_document / 1024:.1f} KB per document")
        if args.cluster:
            from distributed import LocalCluster

            with (
                LocalCluster(
                    n_workers=2,
                    threads_per_worker=1,
                    dashboard_address=None,
                    host="127.0.0.1",
                ) as cluster,
                fresh_database(folder, args.postgres) as url,
            ):
                elapsed, stored = timed_ingest(
                    feed, url, cluster=cluster.scheduler_address
                )
            print(
                f"Dask LocalCluster, 2 workers: {stored / elapsed:.1f} documents/s "
                f"({stored / elapsed / rates[2]:.2f}× the local pool)"
            )
        estimate(costs, speedup, 2, args.words, args.cores_per_node, args.hours)
        print(
            f"storage for {TARGET_DOCUMENTS:,} documents: "
            f"{TARGET_DOCUMENTS * per_document / 1e9:,.0f} GB"
        )


if __name__ == "__main__":
    main()
