"""Build the pool of real sentences that the indicator training corpus annotates.

    python scripts/build_training_pool.py --data ../shared/data --out training/pool.jsonl

Sentences come from three kinds of real text, split as laborwatch splits them:
- the government reports in ``corpus/`` (US State, DOL, CIA), every sentence of every
  document that is neither a development document nor held out;
- Australian modern slavery statements (AIMS.au test split, CC BY), sentences of the
  statements not used for evaluation, favouring those that describe risk or action:
  corporate text about the practice, the hardest negatives;
- UK modern slavery statements (WikiRate, CC BY 4.0), a sample of the sentences that
  speak of labour.

The pool is deterministic (seeded), so the annotations keyed by sentence id stay valid.
Held-out documents are never opened. A gathered text in ``training/sources`` that is
held out, or shares more than 10 % of its 8-word shingles with a development
document, stops the build (``training_guard.py``), unless it is one of the sources
recorded in ``training/known_overlaps.tsv``, trained on before the guard existed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from training_guard import new_leaks

from laborwatch.documents import Document
from laborwatch.extract.sentences import split_sentences

csv.field_size_limit(sys.maxsize)

_DOL_ACTIONS = 6
KNOWN_OVERLAPS = Path(__file__).resolve().parents[1] / "training" / "known_overlaps.tsv"

_LABOUR_WORDS = re.compile(
    r"\b(forced|slave|slavery|traffick|bond|debt|passport|wage|recruit|fee|child|"
    r"hours|overtime|worker|labour|labor|migrant|audit|remediat|dormitor|coerc)",
    re.I,
)


def corpus_text(path: Path) -> str:
    """A corpus file's text after its ``# `` header lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def sentences_of(text: str) -> list[str]:
    document = Document.create(text, source="pool", media_type="text/plain")
    # The annotations name these sentences by position: keep the split they were
    # made on (before 0.10.0 joined sentences cut at a bracket), so that the pool,
    # and the model trained from it, rebuild exactly.
    sentences = split_sentences(document, join_broken=False)
    return [s.text for s in sentences if len(s.text.split()) >= 3]


