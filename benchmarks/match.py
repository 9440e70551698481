"""Name matching: laborwatch against nomenklatura's logic-v2 and a rapidfuzz baseline.

On the OFAC SDN snapshot of ../shared/data/lists/ofac_sdn_2021-07-07_fullset, every
name and alias of every entry is a query for its own entry (a seeded sample for the
slower peers). Prints recall@1 and recall@5, the false-positive rate at each
method's threshold on names that are not on the list (benchmarks/data/
non_list_names.txt), queries per second on one core, peak memory, and ratios.

nomenklatura scores pairs and has no index (yente pairs it with Elasticsearch), so
its candidates come from rapidfuzz's token-set ratio (top 30 entries), then
logic-v2 ranks them; its speed is given with and without that retrieval.

Then the hard set (`benchmarks/match_hard.py`): names as reports and supplier files
write them, and look-alikes, for laborwatch and logic-v2 side by side.

    pip install nomenklatura   # optional: without it, its rows are skipped
    python benchmarks/match.py [--sample 1000] [--no-hard]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import match_hard  # noqa: E402
from rapidfuzz import fuzz, process, utils  # noqa: E402

from laborwatch.lists import load_list  # noqa: E402
from laborwatch.lists.entry import ListEntry  # noqa: E402
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT.parent / "shared" / "data" / "lists" / "ofac_sdn_2021-07-07_fullset"
NEGATIVES = ROOT / "benchmarks" / "data" / "non_list_names.txt"
WRATIO_THRESHOLD = 90.0
LOGIC_V2_THRESHOLD = 0.7

Ranker = Callable[
    [str], list[tuple[str, float]]
]  # query -> [(entry_id, score)], best first


def laborwatch_ranker(entries: list[ListEntry]) -> Ranker:
    matcher = Matcher([("us_ofac_sdn", entry) for entry in entries])

    def rank(name: str) -> list[tuple[str, float]]:
        return [
            (hit.entry_id, hit.score)
            for hit in matcher.match(Query(name), threshold=0.0, limit=5)
        ]

    return rank


def wratio_ranker(entries: list[ListEntry]) -> Ranker:
    names = [
        (name, entry.entry_id) for entry in entries for name, _kind in entry.names()
    ]
    choices = [name for name, _ in names]

    def rank(name: str) -> list[tuple[str, float]]:
        found = process.extract(
            name, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=25
        )
        return _best_per_entry([(names[index][1], score) for _, score, index in found])

    return rank


def logic_v2_ranker(entries: list[ListEntry]) -> tuple[Ranker, list[float]] | None:
    """match_hard's logic-v2 ranker over one list, by name, with its scoring time."""
    scoring_seconds: list[float] = []
    ranked = match_hard.logic_v2_ranker(
        [("us_ofac_sdn", entry) for entry in entries], scoring_seconds
    )
    if ranked is None:
        return None
    rank_query = ranked

    def rank(name: str) -> list[tuple[str, float]]:
        return [(key.split(":", 1)[1], score) for key, score in rank_query(Query(name))]

    return rank, scoring_seconds


def _best_per_entry(scored: list[tuple[str, float]]) -> list[tuple[str, float]]:
    best: dict[str, float] = {}
    for entry_id, score in scored:
        best[entry_id] = max(best.get(entry_id, 0.0), score)
    return sorted(best.items(), key=lambda pair: -pair[1])


def evaluate(
    name: str,
    rank: Ranker,
    queries: list[tuple[str, str]],
    negatives: list[str],
    threshold: float,
) -> dict[str, float]:
    started = time.perf_counter()
    at1 = at5 = 0
    for query, expected in queries:
        ranked = [entry_id for entry_id, _ in rank(query)]
        at1 += ranked[:1] == [expected]
        at5 += expected in ranked[:5]
    elapsed = time.perf_counter() - started
    false_positives = sum(
        1
        for query in negatives
        if any(score >= threshold for _, score in rank(query)[:1])
    )
    # Memory traced apart: tracing slows Python several times over.
    tracemalloc.start()
    for query, _expected in queries[:50]:
        rank(query)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    figures = {
        "recall@1": at1 / len(queries),
        "recall@5": at5 / len(queries),
        "false_positive_rate": false_positives / len(negatives),
        "queries_per_s": len(queries) / elapsed,
        "peak_mb": peak / 1e6,
    }
    print(
        f"{name:<12} recall@1 {figures['recall@1']:.4f}  recall@5 {figures['recall@5']:.4f}  "
        f"FP rate {figures['false_positive_rate']:.4f} (threshold {threshold:g})  "
        f"{figures['queries_per_s']:,.0f} queries/s  peak {figures['peak_mb']:.0f} MB (traced, while querying)"
    )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sample", type=int, default=1000, help="queries for all methods"
    )
    parser.add_argument(
        "--no-hard",
        action="store_true",
        help="skip the hard set (benchmarks/match_hard.py)",
    )
    args = parser.parse_args()
    if not SNAPSHOT.exists():
        sys.exit(f"{SNAPSHOT}: not found (list snapshots live in ../shared/data/lists)")
    entries = load_list(SNAPSHOT).entries
    all_queries = [
        (name, entry.entry_id) for entry in entries for name, _kind in entry.names()
    ]
    queries = random.Random(0).sample(all_queries, min(args.sample, len(all_queries)))
    negatives = [
        line.strip()
        for line in NEGATIVES.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    print(
        f"list: {len(entries)} entries, {len(all_queries)} names; sample: {len(queries)} queries; {len(negatives)} non-list names"
    )

    started = time.perf_counter()
    laborwatch = laborwatch_ranker(entries)
    print(f"laborwatch index built in {time.perf_counter() - started:.1f} s")
    ours = evaluate("laborwatch", laborwatch, queries, negatives, DEFAULT_THRESHOLD)
    baseline = evaluate(
        "rapidfuzz", wratio_ranker(entries), queries, negatives, WRATIO_THRESHOLD
    )
    peers = {"rapidfuzz": baseline}
    built = logic_v2_ranker(entries)
    if built is None:
        print("nomenklatura  not installed: skipped (pip install nomenklatura)")
    else:
        rank, scoring_seconds = built
        peers["logic-v2"] = evaluate(
            "logic-v2", rank, queries, negatives, LOGIC_V2_THRESHOLD
        )
        scored = len(scoring_seconds)
        print(
            f"logic-v2     scoring alone (30 candidates a query): {scored / sum(scoring_seconds):,.0f} queries/s"
        )

    tracemalloc.start()
    started = time.perf_counter()
    matcher = Matcher([("us_ofac_sdn", entry) for entry in entries])
    built_in = time.perf_counter() - started
    _, index_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started = time.perf_counter()
    matcher.match_many([Query(name) for name, _ in all_queries])
    bulk = len(all_queries) / (time.perf_counter() - started)
    print(
        f"laborwatch bulk: {bulk:,.0f} queries/s over all {len(all_queries):,} names "
        f"(one core); index: {built_in:.1f} s, {index_peak / 1e6:.0f} MB"
    )
    print(
        f"process peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    for peer, figures in peers.items():
        ratios = ", ".join(
            f"{key} {ours[key] / figures[key]:.2f}x"
            for key in ("recall@1", "recall@5", "queries_per_s")
            if figures[key]
        )
        print(f"laborwatch/{peer}: {ratios}")
    if not args.no_hard:
        print("\nhard set: names as reports and supplier files write them")
        match_hard.run("all", details=False, peer=True)


if __name__ == "__main__":
    main()
