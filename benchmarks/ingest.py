"""Ingest speed: generated reports into a fresh SQLite database.

Prints documents/s, MB/s and peak memory (resident set size), for a folder of text
files and for the same reports as one JSON Lines feed.

    python benchmarks/ingest.py [--documents 10000] [--words 400]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.corpus import report_text, write_reports  # noqa: E402

from laborwatch.pipeline import ingest_paths  # noqa: E402
from laborwatch.settings import Settings  # noqa: E402
from laborwatch.store import count_documents, open_database  # noqa: E402


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(name: str, paths: list[str], database_url: str, total_bytes: int) -> None:
    settings = Settings(database_url=database_url)
    database = open_database(database_url)
    started = time.perf_counter()
    summary = ingest_paths(paths, database, settings)
    elapsed = time.perf_counter() - started
    stored = count_documents(database)["documents"]
    assert summary.counts["ingested"] == stored, summary.counts
    print(f"{name}: {stored} documents in {elapsed:.1f} s")
    print(f"{name}: {stored / elapsed:,.0f} documents/s")
    print(f"{name}: {total_bytes / 1e6 / elapsed:.2f} MB/s")
    database.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=400)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        paths = write_reports(folder / "reports", args.documents, args.words)
        total_bytes = sum(path.stat().st_size for path in paths)
        feed = folder / "feed.jsonl"
        with feed.open("w") as out:
            for number in range(args.documents):
                record = {
                    "title": f"Report {number}",
                    "text": report_text(number, args.words),
                }
                out.write(json.dumps(record) + "\n")
        print(f"corpus: {args.documents} documents, {total_bytes / 1e6:.1f} MB of text")

        # Warm up: load spaCy, py3langid and datasketch before timing.
        warm = open_database(f"sqlite:///{folder / 'warm.db'}")
        ingest_paths(
            [str(paths[0])],
            warm,
            Settings(database_url=f"sqlite:///{folder / 'warm.db'}"),
        )
        warm.close()

        run(
            "folder",
            [str(folder / "reports")],
            f"sqlite:///{folder / 'files.db'}",
            total_bytes,
        )
        run(
            "jsonl", [str(feed)], f"sqlite:///{folder / 'feed.db'}", feed.stat().st_size
        )
        print(f"peak memory: {peak_rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
