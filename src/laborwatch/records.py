"""JSON-ready dicts of stored data: the shapes ``--json`` prints (docs/cli.md).

These shapes are an interface others script against: add keys, never rename or
remove them.
"""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from typing import Any

from laborwatch.documents import Document, Sentence
from laborwatch.extract.evidence import Evidence, Span, fact_fields, fact_identity
from laborwatch.extract.indicators import CODES
from laborwatch.pipeline import OUTCOMES, IngestEvent, IngestSummary
from laborwatch.store import DocumentSummary, SearchHit, SourceRecord, StoredDocument
from laborwatch.store.editions import Edition
from laborwatch.store.feeds import Feed
from laborwatch.store.lists import ListLoad, ListSummary
from laborwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START


def timestamp(value: datetime) -> str:
    return value.isoformat()


def iso(value: date | None) -> str | None:
    """A date or a time (a ``datetime`` is a ``date``) in ISO 8601; None for none."""
    return value.isoformat() if value else None


def _attributes(value: object, *names: str) -> dict[str, Any]:
    """``value``'s attributes under their own names, in the order given. Named
    rather than taken from the dataclass, so that a field added to a class stays
    out of a record's shape until it is added here."""
    return {name: getattr(value, name) for name in names}


def summary_record(summary: DocumentSummary) -> dict[str, Any]:
    return {
        **_attributes(
            summary, "id", "title", "published", "site", "language", "media_type"
        ),
        "chars": summary.char_count,
        "sentences": summary.sentence_count,
        "source": summary.source,
        "ingested_at": timestamp(summary.ingested_at),
    }


def sentence_record(sentence: Sentence) -> dict[str, Any]:
    return _attributes(sentence, "position", "start", "end", "page", "text")


def source_record(source: SourceRecord) -> dict[str, Any]:
    return {
        **_attributes(source, "location", "content_id", "relation", "similarity"),
        "seen_at": timestamp(source.seen_at),
    }


def document_record(stored: StoredDocument) -> dict[str, Any]:
    document = stored.document
    return {
        **_attributes(
            document,
            "id",
            "title",
            "author",
            "published",
            "url",
            "site",
            "language",
            "media_type",
        ),
        "ingested_at": timestamp(stored.ingested_at),
        "page_starts": list(document.pages),
        "text": document.text,
        "sentences": [sentence_record(sentence) for sentence in stored.sentences],
        "sources": [source_record(source) for source in stored.sources],
    }


def hit_record(hit: SearchHit) -> dict[str, Any]:
    """A search hit; ``highlights`` are [start, end) match ranges in ``snippet``."""
    snippet, highlights = split_highlights(hit.snippet)
    record: dict[str, Any] = {
        "document_id": hit.document_id,
        "title": hit.title,
        "score": round(hit.score, 6),
        "snippet": snippet,
        "highlights": highlights,
        "published": hit.published,
        "site": hit.site,
    }
    if hit.sentence_position is not None:
        record.update(
            sentence_position=hit.sentence_position,
            start=hit.start,
            end=hit.end,
            page=hit.page,
        )
    return record


def described_hit_record(hit: SearchHit) -> dict[str, Any]:
    """A hit as ``hit_record`` has it, with ``country`` (the one its document
    mentions most), ``countries``, ``indicators`` and, for a sentence, ``text``."""
    record = hit_record(hit)
    record.update(
        country=hit.countries[0] if hit.countries else None,
        countries=list(hit.countries),
        indicators=list(hit.indicators),
    )
    if hit.sentence_position is not None:
        record["text"] = record["snippet"]
    return record


def split_highlights(marked: str) -> tuple[str, list[list[int]]]:
    """Plain text and the [start, end) ranges that the search marked in it."""
    plain: list[str] = []
    ranges: list[list[int]] = []
    length = 0
    start = 0
    for character in marked:
        if character == HIGHLIGHT_START:
            start = length
        elif character == HIGHLIGHT_END:
            ranges.append([start, length])
        else:
            plain.append(character)
            length += 1
    return "".join(plain), ranges


def event_record(event: IngestEvent) -> dict[str, Any]:
    return _attributes(event, "location", "outcome", "document_id", "title", "detail")


def ingest_record(summary: IngestSummary) -> dict[str, Any]:
    return {
        "summary": {outcome: summary.counts[outcome] for outcome in OUTCOMES},
        "events": [event_record(event) for event in summary.events],
    }


def list_record(summary: ListSummary) -> dict[str, Any]:
    return {
        **_attributes(summary, "id", "title", "format", "publisher"),
        "published": iso(summary.published),
        "loaded_at": summary.loaded_at.isoformat(),
        "checksum": summary.checksum,
        "sources": summary.sources,
        "entries": summary.entry_count,
    }


