"""Check the fresh held-out part of the hard match set, and print its counts.

Run from the repository root, with the lists built as for check.py:

    PYTHONPATH=src python benchmarks/data/match_hard/check_fresh.py \
        --ofac /tmp/ofac_joined --un <shared>/lists/un/UN_consolidated_2026-02-27.xml

Exits 1 if an expected id is missing, a split is not `fresh`, a field is out of
its vocabulary, a negative equals (case- and punctuation-folded) a listed name,
or a fresh query repeats one of the first set (which was used for tuning).
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


def read(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_list_arguments(parser)
    args = parser.parse_args()
    entries, listed = load_listed(args.ofac, args.un)
    # The first set was used to tune the matcher; a fresh query must be new.
    first = {fold(r["query"]) for r in read("positives.csv") + read("negatives.csv")}
    errors: list[str] = []

    positives = read("fresh_positives.csv")
    for n, row in enumerate(positives, start=2):
        where = f"fresh_positives.csv:{n}"
        for key in row["expected"].split(";"):
            if key not in entries:
                errors.append(f"{where}: unknown id {key}")
        checks = [
            (row["split"] == "fresh", "split must be fresh"),
            (row["variant"] in VARIANTS, f"unknown variant {row['variant']!r}"),
            (row["region"] in REGIONS, f"unknown region {row['region']!r}"),
            (row["schema"] in SCHEMAS, f"unknown schema {row['schema']!r}"),
            (row["country"] != "KR", "North Korean entities are KP"),
            (fold(row["query"]) not in first, "query repeats the first set"),
        ]
        errors += [f"{where}: {msg}" for ok, msg in checks if not ok]

    negatives = read("fresh_negatives.csv")
    seen: set[str] = set()
    for n, row in enumerate(negatives, start=2):
        where = f"fresh_negatives.csv:{n}"
        for form in folded_forms(row["query"]):
            if form in listed:
                errors.append(f"{where}: {row['query']!r} equals listed {listed[form]}")
                break
        folded = fold(row["query"])
        checks = [
            (folded not in seen, f"duplicate {row['query']!r}"),
            (folded not in first, "query repeats the first set"),
            (row["kind"] in KINDS, f"unknown kind {row['kind']!r}"),
            (row["split"] == "fresh", "split must be fresh"),
            (
                not row["lookalike_of"] or row["lookalike_of"] in entries,
                f"unknown lookalike id {row['lookalike_of']}",
            ),
        ]
        errors += [f"{where}: {msg}" for ok, msg in checks if not ok]
        seen.add(folded)

    entities = {row["expected"] for row in positives}
    print(f"fresh positives: {len(positives)} rows, {len(entities)} entities")
    for field in ("region", "variant", "schema"):
        counts = Counter(row[field] or "(blank)" for row in positives)
        print(
            f"  by {field}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
    print(f"  with country: {sum(1 for row in positives if row['country'])}")
    print(f"  on both lists: {sum(1 for row in positives if ';' in row['expected'])}")
    print(f"fresh negatives: {len(negatives)} rows")
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
