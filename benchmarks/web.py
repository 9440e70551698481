"""Web speed: search and document pages with 10,000 documents stored.

Fills a fresh SQLite database with --documents generated reports (stored with their
rule-split sentences; extraction is skipped, which leaves the pages' queries the
same size), serves the app on 127.0.0.1 and times a bounded number of requests to
the search page, the search API and document pages. Prints p50 and p95 in ms.

    python benchmarks/web.py [--documents 10000] [--requests 200]
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from tests.corpus import WORDS, report_text  # noqa: E402

from laborwatch.documents import Document  # noqa: E402
from laborwatch.extract.sentences import split_sentences  # noqa: E402
from laborwatch.ingest.fingerprint import minhash_signature  # noqa: E402
from laborwatch.settings import Settings  # noqa: E402
from laborwatch.store import open_database, save_document  # noqa: E402
from laborwatch.web import create_app  # noqa: E402


def timed(client: object, paths: list[str]) -> list[float]:
    import httpx

    assert isinstance(client, httpx.Client)
    times = []
    for path in paths:
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return times


def report(name: str, times: list[float]) -> None:
    ordered = sorted(times)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    print(
        f"{name}: p50 {statistics.median(ordered):.1f} ms, p95 {p95:.1f} ms over {len(ordered)} requests"
    )


def main() -> None:
    import httpx
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'web.db'}"
        database = open_database(url)
        started = time.perf_counter()
        ids = []
        for number in range(args.documents):
            document = Document.create(
                report_text(number, 300),
                source=f"report-{number}",
                media_type="text/plain",
            )
            save_document(
                database,
                document,
                split_sentences(document),
                minhash_signature(document.text),
                near_duplicate_threshold=0.8,
            )
            ids.append(document.id)
        database.close()
        print(
            f"setup: {args.documents} documents stored in {time.perf_counter() - started:.0f} s"
        )

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = uvicorn.Server(
            uvicorn.Config(
                create_app(Settings(database_url=url)),
                host="127.0.0.1",
                port=port,
                log_level="warning",
            )
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        rng = random.Random(0)
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            timed(client, ["/", "/search?q=workers"])  # warm up
            queries = [
                f"{rng.choice(WORDS)} {rng.choice(WORDS)}" for _ in range(args.requests)
            ]
            report("search page", timed(client, [f"/search?q={q}" for q in queries]))
            report("search API", timed(client, [f"/api/search?q={q}" for q in queries]))
            report(
                "document page",
                timed(
                    client,
                    [f"/documents/{rng.choice(ids)}" for _ in range(args.requests)],
                ),
            )
        server.should_exit = True
        thread.join(timeout=10)


if __name__ == "__main__":
    main()
