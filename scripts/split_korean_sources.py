"""Split the real Korean training texts into sentences, as laborwatch reads them.

    python scripts/split_korean_sources.py > sentences.jsonl   # rows to annotate
    python scripts/split_korean_sources.py --check              # labels.jsonl matches the split

Texts: ``training/korean/sources/<id>.txt`` (four header lines: SOURCE, TITLE, DATE,
LICENCE; a blank line; the Korean excerpt). Sentences are split by
``laborwatch.extract.korean.split_korean_sentences`` (kiwipiepy), the splitter the
pipeline uses on Korean documents, so a training sentence is a sentence the
multilingual head will be shown. Each row has the fields of
``training/indicator_corpus.jsonl`` less the labels: ``id`` (``<text id>:<n>``,
from 1), ``doc``, ``source`` (the URL), ``text`` and ``prev``. The labels, added by
hand to the guideline, live in ``training/korean/labels.jsonl``; ``--check`` fails
when a text changed under them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from laborwatch.documents import Document  # noqa: E402
from laborwatch.extract.korean import split_korean_sentences  # noqa: E402

KOREAN = ROOT / "training" / "korean"
SOURCES = KOREAN / "sources"
HEADER_FIELDS = ("SOURCE", "TITLE", "DATE", "LICENCE")


def read_source(path: Path) -> tuple[dict[str, str], str]:
    """The header fields and the text of one source file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header: dict[str, str] = {}
    for number, line in enumerate(lines[: len(HEADER_FIELDS)], 1):
        key, _, value = line.removeprefix("# ").partition(": ")
        if not line.startswith("# ") or key != HEADER_FIELDS[number - 1]:
            raise SystemExit(
                f"{path}:{number}: expected '# {HEADER_FIELDS[number - 1]}: …'"
            )
        header[key] = value.strip()
    return header, "\n".join(lines[len(HEADER_FIELDS) :]).strip() + "\n"


def sentences() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for path in sorted(SOURCES.glob("*.txt")):
        header, text = read_source(path)
        document = Document.create(text, source=str(path), media_type="text/plain")
        previous = ""
        for number, sentence in enumerate(split_korean_sentences(document), 1):
            rows.append(
                {
                    "id": f"{path.stem}:{number}",
                    "doc": f"korean/{path.stem}",
                    "source": header["SOURCE"],
                    "text": sentence.text,
                    "prev": previous,
                }
            )
            previous = sentence.text
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    rows = sentences()
    if args.check:
        labels = [
            json.loads(line)
            for line in (KOREAN / "labels.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()
            if line
        ]
        split = {(r["id"], r["text"]) for r in rows}
        labelled = {(r["id"], r["text"]) for r in labels}
        if split != labelled:
            missing = sorted(split - labelled)[:5]
            extra = sorted(labelled - split)[:5]
            raise SystemExit(
                f"labels.jsonl does not match the split: missing {missing}, stale {extra}"
            )
        print(f"labels.jsonl matches the split: {len(rows)} sentences")
        return
    for row in rows:
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()
