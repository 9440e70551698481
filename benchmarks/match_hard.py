"""The hard name-matching set: names as reports and supplier files write them.

benchmarks/data/match_hard/ holds queries for listed entities (Hangul, translations,
other romanisations, abbreviations, acronyms, word order, typos, scripts) with every
correct entry id, and names of real bodies and persons that are NOT listed but look
like listed ones; both carry a split (tune or test, by entity). A fresh set
(fresh_*.csv), written after the matcher was tuned on the first two, is scored once;
so is fresh2 (fresh2_*.csv), written after work on tune, test and fresh, fresh3
(fresh3_*.csv), written after work on all four, fresh4 (fresh4_*.csv), written
after work on all five, fresh5 (fresh5_*.csv), written after work on all six,
fresh6 (fresh6_*.csv), written after work on all seven, fresh7
(fresh7_*.csv), written after work on all eight, fresh8 (fresh8_*.csv),
written after work on all nine, fresh9 (fresh9_*.csv), written after work
on all ten, fresh10 (fresh10_*.csv), written after work on all eleven,
fresh11 (fresh11_*.csv), written after work on all twelve, fresh12
(fresh12_*.csv), written after work on all thirteen, fresh13
(fresh13_*.csv), written after work on all fourteen, fresh14
(fresh14_*.csv), written after work on all fifteen, fresh15
(fresh15_*.csv), written after work on all sixteen, fresh16
(fresh16_*.csv), written after work on all seventeen, fresh17
(fresh17_*.csv), written after work on all eighteen, fresh18
(fresh18_*.csv), written after work on all nineteen, fresh19
(fresh19_*.csv), written after work on all twenty, fresh20
(fresh20_*.csv), written after work on all twenty-one, fresh21
(fresh21_*.csv), written after work on all twenty-two, fresh22
(fresh22_*.csv), written after work on all twenty-three, fresh23
(fresh23_*.csv), written after work on all twenty-four, fresh24
(fresh24_*.csv), written after work on all twenty-five, fresh25
(fresh25_*.csv), written after work on all twenty-six, fresh26
(fresh26_*.csv), written after work on all twenty-seven, fresh27
(fresh27_*.csv), written after work on all twenty-eight, fresh28
(fresh28_*.csv), written after work on all twenty-nine, fresh29
(fresh29_*.csv), written after work on all thirty, fresh30
(fresh30_*.csv), written after work on all thirty-one, fresh31
(fresh31_*.csv), written after work on all thirty-two, fresh32
(fresh32_*.csv), written after work on all thirty-three, and fresh33
(fresh33_*.csv), written after work on all thirty-four.
The lists are the
OFAC SDN file of 2024-05-03 with OFAC's alias and address files of 2026-06, and the
UN Security Council consolidated list of 2026-02-27, read from ../shared/data/lists.

For laborwatch and nomenklatura's logic-v2 (candidates from rapidfuzz, as in
match.py), per split: recall@1 (the first hit is a correct entry), recall@1 at the
default threshold (first and reported), recall@5, the false-alarm rate (a
look-alike's first hit reaches the threshold), and queries per second.

    python benchmarks/match_hard.py [--split tune|test|fresh|fresh2|fresh3|fresh4|fresh5|fresh6|fresh7|fresh8|fresh9|fresh10|fresh11|fresh12|fresh13|fresh14|fresh15|fresh16|fresh17|fresh18|fresh19|fresh20|fresh21|fresh22|fresh23|fresh24|fresh25|fresh26|fresh27|fresh28|fresh29|fresh30|fresh31|fresh32|fresh33|all] [--details]
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from laborwatch.lists import load_list  # noqa: E402
from laborwatch.lists.entry import ListEntry  # noqa: E402
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LISTS = ROOT.parent / "shared" / "data" / "lists"
DATA = ROOT / "benchmarks" / "data" / "match_hard"
LOGIC_V2_THRESHOLD = 0.7

# query -> [(list_id:entry_id, score)], best first
Ranker = Callable[[Query], list[tuple[str, float]]]


@dataclass(frozen=True)
class Case:
    query: Query
    expected: frozenset[str]  # empty for a look-alike
    split: str
    variant: str
    region: str


def load_entries() -> list[tuple[str, ListEntry]]:
    """OFAC SDN 2024-05-03 with the 2026-06 aliases and addresses, and the UN list."""
    with tempfile.TemporaryDirectory() as folder:
        joined = Path(folder)
        shutil.copy(LISTS / "ofac_sdn_2024-05-03" / "sdn.csv", joined / "sdn.csv")
        for part in ("alt.csv", "add.csv"):
            shutil.copy(LISTS / "ofac_alt_add_2026-06" / part, joined / part)
        ofac = load_list(joined)
    un = load_list(LISTS / "un" / "UN_consolidated_2026-02-27.xml")
    return [(ofac.list_id, e) for e in ofac.entries] + [
        (un.list_id, e) for e in un.entries
    ]


def load_cases() -> list[Case]:
    cases = []
    for kind in (
        "positives",
        "negatives",
        "fresh_positives",
        "fresh_negatives",
        "fresh2_positives",
        "fresh2_negatives",
        "fresh3_positives",
        "fresh3_negatives",
        "fresh4_positives",
        "fresh4_negatives",
        "fresh5_positives",
        "fresh5_negatives",
        "fresh6_positives",
        "fresh6_negatives",
        "fresh7_positives",
        "fresh7_negatives",
        "fresh8_positives",
        "fresh8_negatives",
        "fresh9_positives",
        "fresh9_negatives",
        "fresh10_positives",
        "fresh10_negatives",
        "fresh11_positives",
        "fresh11_negatives",
        "fresh12_positives",
        "fresh12_negatives",
        "fresh13_positives",
        "fresh13_negatives",
        "fresh14_positives",
        "fresh14_negatives",
        "fresh15_positives",
        "fresh15_negatives",
        "fresh16_positives",
        "fresh16_negatives",
        "fresh17_positives",
        "fresh17_negatives",
        "fresh18_positives",
        "fresh18_negatives",
        "fresh19_positives",
        "fresh19_negatives",
        "fresh20_positives",
        "fresh20_negatives",
        "fresh21_positives",
        "fresh21_negatives",
        "fresh22_positives",
        "fresh22_negatives",
        "fresh23_positives",
        "fresh23_negatives",
        "fresh24_positives",
        "fresh24_negatives",
        "fresh25_positives",
        "fresh25_negatives",
        "fresh26_positives",
        "fresh26_negatives",
        "fresh27_positives",
        "fresh27_negatives",
        "fresh28_positives",
        "fresh28_negatives",
        "fresh29_positives",
        "fresh29_negatives",
        "fresh30_positives",
        "fresh30_negatives",
        "fresh31_positives",
        "fresh31_negatives",
        "fresh32_positives",
        "fresh32_negatives",
        "fresh33_positives",
        "fresh33_negatives",
    ):
        if not (DATA / f"{kind}.csv").exists():
            continue
        with (DATA / f"{kind}.csv").open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                expected = frozenset(
                    part.strip()
                    for part in (row.get("expected") or "").split(";")
                    if part.strip()
                )
                cases.append(
                    Case(
                        Query(
                            row["query"],
                            row.get("schema") or None,
                            row.get("country") or None,
                        ),
                        expected,
                        row["split"],
                        row.get("variant") or row.get("kind") or "",
                        row.get("region") or "",
                    )
                )
    return cases


def laborwatch_ranker(entries: list[tuple[str, ListEntry]]) -> Ranker:
    matcher = Matcher(entries)

    def rank(query: Query) -> list[tuple[str, float]]:
        return [
            (f"{hit.list_id}:{hit.entry_id}", hit.score)
            for hit in matcher.match(query, threshold=0.0, limit=5)
        ]

    return rank


def logic_v2_ranker(
    entries: list[tuple[str, ListEntry]], scoring_seconds: list[float] | None = None
) -> Ranker | None:
    """nomenklatura's logic-v2 over rapidfuzz's candidates; the time it spends
    scoring each query is added to ``scoring_seconds`` when one is given."""
    try:
        from followthemoney import model
        from nomenklatura.matching import get_algorithm
        from rapidfuzz import fuzz, process, utils
    except ImportError:
        return None
    algorithm = get_algorithm("logic-v2")
    assert algorithm is not None
    config = algorithm.default_config()
    by_id = {}
    names = []
    for list_id, entry in entries:
        schema = entry.schema if entry.schema in model.schemata else "LegalEntity"
        entity = model.make_entity(schema)
        entity.id = f"{list_id}:{entry.entry_id}"
        entity.add("name", entry.name)
        entity.add("alias", list(entry.aliases) + list(entry.weak_aliases))
        entity.add("country", [c.lower() for c in entry.countries], quiet=True)
        by_id[entity.id] = entity
        names += [(name, entity.id) for name, _kind in entry.names()]
    choices = [name for name, _ in names]
    counter = iter(range(10**9))

    def rank(query: Query) -> list[tuple[str, float]]:
        found = process.extract(
            query.name,
            choices,
            scorer=fuzz.token_set_ratio,
            processor=utils.default_process,
            limit=60,
        )
        candidates = list(dict.fromkeys(names[index][1] for _, _, index in found))
        entity = model.make_entity(
            "Person" if query.schema == "Person" else "LegalEntity"
        )
        entity.id = f"query-{next(counter)}"  # nomenklatura caches by entity id
        entity.add("name", query.name)
        if query.country:
            entity.add("country", query.country.lower(), quiet=True)
        started = time.perf_counter()
        scored = [
            (entry_id, algorithm.compare(entity, by_id[entry_id], config).score)
            for entry_id in candidates[:30]
        ]
        if scoring_seconds is not None:
            scoring_seconds.append(time.perf_counter() - started)
        return sorted(scored, key=lambda pair: -pair[1])

    return rank


def evaluate(
    rank: Ranker, cases: list[Case], threshold: float
) -> tuple[dict[str, float], dict[str, list[int]], list[tuple[Case, list]]]:
    """Figures, hits per variant ([found first, total]) and the misses."""
    positives = [case for case in cases if case.expected]
    negatives = [case for case in cases if not case.expected]
    at1 = at1_reported = at5 = alarms = 0
    by_variant: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    misses = []
    started = time.perf_counter()
    for case in positives:
        ranked = rank(case.query)
        first = ranked[0] if ranked else ("", 0.0)
        ids = [entry_id for entry_id, _ in ranked]
        found = first[0] in case.expected
        at1 += found
        at1_reported += found and first[1] >= threshold
        at5 += bool(case.expected & set(ids[:5]))
        by_variant[case.variant][0] += found
        by_variant[case.variant][1] += 1
        if not found or first[1] < threshold:
            misses.append((case, ranked[:2]))
    for case in negatives:
        ranked = rank(case.query)
        if ranked and ranked[0][1] >= threshold:
            alarms += 1
            misses.append((case, ranked[:1]))
    elapsed = time.perf_counter() - started
    figures = {
        "positives": len(positives),
        "negatives": len(negatives),
        "recall@1": at1 / max(len(positives), 1),
        "recall@1 reported": at1_reported / max(len(positives), 1),
        "recall@5": at5 / max(len(positives), 1),
        "false alarms": alarms / max(len(negatives), 1),
        "queries/s": (len(positives) + len(negatives)) / elapsed,
    }
    return figures, by_variant, misses


def show(name: str, figures: dict[str, float], threshold: float) -> None:
    print(
        f"  {name:<11} recall@1 {figures['recall@1']:.3f}  "
        f"at threshold {figures['recall@1 reported']:.3f}  "
        f"recall@5 {figures['recall@5']:.3f}  "
        f"false alarms {figures['false alarms']:.3f} "
        f"(threshold {threshold:g})  {figures['queries/s']:,.0f} queries/s"
    )


# The splits in the order they were written; --split all scores those present.
SPLITS = (
    "tune",
    "test",
    "fresh",
    "fresh2",
    "fresh3",
    "fresh4",
    "fresh5",
    "fresh6",
    "fresh7",
    "fresh8",
    "fresh9",
    "fresh10",
    "fresh11",
    "fresh12",
    "fresh13",
    "fresh14",
    "fresh15",
    "fresh16",
    "fresh17",
    "fresh18",
    "fresh19",
    "fresh20",
    "fresh21",
    "fresh22",
    "fresh23",
    "fresh24",
    "fresh25",
    "fresh26",
    "fresh27",
    "fresh28",
    "fresh29",
    "fresh30",
    "fresh31",
    "fresh32",
    "fresh33",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        choices=(*SPLITS, "all"),
        default="all",
    )
    parser.add_argument(
        "--details", action="store_true", help="laborwatch's misses and alarms"
    )
    parser.add_argument("--no-peer", action="store_true", help="skip logic-v2")
    args = parser.parse_args()
    run(args.split, details=args.details, peer=not args.no_peer)


def run(split: str, details: bool, peer: bool) -> None:
    if not LISTS.exists():
        sys.exit(f"{LISTS}: not found (list snapshots live in ../shared/data/lists)")
    entries = load_entries()
    cases = load_cases()
    present = {case.split for case in cases}
    splits = (
        tuple(part for part in SPLITS if part in present)
        if split == "all"
        else (split,)
    )
    print(
        f"lists: {len(entries):,} entries (OFAC SDN 2024-05-03 + aliases 2026-06, "
        f"UN 2026-02-27)"
    )
    rankers: dict[str, tuple[Ranker, float]] = {
        "laborwatch": (laborwatch_ranker(entries), DEFAULT_THRESHOLD)
    }
    logic_v2 = logic_v2_ranker(entries) if peer else None
    if logic_v2 is not None:
        rankers["logic-v2"] = (logic_v2, LOGIC_V2_THRESHOLD)
    elif peer:
        print("nomenklatura not installed: logic-v2 skipped (pip install nomenklatura)")
    for part in splits:
        chosen = [case for case in cases if case.split == part]
        count = sum(1 for case in chosen if case.expected)
        print(f"{part}: {count} listed names, {len(chosen) - count} look-alikes")
        for name, (rank, threshold) in rankers.items():
            figures, by_variant, misses = evaluate(rank, chosen, threshold)
            show(name, figures, threshold)
            if name == "laborwatch":
                print(
                    "    found first, by variant: "
                    + ", ".join(
                        f"{variant} {found}/{total}"
                        for variant, (found, total) in sorted(by_variant.items())
                    )
                )
                if details:
                    for case, ranked in misses:
                        kind = (
                            "ALARM"
                            if not case.expected
                            else "LOW  "
                            if ranked and ranked[0][0] in case.expected
                            else "MISS "
                        )
                        print(
                            f"    {kind} {case.query.name!r} "
                            f"[{case.query.country or ''}] -> {ranked}"
                        )


if __name__ == "__main__":
    main()
