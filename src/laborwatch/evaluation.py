"""Score extraction against gold annotations (the format of shared/data/eval).

Indicators are scored per document and per sentence (a predicted sentence matches a
gold one when their spans overlap by at least half the shorter); places, goods,
money, actors and dates as sets per document; victims by their text, one to one.
See docs/evaluation.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from laborwatch.documents import Document, normalise_text
from laborwatch.errors import LaborwatchError
from laborwatch.extract.evidence import Evidence, Money
from laborwatch.extract.indicators import CODES
from laborwatch.extract.pipeline import analyze
from laborwatch.ingest.language import detect_language
from laborwatch.inputs import json_line, read_text

_P = TypeVar("_P")
_G = TypeVar("_G")


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, predicted: set[Any], gold: set[Any]) -> None:
        self.true_positives += len(predicted & gold)
        self.false_positives += len(predicted - gold)
        self.false_negatives += len(gold - predicted)

    def match_one_to_one(
        self,
        predicted: Sequence[_P],
        gold: Sequence[_G],
        matches: Callable[[_P, _G], bool],
    ) -> None:
        """Count each prediction, in order, against the first gold item it
        ``matches`` that no earlier prediction took."""
        taken: set[int] = set()
        for item in predicted:
            match = next(
                (
                    i
                    for i, wanted in enumerate(gold)
                    if i not in taken and matches(item, wanted)
                ),
                None,
            )
            if match is None:
                self.false_positives += 1
            else:
                taken.add(match)
                self.true_positives += 1
        self.false_negatives += len(gold) - len(taken)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def occurs(self) -> bool:
        return bool(self.true_positives + self.false_positives + self.false_negatives)

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
        }


@dataclass
class Report:
    documents: int = 0
    doc_codes: dict[str, Counts] = field(
        default_factory=lambda: {c: Counts() for c in CODES}
    )
    sentence_codes: dict[str, Counts] = field(
        default_factory=lambda: {c: Counts() for c in CODES}
    )
    facts: dict[str, Counts] = field(
        default_factory=lambda: {
            k: Counts()
            for k in ("places", "goods", "money", "actors", "victims", "dates")
        }
    )
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def macro(counts: dict[str, Counts]) -> float:
            occurring = [c.f1 for c in counts.values() if c.occurs]
            return round(sum(occurring) / len(occurring), 4) if occurring else 0.0

        def micro(counts: dict[str, Counts]) -> Counts:
            total = Counts()
            for c in counts.values():
                total.true_positives += c.true_positives
                total.false_positives += c.false_positives
                total.false_negatives += c.false_negatives
            return total

        return {
            "documents": self.documents,
            "indicators": {
                "doc_macro_f1": macro(self.doc_codes),
                "doc_micro_f1": round(micro(self.doc_codes).f1, 4),
                "sentence_macro_f1": macro(self.sentence_codes),
                "sentence_micro_f1": round(micro(self.sentence_codes).f1, 4),
                "per_code": {
                    code: {
                        "document": self.doc_codes[code].as_dict(),
                        "sentence": self.sentence_codes[code].as_dict(),
                    }
                    for code in CODES
                    if self.doc_codes[code].occurs or self.sentence_codes[code].occurs
                },
            },
            **{kind: counts.as_dict() for kind, counts in self.facts.items()},
            "errors": self.errors,
        }


def read_gold(path: Path) -> Iterator[dict[str, Any]]:
    lines = read_text(path).splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        record = json_line(line, f"{path}:{number}")
        if not isinstance(record, dict) or "file" not in record:
            raise LaborwatchError(f"{path}:{number}: a gold record needs a 'file'")
        yield record


def gold_document(record: dict[str, Any], data_root: Path) -> Document:
    """The document as the gold format defines it: the file less its "# " headers."""
    path = data_root / record["file"]
    lines = read_text(path).split("\n")
    published = record.get("published")
    while lines and lines[0].startswith("# "):
        header = re.fullmatch(r"# DATE: ?(\d{4}(?:-\d{2}){0,2})\s*", lines.pop(0))
        if header and not published:
            published = header.group(1)
    text = "\n".join(lines)
    return Document.create(
        text,
        source=str(path),
        media_type="text/plain",
        language=detect_language(text) or "en",
        # Partial dates ("February 3") take their year from it.
        published=published if isinstance(published, str) else None,
    )


def evaluate(
    gold_path: Path,
    data_root: Path,
    *,
    on_document: Callable[[str], None] | None = None,
) -> Report:
    report = Report()
    for record in read_gold(gold_path):
        document = gold_document(record, data_root)
        evidence = analyze(document)
        report.documents += 1
        _score(report, record, document, evidence)
        if on_document:
            on_document(record.get("id", record["file"]))
    return report


def _score(
    report: Report, record: dict[str, Any], document: Document, evidence: Evidence
) -> None:
    predicted_codes = evidence.codes()
    gold_codes = set(record.get("indicators", []))
    for code in CODES:
        report.doc_codes[code].add({code} & predicted_codes, {code} & gold_codes)
    for code in sorted(predicted_codes ^ gold_codes):
        report.errors.append(
            {
                "id": record.get("id"),
                "code": code,
                "error": "missed" if code in gold_codes else "spurious",
            }
        )

    gold_spans = []
    for sentence in record.get("sentences", []):
        text = normalise_text(sentence["text"])
        start = document.text.find(text)
        if start >= 0:
            gold_spans.append((start, start + len(text), set(sentence["indicators"])))
    sentence_span = {s.position: (s.start, s.end) for s in evidence.sentences}
    predicted_spans: dict[int, set[str]] = {}
    for indicator in evidence.indicators:
        predicted_spans.setdefault(indicator.span.sentence, set()).add(indicator.code)
    for code in CODES:
        predicted = [
            sentence_span[p] for p, codes in predicted_spans.items() if code in codes
        ]
        gold = [(start, end) for start, end, codes in gold_spans if code in codes]
        report.sentence_codes[code].match_one_to_one(
            predicted, gold, lambda p, g: _overlaps(*p, *g)
        )

    report.facts["places"].add(
        {(p.country, p.subdivision) for p in evidence.places},
        {(p["country"], p.get("subdivision")) for p in record.get("places", [])},
    )
    # NFC on both sides: the DOL list (and gold copied from it) writes "açaí"
    # decomposed, the taxonomy composed.
    report.facts["goods"].add(
        {_good_key(g.good) for g in evidence.goods},
        {_good_key(g["good"]) for g in record.get("goods", [])},
    )
    report.facts["money"].add(
        {
            value
            for money in evidence.money
            if not money.conversion
            for value in _money_values(money)
        },
        {
            (float(value), m.get("currency"))
            for m in record.get("money", [])
            for value in (m["amount"], m.get("amount_max"))
            if value is not None
        },
    )
    report.facts["actors"].add(
        {_actor_key(a.name) for a in evidence.actors},
        {_actor_key(a["name"]) for a in record.get("actors", [])},
    )
    if "victims" in record:
        _score_victims(
            report.facts["victims"],
            [victim.text for victim in evidence.victims],
            [v["text"] for v in record["victims"]],
        )
    if "dates" in record:
        report.facts["dates"].add(
            {end for d in evidence.dates for end in _date_values(d.value)},
            {end for d in record["dates"] for end in _date_values(d.get("value"))},
        )


def _date_values(value: str | None) -> set[str]:
    """A range ("2019/2021") counts as its two ends, as the gold writes two dates."""
    return set(value.split("/")) if value else set()


def _money_values(money: Money) -> list[tuple[float, str | None]]:
    """A range counts as its two ends, as the gold writes a range as two entries."""
    values = [(float(money.amount), money.currency)]
    if money.amount_max is not None:
        values.append((float(money.amount_max), money.currency))
    return values


def _score_victims(counts: Counts, predicted: list[str], gold: list[str]) -> None:
    """A predicted victim matches a gold one when either text holds the other
    (case-insensitive); each gold victim matches at most one prediction.

    Victims are a set per document, as the other facts are: a group named five
    times is one prediction; the most specific (longest) are matched first, so
    "workers" does not take the gold "North Korean workers sent to Russia" from
    "North Korean workers".
    """
    distinct = sorted({" ".join(text.lower().split()) for text in predicted}, key=len)
    counts.match_one_to_one(
        list(reversed(distinct)),
        [" ".join(text.lower().split()) for text in gold],
        lambda text, wanted: text in wanted or wanted in text,
    )


def _good_key(name: str) -> str:
    return unicodedata.normalize("NFC", name).lower()


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    overlap = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    return shorter > 0 and overlap >= shorter / 2


def _actor_key(name: str) -> str:
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name
