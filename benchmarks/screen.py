"""Screening speed: suppliers against the OFAC snapshot, the DOL list and stored reports.

Builds a database with the full OFAC SDN snapshot (../shared/data/lists), the DOL
list (../shared/data/dol) and --documents generated reports, writes --rows generated
supplier rows (company names, some spelled as on the list, countries and goods),
then times ``laborwatch screen``'s library call. Prints rows/s and peak memory.

    python benchmarks/screen.py [--rows 10000] [--documents 1000] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.corpus import write_reports  # noqa: E402

from laborwatch.lists import load_list  # noqa: E402
from laborwatch.pipeline import ingest_paths  # noqa: E402
from laborwatch.screen import screen_file  # noqa: E402
from laborwatch.settings import Settings  # noqa: E402
from laborwatch.store import open_database  # noqa: E402
from laborwatch.store.lists import save_list  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
WORDS = "north star global pacific golden river united eastern royal green delta apex summit crown".split()
KINDS = "trading textiles mining foods logistics garments fisheries metals electronics".split()
PRODUCTS = [
    ("cotton", "5201", "UZ"),
    ("coal", "2701", "KP"),
    ("bricks", "6901", "PK"),
    ("cocoa", "1801", "GH"),
    ("gems", "7103", "MG"),
    ("garments", "6205", "BD"),
    ("fish", "0302", "TH"),
    ("paper", "4802", "DE"),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=1_000)
    parser.add_argument(
        "--workers", type=int, nargs="+", default=[1], help="e.g. --workers 1 2"
    )
    args = parser.parse_args()
    if not SHARED.exists():
        sys.exit(f"{SHARED}: not found (the list snapshots live in ../shared/data)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        url = f"sqlite:///{folder / 'bench.db'}"
        database = open_database(url)
        sdn = load_list(SHARED / "lists" / "ofac_sdn_2021-07-07_fullset")
        save_list(database, sdn)
        save_list(
            database,
            load_list(SHARED / "dol" / "sweat_and_toil_app" / "goods_2021.xml"),
        )
        started = time.perf_counter()
        write_reports(folder / "reports", args.documents)
        ingest_paths([str(folder / "reports")], database, Settings(database_url=url))
        print(
            f"setup: {len(sdn.entries)} OFAC entries, DOL list, {args.documents} reports "
            f"ingested in {time.perf_counter() - started:.0f} s"
        )

        rng = random.Random(0)
        listed = [entry.name for entry in sdn.entries if entry.schema != "Person"]
        with (folder / "suppliers.csv").open("w", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["name", "country", "product", "hs code"])
            for _ in range(args.rows):
                product, hs, country = rng.choice(PRODUCTS)
                if rng.random() < 0.05:
                    name = rng.choice(listed).title()
                else:
                    name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {rng.choice(KINDS).title()} Ltd"
                writer.writerow([name, country, product, hs])

        rates = {}
        for workers in args.workers:
            started = time.perf_counter()
            run = screen_file(folder / "suppliers.csv", database, workers=workers)
            elapsed = time.perf_counter() - started
            rates[workers] = run.summary["rows"] / elapsed
            print(
                f"screen, {workers} worker(s): {run.summary['rows']} rows in "
                f"{elapsed:.1f} s ({run.summary})"
            )
            print(
                f"screen, {workers} worker(s): {rates[workers]:,.0f} rows/s "
                "(lists and indexes loaded in the run, by each worker)"
            )
        if 1 in rates:
            for workers, rate in rates.items():
                if workers != 1:
                    print(f"speed-up 1 → {workers} workers: {rate / rates[1]:.2f}×")
        print(
            f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB "
            "in this process; "
            f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB "
            "in the largest worker"
        )


if __name__ == "__main__":
    main()