def load_record(load: ListLoad) -> dict[str, Any]:
    """A list as ``lists load`` and ``lists update`` stored it: ``list_record``
    plus the edition recorded (null and ``unchanged`` when its files were those
    of the stored edition)."""
    return {
        **list_record(load.summary),
        "unchanged": load.unchanged,
        "edition": edition_record(load.edition) if load.edition else None,
    }


def edition_record(edition: Edition) -> dict[str, Any]:
    return {
        "list": edition.list_id,
        "number": edition.number,
        "title": edition.title,
        "published": iso(edition.published),
        "loaded_at": edition.loaded_at.isoformat(),
        "checksum": edition.checksum,
        "entries": edition.entry_count,
        **_attributes(edition, "added", "removed", "baseline"),
    }


def feed_record(feed: Feed) -> dict[str, Any]:
    return {
        **_attributes(feed, "id", "url", "name"),
        "added_at": iso(feed.added_at),
        "last_polled_at": iso(feed.last_polled_at),
        **_attributes(feed, "last_status", "last_error"),
    }


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end, "sentence": span.sentence}


FACT_KINDS = (
    "actors",
    "places",
    "goods",
    "money",
    "victims",
    "dates",
    "sources",
    "denials",
)


def fact_record(fact: Any) -> dict[str, Any]:
    """A fact's fields, then its span (``start``, ``end``, ``sentence``)."""
    return {**fact_fields(fact), **_span(fact.span)}


def distinct_fact_records(
    kind: str, facts: list[Any], evidence_sentences: set[int]
) -> list[dict[str, Any]]:
    """Each distinct fact of a kind (``fact_identity``) once, in order of its first
    mention: the first mention's fields and span, ``count``, ``in_evidence`` (a
    mention sits in a sentence that carries an indicator) and ``mentions`` (every
    ``text``, ``start``, ``end`` and ``sentence``)."""
    grouped: dict[str, dict[str, Any]] = {}
    for fact in facts:
        fields = fact_fields(fact)
        record = grouped.setdefault(
            fact_identity(kind, fields),
            {**fact_record(fact), "count": 0, "in_evidence": False, "mentions": []},
        )
        # An actor is one actor whatever part each sentence gives it.
        if fields.get("role") and not record.get("role"):
            record["role"] = fields["role"]
        mention = {"text": fields["text"]} if "text" in fields else {}
        record["mentions"].append({**mention, **_span(fact.span)})
        record["count"] += 1
        record["in_evidence"] |= fact.span.sentence in evidence_sentences
    return list(grouped.values())


def evidence_record(
    evidence: Evidence, document: Document | None = None
) -> dict[str, Any]:
    """The ``analyze --json`` shape: sentences with their indicators, then the facts.

    Each distinct fact comes once, with ``count`` and every mention's span; its
    ``text``, ``start``/``end`` (offsets into the document text) and ``sentence``
    (the position of its sentence) are those of its first mention.
    """
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for indicator in evidence.indicators:
        by_sentence.setdefault(indicator.span.sentence, []).append(
            {
                **_attributes(indicator, "code", "cue"),
                "cue_start": indicator.span.start,
                "cue_end": indicator.span.end,
                **_attributes(indicator, "confidence", "model_confidence", "rule"),
            }
        )
    evidence_sentences = set(by_sentence)
    record: dict[str, Any] = {
        **_attributes(
            evidence,
            "document_id",
            "extractor_version",
            "language",
            "analysed",
            "note",
        ),
        "indicators": sorted(evidence.codes(), key=CODES.index),
        "sentences": [
            {
                **sentence_record(sentence),
                "indicators": by_sentence.get(sentence.position, []),
            }
            for sentence in evidence.sentences
        ],
        **{
            kind: distinct_fact_records(
                kind,
                getattr(evidence, kind),
                evidence_sentences,
            )
            for kind in FACT_KINDS
        },
        "incidents": [
            {key: list(value) for key, value in dataclasses.asdict(incident).items()}
            for incident in evidence.incidents
        ],
    }
    if document is not None:
        record["title"] = document.title
        record["source"] = document.source
    return record


def stored_evidence_record(
    stored: StoredDocument, evidence: Evidence
) -> dict[str, Any]:
    """``docs show --json``: the ``analyze --json`` shape of the stored evidence,
    with the document's stored fields beside it; where the document was read
    from is ``locations`` (``sources`` are the cited sources, as in analyze)."""
    document = {
        key: value
        for key, value in document_record(stored).items()
        if key not in ("sentences", "sources")
    }
    return {
        **document,
        **evidence_record(evidence, stored.document),
        "locations": [source_record(source) for source in stored.sources],
    }
