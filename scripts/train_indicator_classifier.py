"""Train the sentence classifier that backs the indicator rules.

Sentences are embedded with the bundled static model (src/laborwatch/data/
static-minilm, built by scripts/build_static_embeddings.py) and one logistic
regression per indicator code is fitted on them. The weights go to
src/laborwatch/data/indicator-classifier.json; laborwatch applies them with numpy.

Training data:
- training/indicator_sentences.jsonl: sentences written for the project, labelled
  by hand (an empty list marks a sentence that carries no indicator);
- with --corpus DIR (``../shared/data``): sentences of the corpus documents that
  are neither in the development set nor held out, labelled by laborwatch's rules
  (weak labels; the rules were not written from the development or held-out
  documents either). Those sentences are read there, never copied here.

    pip install scikit-learn
    python scripts/train_indicator_classifier.py --corpus ../shared/data
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from datetime import date
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from laborwatch.documents import Document  # noqa: E402
from laborwatch.extract.classifier import CLASSIFIER_PATH, embed  # noqa: E402
from laborwatch.extract.indicators import CODES, find_indicators  # noqa: E402
from laborwatch.extract.sentences import split_sentences  # noqa: E402

HAND_LABELLED = ROOT / "training" / "indicator_sentences.jsonl"
CORPUS_SENTENCES_PER_DOCUMENT = 40


def hand_labelled() -> list[tuple[str, set[str]]]:
    rows = [json.loads(line) for line in HAND_LABELLED.read_text().splitlines() if line]
    return [(row["text"], set(row["indicators"])) for row in rows]


def corpus_labelled(data_root: Path) -> list[tuple[str, set[str]]]:
    """Rule-labelled sentences of corpus documents outside the evaluation sets."""
    excluded = {
        json.loads(line)["file"]
        for line in (data_root / "eval" / "dev" / "gold.jsonl").read_text().splitlines()
        if line.strip()
    }
    excluded |= {
        line.strip()
        for line in (data_root / "eval" / "HELDOUT.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    }
    rng = random.Random(0)
    examples = []
    for path in sorted((data_root / "corpus").rglob("*.txt")):
        if str(path.relative_to(data_root)) in excluded:
            continue
        lines = path.read_text(encoding="utf-8").split("\n")
        while lines and lines[0].startswith("# "):
            lines.pop(0)
        document = Document.create(
            "\n".join(lines), source=str(path), media_type="text/plain"
        )
        sentences = split_sentences(document)
        rng.shuffle(sentences)
        for sentence in sentences[:CORPUS_SENTENCES_PER_DOCUMENT]:
            codes = {indicator.code for indicator in find_indicators(sentence)}
            examples.append((sentence.text, codes))
    return examples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="shared data folder (optional)")
    args = parser.parse_args()

    examples = hand_labelled()
    hand_count = len(examples)
    if args.corpus:
        examples += corpus_labelled(args.corpus)
    texts = [text for text, _ in examples]
    vectors = embed(texts)
    weights, biases, positives = [], [], {}
    for code in CODES:
        labels = np.array([code in codes for _, codes in examples], dtype=int)
        positives[code] = int(labels.sum())
        model = LogisticRegression(C=4.0, class_weight="balanced", max_iter=2000)
        model.fit(vectors, labels)
        weights.append([round(float(w), 6) for w in model.coef_[0]])
        biases.append(round(float(model.intercept_[0]), 6))
    CLASSIFIER_PATH.write_text(
        json.dumps(
            {
                "codes": list(CODES),
                "weights": weights,
                "biases": biases,
                "embedding": "static-minilm",
                "trained": date.today().isoformat(),
                "examples": {"hand_labelled": hand_count, "total": len(examples)},
                "positives": positives,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"{len(examples)} sentences ({hand_count} hand-labelled)")
    print(f"positives per code: {positives}")


if __name__ == "__main__":
    main()
