"""Join the sentence pools with their annotations into the training corpus.

    python scripts/merge_annotations.py

Reads ``training/pool*.jsonl`` (sentences, by ``build_training_pool.py``) and
``training/annotation/labels_*.jsonl`` (one label line per sentence id; the numbered
files in order, then ``labels_corrections.jsonl`` where present, whose adjudicated
labels replace earlier ones), checks
that every label names a pooled sentence and valid codes, and writes
``training/indicator_corpus.jsonl``: one line per annotated sentence with its
document, source, text, previous sentence, codes and negative kind. Sentences not
yet annotated are left out and counted.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from laborwatch.extract.indicators import CODES  # noqa: E402

NEGATIVE_KINDS = {
    "effort",
    "law",
    "recommendation",
    "enforcement",
    "remediation",
    "denial",
    "negation",
    "risk",
    "bio",
    "metaphor",
    "furniture",
    "statistic",
    "other",
}


def main() -> None:
    training = ROOT / "training"
    pool = {}
    for path in sorted(training.glob("pool*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            pool[row["id"]] = row
    labels = {}
    numbered = sorted(
        (training / "annotation").glob("labels_[0-9]*.jsonl"),
        key=lambda path: int(path.stem.removeprefix("labels_")),
    )
    corrections = training / "annotation" / "labels_corrections.jsonl"
    # A checkout may have no adjudicated labels yet: the numbered files stand.
    for path in [*numbered, *([corrections] if corrections.exists() else [])]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            label = json.loads(line)
            where = f"{path.name}:{number}"
            row = pool.get(label["id"])
            if row is None:
                raise SystemExit(f"{where}: no pooled sentence {label['id']}")
            if "check" in label and not row["text"].startswith(label["check"].rstrip()):
                raise SystemExit(f"{where}: label does not match its sentence")
            unknown = set(label["indicators"]) - set(CODES)
            kind = label.get("negative_kind")
            if unknown or (kind is not None and kind not in NEGATIVE_KINDS):
                raise SystemExit(f"{where}: unknown code or kind {unknown or kind}")
            if bool(label["indicators"]) == (kind is not None):
                raise SystemExit(f"{where}: negative_kind must be set iff no code")
            labels[label["id"]] = label
    out = training / "indicator_corpus.jsonl"
    codes: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    with out.open("w", encoding="utf-8") as f:
        for sentence_id, row in pool.items():
            label = labels.get(sentence_id)
            if label is None:
                continue
            indicators = [c for c in CODES if c in label["indicators"]]
            codes.update(indicators)
            kinds[label.get("negative_kind") or "positive"] += 1
            record = {
                "id": sentence_id,
                "doc": row["doc"],
                "source": row["source"],
                "text": row["text"],
                "prev": row["prev"],
                "indicators": indicators,
                "negative_kind": label.get("negative_kind"),
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    annotated = sum(kinds.values())
    documents = len({pool[i]["doc"] for i in labels})
    print(f"{annotated} sentences from {documents} documents -> {out}")
    print(f"{len(pool) - annotated} pooled sentences not annotated")
    print("per code: " + ", ".join(f"{c} {codes[c]}" for c in CODES))
    print("kinds: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common()))


if __name__ == "__main__":
    main()
