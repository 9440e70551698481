"""Agreement between the first annotation pass and the blind second pass.

    python scripts/annotation_agreement.py

Reads ``training/indicator_corpus.jsonl`` (first pass) and
``training/annotation/second_pass.jsonl`` (a random 10 % of the pool, annotated
again without seeing the first labels) and prints, per code, Cohen's kappa, the
positives in each pass, and raw agreement; then kappa on "any indicator". The same
for the real Korean sentences (``training/korean/labels.jsonl`` and its
``second_pass.jsonl``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from laborwatch.extract.indicators import CODES  # noqa: E402


def read_labels(path: Path) -> dict[str, set[str]]:
    return {
        row["id"]: set(row["indicators"])
        for line in path.read_text().splitlines()
        if line
        for row in (json.loads(line),)
    }


def report(title: str, first: dict[str, set[str]], second: dict[str, set[str]]) -> None:
    ids = sorted(set(first) & set(second))
    print(f"{title}: {len(ids)} sentences annotated twice")
    print(f"{'code':22} {'kappa':>6} {'pass 1':>7} {'pass 2':>7} {'agree':>6}")
    rows = []
    for code in (*CODES, "any indicator"):
        if code == "any indicator":
            a = [bool(first[i]) for i in ids]
            b = [bool(second[i]) for i in ids]
        else:
            a = [code in first[i] for i in ids]
            b = [code in second[i] for i in ids]
        kappa = cohen_kappa_score(a, b) if (any(a) or any(b)) and a != b else 1.0
        agree = sum(x == y for x, y in zip(a, b, strict=True)) / len(ids)
        rows.append((code, kappa))
        print(f"{code:22} {kappa:6.2f} {sum(a):7d} {sum(b):7d} {agree:6.3f}")
    kappas = [k for c, k in rows if c != "any indicator"]
    print(f"mean kappa over codes: {sum(kappas) / len(kappas):.2f}")


def main() -> None:
    training = ROOT / "training"
    report(
        "English corpus",
        read_labels(training / "indicator_corpus.jsonl"),
        read_labels(training / "annotation" / "second_pass.jsonl"),
    )
    print()
    report(
        "Real Korean sentences",
        read_labels(training / "korean" / "labels.jsonl"),
        read_labels(training / "korean" / "second_pass.jsonl"),
    )


if __name__ == "__main__":
    main()
