"""The sentences a pack quotes from a report: its strongest evidence, with its source.

A report's sentences that carry indicators are ranked: those naming the supplier
first (for a report that names it), then those naming the supplier's good and
country, then by the classifier's confidence, highest first; ties go to the earlier
sentence. Each quote carries the report's title, publication date and URL, so a
quote read alone still says where it comes from.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select

from laborwatch.store import Database
from laborwatch.store.tables import documents, facts, indicators, sentences

QUOTES_PER_REPORT = 3


def read_quotes(
    database: Database,
    document_id: str,
    *,
    actor: str | None = None,
    goods: tuple[str, ...] = (),
    country: str | None = None,
) -> tuple[dict[str, Any], ...]:
    """Up to three of the report's sentences that carry indicators, strongest first
    (see the module), with their spans, codes, confidence and the report's source."""
    with database.reading() as connection:
        confidence: dict[int, float] = {}
        codes: dict[int, list[str]] = defaultdict(list)
        for position, code, value in connection.execute(
            select(
                indicators.c.sentence_position,
                indicators.c.code,
                indicators.c.confidence,
            )
            .where(indicators.c.document_id == document_id)
            .order_by(indicators.c.id)
        ):
            codes[position].append(code)
            confidence[position] = max(value, confidence.get(position, 0.0))
        # What each sentence with indicators names: the actor, goods, countries.
        named: dict[int, set[tuple[str, str]]] = defaultdict(set)
        for position, kind, key in connection.execute(
            select(facts.c.sentence_position, facts.c.kind, facts.c.key).where(
                facts.c.document_id == document_id,
                facts.c.kind.in_(("actor", "good", "place")),
                facts.c.sentence_position.in_(list(codes)),
            )
        ):
            if key:
                named[position].add((kind, _fact_key(kind, key)))
        source = connection.execute(
            select(documents.c.title, documents.c.published, documents.c.url).where(
                documents.c.id == document_id
            )
        ).first()

        def rank(position: int) -> tuple[int, int, float, int]:
            said = named[position]
            about = sum(
                (
                    any(("good", good) in said for good in goods),
                    bool(country) and ("place", country) in said,
                )
            )
            names = bool(actor) and ("actor", _fact_key("actor", actor or "")) in said
            return (-names, -about, -confidence[position], position)

        positions = sorted(codes, key=rank)[:QUOTES_PER_REPORT]
        rows = connection.execute(
            select(
                sentences.c.position,
                sentences.c.start,
                sentences.c.end,
                sentences.c.text,
            ).where(
                sentences.c.document_id == document_id,
                sentences.c.position.in_(positions),
            )
        ).all()
    by_position = {row.position: row for row in rows}
    return tuple(
        {
            "sentence": position,
            "start": by_position[position].start,
            "end": by_position[position].end,
            "text": by_position[position].text,
            "indicators": codes[position],
            "confidence": confidence[position],
            "document": document_id,
            "title": source.title if source else None,
            "published": source.published if source else None,
            "url": source.url if source else None,
        }
        for position in positions
        if position in by_position
    )


def _fact_key(kind: str, key: str) -> str:
    """A fact's key as compared: a place's country ("KP-02" → "KP"), an actor's
    name without case or runs of spaces (as the evidence matcher indexes it)."""
    if kind == "place":
        return key[:2]
    if kind == "actor":
        return " ".join(key.split()).lower()
    return key
