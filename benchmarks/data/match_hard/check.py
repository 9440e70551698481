"""Check the hard match set against the lists it was written for, and print counts.

Run from the repository root (the lists are not in the repository):

    mkdir -p /tmp/ofac_joined && cp <shared>/lists/ofac_sdn_2024-05-03/sdn.csv \
        <shared>/lists/ofac_alt_add_2026-06/*.csv /tmp/ofac_joined/
    PYTHONPATH=src python benchmarks/data/match_hard/check.py \
        --ofac /tmp/ofac_joined --un <shared>/lists/un/UN_consolidated_2026-02-27.xml

Exits 1 if an expected id is missing, a split is wrong, a field is out of its
vocabulary, or a negative equals (case- and punctuation-folded) a listed name.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from laborwatch.lists import load_list
from laborwatch.lists.entry import ListEntry

HERE = Path(__file__).resolve().parent
VARIANTS = {
    "hangul",
    "translation",
    "romanisation",
    "abbreviation",
    "acronym",
    "word_order",
    "typo",
    "missing_legal_form",
    "script",
    "partial",
    "other",
}
# BY, VE, MM and CU: Belarus, Venezuela, Burma and Cuba programmes (fresh6 on).
REGIONS = {"KP", "IR", "RU", "CN", "SY", "BY", "VE", "MM", "CU"}
KINDS = {"company", "bank", "person", "public_body", "other"}
SCHEMAS = {"", "Person", "Organization"}
YEAR = r"\b(?:19|20)\d\d\b"


def fold(text: str) -> str:
    """Case-, accent- and punctuation-folded form; word order kept."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.findall(r"\w+", text.casefold()))


def folded_forms(name: str) -> set[str]:
    """The folded name, its words run together, and its sorted words.

    Sorted words make "KIM, Jong Un" equal "Jong Un Kim"; run-together words make
    "Kim Min-jun" equal "KIM, Minjun".
    """
    words = fold(name).split()
    return {" ".join(words), "".join(words), " ".join(sorted(words))}


def add_list_arguments(parser: argparse.ArgumentParser) -> None:
    """--ofac and --un: the lists the set was written for."""
    parser.add_argument("--ofac", type=Path, default=Path("/tmp/ofac_joined"))
    parser.add_argument(
        "--un",
        type=Path,
        default=HERE.parents[3]
        / "shared"
        / "data"
        / "lists"
        / "un"
        / "UN_consolidated_2026-02-27.xml",
    )


def load_listed(ofac: Path, un: Path) -> tuple[dict[str, ListEntry], dict[str, str]]:
    """Every entry by ``list_id:entry_id``, and each folded form of every listed
    name with the first entry that has it."""
    lists = {"us_ofac_sdn": load_list(ofac), "un_sc_consolidated": load_list(un)}
    entries = {
        f"{list_id}:{e.entry_id}": e
        for list_id, loaded in lists.items()
        for e in loaded.entries
    }
    forms: dict[str, str] = {}
    for key, e in entries.items():
        for name in (e.name, *e.aliases, *e.weak_aliases):
            for form in folded_forms(name):
                if form:
                    forms.setdefault(form, key)
    return entries, forms


def md5_split(text: str) -> str:
    return (
        "tune"
        if int(hashlib.md5(text.encode()).hexdigest()[-1], 16) % 2 == 0
        else "test"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_list_arguments(parser)
    args = parser.parse_args()
    entries, listed_forms = load_listed(args.ofac, args.un)

    errors: list[str] = []
    warnings: list[str] = []

    with (HERE / "positives.csv").open(encoding="utf-8", newline="") as fh:
        positives = list(csv.DictReader(fh))
    for n, row in enumerate(positives, start=2):
        where = f"positives.csv:{n}"
        ids = row["expected"].split(";")
        for key in ids:
            if key not in entries:
                errors.append(f"{where}: unknown id {key}")
        if row["split"] != md5_split(ids[0]):
            errors.append(f"{where}: split should be {md5_split(ids[0])}")
        if row["variant"] not in VARIANTS:
            errors.append(f"{where}: unknown variant {row['variant']!r}")
        if row["region"] not in REGIONS:
            errors.append(f"{where}: unknown region {row['region']!r}")
        if row["schema"] not in SCHEMAS:
            errors.append(f"{where}: unknown schema {row['schema']!r}")
        if row["country"] == "KR":
            errors.append(f"{where}: North Korean entities are KP")
        found = [entries[k] for k in ids if k in entries]
        # One entity listed twice must share a birth year where each gives one.
        year_sets = [
            {m.group(0) for d in e.birth_dates for m in [re.search(YEAR, d)] if m}
            for e in found
        ]
        year_sets = [y for y in year_sets if y]
        if len(year_sets) > 1 and not set.intersection(*year_sets):
            warnings.append(f"{where}: expected ids share no birth year {year_sets}")
        schemas = {"Person" if e.schema == "Person" else "Organization" for e in found}
        if row["schema"] and row["schema"] not in schemas:
            warnings.append(f"{where}: schema {row['schema']} but list says {schemas}")

    with (HERE / "negatives.csv").open(encoding="utf-8", newline="") as fh:
        negatives = list(csv.DictReader(fh))
    seen: set[str] = set()
    for n, row in enumerate(negatives, start=2):
        where = f"negatives.csv:{n}"
        for form in folded_forms(row["query"]):
            if form in listed_forms:
                errors.append(
                    f"{where}: {row['query']!r} equals listed {listed_forms[form]}"
                )
                break
        if fold(row["query"]) in seen:
            errors.append(f"{where}: duplicate {row['query']!r}")
        seen.add(fold(row["query"]))
        if row["kind"] not in KINDS:
            errors.append(f"{where}: unknown kind {row['kind']!r}")
        if row["split"] != md5_split(row["query"]):
            errors.append(f"{where}: split should be {md5_split(row['query'])}")
        if row["lookalike_of"] and row["lookalike_of"] not in entries:
            errors.append(f"{where}: unknown lookalike id {row['lookalike_of']}")

    entities = {row["expected"] for row in positives}
    print(f"positives: {len(positives)} rows, {len(entities)} entities")
    for field in ("region", "variant", "schema", "split"):
        counts = Counter(row[field] or "(blank)" for row in positives)
        print(
            f"  by {field}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
    with_country = sum(1 for row in positives if row["country"])
    print(f"  with country: {with_country}")
    both = sum(1 for row in positives if ";" in row["expected"])
    print(f"  on both lists (or listed twice): {both}")
    print(f"negatives: {len(negatives)} rows")
    for field in ("kind", "country", "split"):
        counts = Counter(row[field] or "(blank)" for row in negatives)
        print(
            f"  by {field}: " + ", ".join(f"{k} {v}" for k, v in counts.most_common())
        )
    lookalikes = sum(1 for row in negatives if row["lookalike_of"])
    print(f"  with lookalike_of: {lookalikes}")
    for w in warnings:
        print(f"warning: {w}")
    for e in errors:
        print(f"error: {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
