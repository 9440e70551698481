"""Check a fresh held-out part (fresh to fresh33) of the hard match set; print counts.

Run from the repository root, with the lists built as for check.py:

    PYTHONPATH=src python benchmarks/data/match_hard/check_fresh.py --split fresh2 \
        --ofac /tmp/ofac_joined --un <shared>/lists/un/UN_consolidated_2026-02-27.xml

Exits 1 if an expected id is missing, a row's split is not the one checked, a
field is out of its vocabulary, a negative equals (case- and punctuation-folded) a
listed name, or a query repeats one of the sets written before it (all used to
work on the matcher: tune and test before fresh; those and fresh before fresh2;
all of them before fresh3; fresh3 too before fresh4; fresh4 too before
fresh5; fresh5 too before fresh6; fresh6 too before fresh7; fresh7 too
before fresh8; fresh8 too before fresh9; fresh9 too before fresh10; fresh10 too
before fresh11; fresh11 too before fresh12; fresh12 too before fresh13;
fresh13 too before fresh14; fresh14 too before fresh15; fresh15 too before
fresh16; fresh16 too before fresh17; fresh17 too before fresh18; fresh18 too
before fresh19; fresh19 too before fresh20; fresh20 too before fresh21;
fresh21 too before fresh22; fresh22 too before fresh23; fresh23 too
before fresh24; fresh24 too before fresh25; fresh25 too before
fresh26; fresh26 too before fresh27; fresh27 too before fresh28; fresh28 too
before fresh29; fresh29 too before fresh30; fresh30 too before fresh31;
fresh31 too before fresh32; and fresh32 too before fresh33).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from pathlib import Path

from check import (
    KINDS,
    REGIONS,
    SCHEMAS,
    VARIANTS,
    add_list_arguments,
    fold,
    folded_forms,
    load_listed,
)

HERE = Path(__file__).resolve().parent
# The sets in the order they were written; each fresh split is checked against
# every set written before it (by file-name prefix).
ORDER = ("", *(f"fresh{n}_" for n in ("", *range(2, 34))))
EARLIER = {
    prefix.rstrip("_"): ORDER[:position]
    for position, prefix in enumerate(ORDER)
    if position
}
KINDS_OF_ROW = ("positives", "negatives")


def read(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=tuple(EARLIER), default="fresh")
    add_list_arguments(parser)
    args = parser.parse_args()
    split = args.split
    entries, listed = load_listed(args.ofac, args.un)
    # The earlier sets were all used to work on the matcher; a query must be new.
    earlier = [f"{part}{kind}" for part in EARLIER[split] for kind in KINDS_OF_ROW]
    first = {fold(r["query"]) for name in earlier for r in read(f"{name}.csv")}
    # Entities the earlier positives expect; a fresh set mostly avoids them.
    used = {
        key
        for part in EARLIER[split]
        for r in read(f"{part}positives.csv")
        for key in r["expected"].split(";")
    }
    errors: list[str] = []

    positives = read(f"{split}_positives.csv")
    for n, row in enumerate(positives, start=2):
        where = f"{split}_positives.csv:{n}"
        for key in row["expected"].split(";"):
            if key not in entries:
                errors.append(f"{where}: unknown id {key}")
        checks = [
            (row["split"] == split, f"split must be {split}"),
            (row["variant"] in VARIANTS, f"unknown variant {row['variant']!r}"),
            (row["region"] in REGIONS, f"unknown region {row['region']!r}"),
            (row["schema"] in SCHEMAS, f"unknown schema {row['schema']!r}"),
            (row["country"] != "KR", "North Korean entities are KP"),
            (fold(row["query"]) not in first, "query repeats an earlier set"),
        ]
        errors += [f"{where}: {msg}" for ok, msg in checks if not ok]

    negatives = read(f"{split}_negatives.csv")
    seen: set[str] = set()
    for n, row in enumerate(negatives, start=2):
        where = f"{split}_negatives.csv:{n}"
        for form in folded_forms(row["query"]):
            if form in listed:
                errors.append(f"{where}: {row['query']!r} equals listed {listed[form]}")
                break
        folded = fold(row["query"])
        checks = [
            (folded not in seen, f"duplicate {row['query']!r}"),
            (folded not in first, "query repeats an earlier set"),
            (row["kind"] in KINDS, f"unknown kind {row['kind']!r}"),
            (row["split"] == split, f"split must be {split}"),
            (
                not row["lookalike_of"] or row["lookalike_of"] in entries,
                f"unknown lookalike id {row['lookalike_of']}",
            ),
        ]
        errors += [f"{where}: {msg}" for ok, msg in checks if not ok]
        seen.add(folded)

    entities = {row["expected"] for row in positives}
    print(f"{split} positives: {len(positives)} rows, {len(entities)} entities")
    for field in ("region", "variant", "schema"):
        counts = Counter(row[field] or "(blank)" for row in positives)
        print(
            f"  by {field}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
    print(f"  with country: {sum(1 for row in positives if row['country'])}")
    print(f"  on both lists: {sum(1 for row in positives if ';' in row['expected'])}")
    reused = sum(1 for row in positives if set(row["expected"].split(";")) & used)
    print(f"  expecting an entity of an earlier set: {reused}")
    print(f"{split} negatives: {len(negatives)} rows")
    for field in ("kind", "country"):
        counts = Counter(row[field] or "(blank)" for row in negatives)
        print(
            f"  by {field}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
    constructed = sum(1 for row in negatives if "constructed" in row["note"])
    print(f"  constructed lookalikes: {constructed}")
    print(f"  with lookalike_of: {sum(1 for row in negatives if row['lookalike_of'])}")
    for e in errors:
        print(f"error: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
