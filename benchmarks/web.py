"""Web speed: search page, search API and document pages at 10k, 100k and 1M documents.

For each size and backend, fills (or reuses) a database of generated reports stored
directly (``benchmarks/webfill.py``: SQLite files kept in benchmarks/.cache, and
with --postgres one database per size, ``laborwatch_bench_<size>``), serves the
app on 127.0.0.1 and times, with one client, a fixed query mix (a rare term, a
common term, a phrase, a term within a country facet, a facet alone) on the
search page and the search API, and random document pages. Prints p50 and p95 in
ms, sizes side by side, then p95 per query kind.

    python benchmarks/web.py [--sizes 10000,100000,1000000] [--postgres URL]
        [--requests 100]
"""

from __future__ import annotations

import argparse
import random
import socket
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import httpx  # noqa: E402
import uvicorn  # noqa: E402
from webfill import fill, generate, postgres_url, sqlite_url  # noqa: E402

from laborwatch.settings import Settings  # noqa: E402
from laborwatch.web import create_app  # noqa: E402

# The query mix: (kind, query parameters). Rare terms name places a few hundred
# reports mention at 1M, common ones field words in a third to half of them.
MIX: list[tuple[str, dict[str, str]]] = [
    *(("rare term", {"q": q}) for q in ("ganzhou", "gaomi", "matabeleland", "luapula")),
    *(("common term", {"q": q}) for q in ("workers", "wages", "children", "factory")),
    *(
        ("phrase", {"q": q})
        for q in ('"forced labour"', '"debt bondage"', '"recruitment fees"')
    ),
    *(
        ("term + country", {"q": q, "country": c})
        for q, c in (("workers", "CN"), ("cotton", "UZ"), ("wages", "MY"))
    ),
    *(
        ("facet only", facets)
        for facets in (
            {"country": "CN"},
            {"indicator": "debt_bondage"},
            {"good": "cotton", "country": "UZ"},
        )
    ),
]
KINDS = list(dict.fromkeys(kind for kind, _ in MIX))


def percentile(times: list[float], fraction: float) -> float:
    ordered = sorted(times)
    return ordered[int(fraction * (len(ordered) - 1))]


def measure(url: str, size: int, requests: int) -> dict[str, dict[str, list[float]]]:
    """Times in ms per page (search page, search API, document page) and kind."""
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
    times: dict[str, dict[str, list[float]]] = {
        "search page": {},
        "search API": {},
        "document page": {},
    }
    rng = random.Random(0)
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:

        def get(page: str, kind: str, path: str) -> httpx.Response:
            started = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200, (path, response.status_code)
            times[page].setdefault(kind, []).append(elapsed)
            return response

        # Warm up: one of each, untimed (the first touch reads pages from disk).
        for _, params in MIX:
            client.get("/search?" + urlencode(params))
        rounds = max(1, requests // len(MIX))
        for _ in range(rounds):
            for kind, params in MIX:
                get("search page", kind, "/search?" + urlencode(params))
                if "q" in params:  # the API searches words; facets alone browse
                    get("search API", kind, "/api/search?" + urlencode(params))
        # Document pages: random reports, their ids made again from their numbers.
        now = datetime.now(UTC)
        for _ in range(rounds * len(MIX)):
            number = rng.randrange(size)
            document_id = generate(number, now)["documents"][0]["id"]
            get("document page", "document", f"/documents/{document_id}")
    server.should_exit = True
    thread.join(timeout=10)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--postgres", help="PostgreSQL server URL (also measured)")
    parser.add_argument(
        "--requests", type=int, default=100, help="requests per page and size"
    )
    args = parser.parse_args()
    sizes = [int(n) for n in args.sizes.split(",")]
    backends = ["sqlite"] + (["postgresql"] if args.postgres else [])
    results: dict[tuple[str, int], dict[str, dict[str, list[float]]]] = {}
    for backend in backends:
        for size in sizes:
            url = (
                sqlite_url(size)
                if backend == "sqlite"
                else postgres_url(args.postgres, size)
            )
            fill(url, size).close()
            results[backend, size] = measure(url, size, args.requests)
    print_tables(results, backends, sizes)


def _label(size: int) -> str:
    return f"{size // 1_000_000}M" if size >= 1_000_000 else f"{size // 1000}k"


def print_tables(
    results: dict[tuple[str, int], dict[str, dict[str, list[float]]]],
    backends: list[str],
    sizes: list[int],
) -> None:
    """p50/p95 per page, sizes side by side; then p95 per query kind."""
    header = "".join(f"{_label(size) + ' p50/p95 ms':>22}" for size in sizes)
    print(f"\n{'backend':<11}{'page':<15}{header}")
    for backend in backends:
        for page in ("search page", "search API", "document page"):
            cells = []
            for size in sizes:
                times = [t for ts in results[backend, size][page].values() for t in ts]
                cells.append(
                    f"{percentile(times, 0.5):.0f} / {percentile(times, 0.95):.0f}"
                )
            print(f"{backend:<11}{page:<15}" + "".join(f"{c:>22}" for c in cells))
    header = "".join(f"{_label(size) + ' p95 ms':>14}" for size in sizes)
    print(f"\n{'backend':<11}{'page':<13}{'query':<16}{header}")
    for backend in backends:
        for page in ("search page", "search API"):
            for kind in KINDS:
                if kind not in results[backend, sizes[0]][page]:
                    continue
                cells = [
                    f"{percentile(results[backend, size][page][kind], 0.95):.0f}"
                    for size in sizes
                ]
                print(
                    f"{backend:<11}{page:<13}{kind:<16}"
                    + "".join(f"{c:>14}" for c in cells)
                )


if __name__ == "__main__":
    main()
