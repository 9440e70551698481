"""Extraction speed and memory on the shared corpus texts.

Prints words/s (mean with a 95% interval over repeats) for the whole ``analyze``
pipeline on one core, and peak memory (resident set size).

    python benchmarks/extract.py [--corpus ../shared/data/corpus] [--repeats 3]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from laborwatch.documents import Document  # noqa: E402
from laborwatch.extract.pipeline import analyze  # noqa: E402

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    paths = sorted(args.corpus.rglob("*.txt"))
    if not paths:
        sys.exit(
            f"{args.corpus}: no .txt files (the corpus lives in ../shared/data/corpus)"
        )
    documents = [
        Document.create(
            path.read_text(encoding="utf-8"),
            source=str(path),
            media_type="text/plain",
            language="en",
        )
        for path in paths
    ]
    words = sum(document.word_count for document in documents)
    analyze(documents[0])  # warm up: load the model
    rates = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        for document in documents:
            analyze(document)
        rates.append(words / (time.perf_counter() - started))
    mean = statistics.mean(rates)
    spread = (
        1.96 * statistics.stdev(rates) / len(rates) ** 0.5 if len(rates) > 1 else 0.0
    )
    print(f"corpus: {len(documents)} documents, {words:,} words")
    print(
        f"extract: {mean:,.0f} ± {spread:,.0f} words/s (one core, {args.repeats} runs)"
    )
    print(f"extract: {len(documents) * mean / words:,.1f} documents/s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")


if __name__ == "__main__":
    main()
