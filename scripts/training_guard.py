"""Keep evaluation documents out of the training sources.

A gathered text must not be a development document (the same report under another
URL, or a later edition that repeats it) nor a held-out one: training on either
inflates the figures docs/evaluation.md reports. Development documents are read to
compare 8-word shingles (not URLs: a country page's URL serves each year's edition); held-out documents are never opened, only their names in
``eval/HELDOUT.txt`` are compared.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SHINGLE_WORDS = 8
# Share of a source's shingles found in one development document above which the
# source counts as that document (or a near copy of it).
MAX_OVERLAP = 0.10
# Report series repeat template text from one country to the next ("the government
# demonstrated overall increasing efforts compared with the previous reporting
# period"); a shingle in this many gathered sources, or in two development
# documents, is template, not one document's content.
TEMPLATE_SOURCES = 10
TEMPLATE_DEVELOPMENT = 2

_WORD = re.compile(r"\w+")
_URL = re.compile(r"https?://[^\s|]+")

Shingle = tuple[str, ...]


@dataclass(frozen=True)
class Leak:
    source: Path
    evaluation_file: str  # relative to the data folder
    reason: str

    def message(self) -> str:
        return f"{self.source}: {self.reason} {self.evaluation_file}"


def body_text(path: Path) -> str:
    """A corpus or source file's text after its ``# `` header lines."""
    lines = path.read_text(encoding="utf-8").split("\n")
    while lines and lines[0].startswith("# "):
        lines.pop(0)
    return "\n".join(lines)


def source_url(path: Path) -> str:
    """The URL in a file's ``# `` header, or ``""``."""
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.startswith("# "):
            break
        url = _URL.search(line)
        if url:
            return url.group(0).rstrip(",;")
    return ""


def shingles(text: str) -> set[Shingle]:
    """Lower-cased 8-word runs; words only, so quote and dash styles do not matter."""
    words = _WORD.findall(text.lower())
    return {
        tuple(words[i : i + SHINGLE_WORDS])
        for i in range(len(words) - SHINGLE_WORDS + 1)
    }


def development_files(data: Path) -> list[str]:
    gold = data / "eval" / "dev" / "gold.jsonl"
    return [json.loads(line)["file"] for line in gold.read_text().splitlines() if line]


def heldout_entries(data: Path) -> list[str]:
    """The file names and URLs listed in HELDOUT.txt (the texts are never opened)."""
    lines = (data / "eval" / "HELDOUT.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def find_leaks(sources: Iterable[Path], data: Path) -> list[Leak]:
    """Every source that is held out or overlaps a development document too much."""
    sources = sorted(sources)
    heldout = heldout_entries(data)
    development = {name: data / name for name in development_files(data)}
    development_shingles = {
        name: shingles(body_text(path)) for name, path in development.items()
    }
    source_shingles = {path: shingles(body_text(path)) for path in sources}
    template = _template(development_shingles.values(), TEMPLATE_DEVELOPMENT)
    template |= _template(source_shingles.values(), TEMPLATE_SOURCES)
    leaks = []
    for path in sources:
        url = source_url(path)
        listed = next(
            (e for e in heldout if e in (url, path.name) or Path(e).name == path.name),
            None,
        )
        if listed is not None:
            leaks.append(
                Leak(path, listed, "is listed as held out in eval/HELDOUT.txt:")
            )
            continue
        own = source_shingles[path]
        for name, theirs in development_shingles.items():
            shared = len((own & theirs) - template)
            if own and shared / len(own) > MAX_OVERLAP:
                share = f"{shared} of its {len(own)} 8-word shingles"
                leaks.append(
                    Leak(
                        path,
                        name,
                        f"shares {share} (limit 10%) with development document",
                    )
                )
                break
    return leaks


def _template(documents: Iterable[set[Shingle]], at_least: int) -> set[Shingle]:
    counts: Counter[Shingle] = Counter()
    for document in documents:
        counts.update(document)
    return {shingle for shingle, n in counts.items() if n >= at_least}


def known_overlaps(path: Path) -> set[tuple[str, str]]:
    """(source file name, development file) pairs recorded in ``path``: sources that
    were annotated and trained on before this guard existed (see its header)."""
    if not path.exists():
        return set()
    pairs = set()
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        if line and not line.startswith(("#", "source\t")):
            source, development = line.split("\t")
            pairs.add((Path(source).name, development))
    return pairs


def new_leaks(sources: Iterable[Path], data: Path, known: Path) -> list[Leak]:
    """The leaks not recorded in ``known``."""
    recorded = known_overlaps(known)
    return [
        leak
        for leak in find_leaks(sources, data)
        if (leak.source.name, leak.evaluation_file) not in recorded
    ]