def excluded_files(data: Path) -> set[str]:
    excluded = set()
    for line in (data / "eval" / "HELDOUT.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            excluded.add(line.strip())
    for line in (data / "eval" / "dev" / "gold.jsonl").read_text().splitlines():
        excluded.add(json.loads(line)["file"])
    return excluded


def rows_for(doc: str, source: str, sentences: list[str]) -> list[dict[str, str]]:
    rows = []
    for index, text in enumerate(sentences):
        rows.append(
            {
                "doc": doc,
                "source": source,
                "text": text,
                "prev": sentences[index - 1] if index else "",
            }
        )
    return rows


def government_rows(
    data: Path, excluded: set[str], rng: random.Random
) -> list[dict[str, str]]:
    rows = []
    for path in sorted((data / "corpus").rglob("*.txt")):
        relative = path.relative_to(data).as_posix()
        if relative in excluded or relative.startswith("corpus/aims_statements/"):
            continue
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        url = re.search(r"https?://\S+", header)
        source = url.group(0).rstrip(",;|") if url else relative
        sentences = sentences_of(corpus_text(path))
        if "/dol_ilab_findings" in relative:
            sentences = dol_sentences(sentences, rng)
        rows += rows_for(relative, source, sentences)
    return rows


def dol_sentences(sentences: list[str], rng: random.Random) -> list[str]:
    """A DOL summary whole, without its goods table, and a sample of its actions.

    The suggested actions (recommendations: hard negatives) are long and alike
    from one country to the next; a few per country keep their variety.
    """
    prose = [s for s in sentences if "CL=" not in s and not s.startswith("- [")]
    actions = [s for s in sentences if s.startswith("- [")]
    kept = set(rng.sample(range(len(actions)), min(_DOL_ACTIONS, len(actions))))
    return prose + [a for i, a in enumerate(actions) if i in kept]


def aims_rows(
    data: Path, excluded: set[str], rng: random.Random, per_statement: int
) -> list[dict[str, str]]:
    excluded_ids = {
        Path(p).stem.removeprefix("statement_")
        for p in excluded
        if p.startswith("corpus/aims_statements/")
    }
    by_statement: dict[str, list[dict[str, str]]] = {}
    with (data / "labelled/aims_au_distill/test.csv").open(encoding="utf-8") as f:
        for record in csv.DictReader(f):
            if record["statement_id"] in excluded_ids:
                continue
            by_statement.setdefault(record["statement_id"], []).append(record)
    rows = []
    for statement, records in sorted(by_statement.items()):
        texts = [r["sentence"].strip() for r in records]
        about_risk = [
            i
            for i, r in enumerate(records)
            if "1"
            in (
                r["C3 (risk description)"],
                r["C4 (risk mitigation)"],
                r["C4 (remediation)"],
            )
            or _LABOUR_WORDS.search(r["sentence"])
        ]
        chosen = sorted(rng.sample(about_risk, min(per_statement, len(about_risk))))
        doc = f"aims-au:statement_{statement}"
        for i in chosen:
            if len(texts[i].split()) < 3:
                continue
            rows.append(
                {
                    "doc": doc,
                    "source": "https://github.com/mila-ai4h/ai4h_aims-au (AIMSDistill/test.csv)",
                    "text": texts[i],
                    "prev": texts[i - 1] if i else "",
                }
            )
    return rows


def wikirate_rows(
    data: Path, rng: random.Random, per_statement: int
) -> list[dict[str, str]]:
    rows = []
    path = (
        data
        / "labelled/project_aims_wikirate/GT_MSA_Training_NewDataLabels_WithText.csv"
    )
    seen: set[str] = set()
    with path.open(encoding="utf-8") as f:
        for record in csv.DictReader(f):
            text = record["Text"]
            if not text or text[:2000] in seen:
                continue
            seen.add(text[:2000])
            # Statements are PDF text: lines wrapped mid-sentence.
            flat = re.sub(r"(?<![.:;!?])\n(?!\n)", " ", text[:60_000])
            sentences = [s for s in sentences_of(flat) if len(s) < 600]
            about = [i for i, s in enumerate(sentences) if _LABOUR_WORDS.search(s)]
            chosen = sorted(rng.sample(about, min(per_statement, len(about))))
            for i in chosen:
                rows.append(
                    {
                        "doc": f"wikirate:{record['Answer ID']}",
                        "source": record["Original Source"] or record["Answer Page"],
                        "text": sentences[i],
                        "prev": sentences[i - 1] if i else "",
                    }
                )
    return rows


def source_rows(folder: Path) -> list[dict[str, str]]:
    """Sentences of the texts gathered in ``training/sources`` (one file a document).

    Ids are the file's name and the sentence's number, so adding files later
    keeps every annotated id valid.
    """
    rows = []
    for path in sorted(folder.glob("*.txt")):
        header = dict(
            line[2:].split(": ", 1)
            for line in path.read_text(encoding="utf-8").split("\n")
            if line.startswith("# ") and ": " in line
        )
        sentences = sentences_of(corpus_text(path))
        for row_number, row in enumerate(
            rows_for(f"sources/{path.stem}", header.get("SOURCE", ""), sentences), 1
        ):
            rows.append({"id": f"x-{path.stem}-{row_number:03d}", **row})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("training/pool.jsonl"))
    parser.add_argument("--aims-per-statement", type=int, default=14)
    parser.add_argument("--wikirate-per-statement", type=int, default=4)
    parser.add_argument("--sources", type=Path, default=Path("training/sources"))
    args = parser.parse_args()
    leaks = new_leaks(args.sources.glob("*.txt"), args.data, KNOWN_OVERLAPS)
    if leaks:
        # Before anything is written: the pools on disk stay as they were.
        raise SystemExit(f"Error: {leaks[0].message()}")
    extra = source_rows(args.sources)
    extra_out = args.out.with_name("pool-sources.jsonl")
    with extra_out.open("w", encoding="utf-8") as out:
        for row in extra:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(
        f"{len(extra)} sentences from {len({r['doc'] for r in extra})} gathered documents -> {extra_out}"
    )
    rng = random.Random(20261127)
    excluded = excluded_files(args.data)
    rows = government_rows(args.data, excluded, rng)
    rows += aims_rows(args.data, excluded, rng, args.aims_per_statement)
    rows += wikirate_rows(args.data, rng, args.wikirate_per_statement)
    with args.out.open("w", encoding="utf-8") as out:
        for number, row in enumerate(rows, 1):
            out.write(
                json.dumps({"id": f"s{number:05d}", **row}, ensure_ascii=False) + "\n"
            )
    documents = {row["doc"] for row in rows}
    print(f"{len(rows)} sentences from {len(documents)} documents -> {args.out}")


if __name__ == "__main__":
    main()
