"""The sentences a pack quotes from a report: its strongest evidence, with its source.

A report's sentences that carry indicators are ranked: those naming the supplier
first (for a report that names it), then those naming the supplier's good and
country, then by the classifier's confidence, highest first; ties go to the earlier
sentence. Each quote carries the report's title, publication date and URL, so a
quote read alone still says where it comes from.

``read_reports`` reads every report's candidate sentences once, when a run builds
its context; ``quotes_for`` ranks them for a row without touching the database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection, and_, select

from laborwatch.screen.findings import Quote, ReportRef
from laborwatch.store.tables import documents, indicators, sentences

QUOTES_PER_REPORT = 3

# A fact as read for quoting: (document, sentence position, kind, key).
FactRow = tuple[str, int, str, str | None]


class QuoteSentence(NamedTuple):
    """A sentence that carries indicators, and what it names (a named tuple: a
    context holds one per such sentence in the database, built in a tight loop)."""

    position: int
    start: int
    end: int
    text: str
    codes: tuple[str, ...]
    confidence: float
    # (kind, key) of the actors, goods and countries it names, as compared.
    named: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class Report:
    """A stored report that carries indicators: its source and quotable sentences."""

    summary: ReportRef
    sentences: tuple[QuoteSentence, ...]


def read_reports(
    connection: Connection, fact_rows: Iterable[FactRow]
) -> dict[str, Report]:
    """Every report that carries indicators, by id, with its sentences that do.

    ``fact_rows`` are the actor, good and place facts already read by the caller
    (the context reads them once for its indexes too).
    """
    confidence: dict[tuple[str, int], float] = {}
    codes: dict[tuple[str, int], list[str]] = defaultdict(list)
    for document_id, position, code, value in connection.execute(
        select(
            indicators.c.document_id,
            indicators.c.sentence_position,
            indicators.c.code,
            indicators.c.confidence,
        ).order_by(indicators.c.id)
    ):
        key = (document_id, position)
        codes[key].append(code)
        confidence[key] = max(value, confidence.get(key, 0.0))
    named: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for document_id, position, kind, fact_key in fact_rows:
        if fact_key and (document_id, position) in codes:
            named[(document_id, position)].add((kind, _fact_key(kind, fact_key)))
    carrying = (
        select(indicators.c.document_id, indicators.c.sentence_position)
        .distinct()
        .subquery()
    )
    by_document: dict[str, list[QuoteSentence]] = defaultdict(list)
    for document_id, position, start, end, text in connection.execute(
        select(
            sentences.c.document_id,
            sentences.c.position,
            sentences.c.start,
            sentences.c.end,
            sentences.c.text,
        ).join(
            carrying,
            and_(
                carrying.c.document_id == sentences.c.document_id,
                carrying.c.sentence_position == sentences.c.position,
            ),
        )
    ):
        key = (document_id, position)
        by_document[document_id].append(
            QuoteSentence(
                position,
                start,
                end,
                text,
                tuple(codes[key]),
                confidence[key],
                frozenset(named.get(key, ())),
            )
        )
    summaries = {
        row.id: ReportRef(
            id=row.id,
            title=row.title,
            published=row.published,
            url=row.url,
            site=row.site,
        )
        for row in connection.execute(
            select(
                documents.c.id,
                documents.c.title,
                documents.c.published,
                documents.c.url,
                documents.c.site,
            ).where(documents.c.id.in_(select(carrying.c.document_id)))
        )
    }
    return {
        document_id: Report(
            summary=summary,
            sentences=tuple(
                sorted(by_document.get(document_id, ()), key=lambda s: s.position)
            ),
        )
        for document_id, summary in summaries.items()
    }


def quotes_for(
    report: Report,
    *,
    actor: str | None = None,
    goods: tuple[str, ...] = (),
    country: str | None = None,
) -> list[Quote]:
    """Up to three of the report's sentences that carry indicators, strongest first
    (see the module), with their spans, codes, confidence and the report's source."""
    actor_key = ("actor", _fact_key("actor", actor)) if actor else None

    def rank(sentence: QuoteSentence) -> tuple[int, int, float, int]:
        said = sentence.named
        about = sum(
            (
                any(("good", good) in said for good in goods),
                bool(country) and ("place", country) in said,
            )
        )
        names = actor_key is not None and actor_key in said
        return (-names, -about, -sentence.confidence, sentence.position)

    return [
        _quote(sentence, report.summary)
        for sentence in sorted(report.sentences, key=rank)[:QUOTES_PER_REPORT]
    ]


def _quote(sentence: QuoteSentence, source: ReportRef) -> Quote:
    """The sentence as quoted, with its report's id, title, date and URL."""
    position, start, end, text, codes, confidence, _named = sentence
    return Quote(
        position,
        start,
        end,
        text,
        codes,
        confidence,
        source.id,
        source.title,
        source.published,
        source.url,
    )


def _fact_key(kind: str, key: str) -> str:
    """A fact's key as compared: a place's country ("KP-02" → "KP"), an actor's
    name without case or runs of spaces (as the evidence matcher indexes it)."""
    if kind == "place":
        return key[:2]
    if kind == "actor":
        return " ".join(key.split()).lower()
    return key
