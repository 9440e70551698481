"""Incidents: a document's facts rolled up into what the report says happened."""

from __future__ import annotations

from laborwatch.extract.evidence import Evidence, Incident


def roll_up_incidents(evidence: Evidence) -> list[Incident]:
    """One incident per document that reports any indicator, linked to the
    sentences that carry them. Several documents about the same actors, places
    and goods corroborate each other at query time."""
    if not evidence.indicators:
        return []

    def unique(values: list[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(value for value in values if value))

    return [
        Incident(
            indicators=unique([i.code for i in evidence.indicators]),
            actors=unique([a.name for a in evidence.actors]),
            victims=unique([v.text for v in evidence.victims]),
            countries=unique([p.country for p in evidence.places]),
            subdivisions=unique([p.subdivision or "" for p in evidence.places]),
            goods=unique([g.good for g in evidence.goods]),
            dates=unique([d.value or "" for d in evidence.dates]),
            sentences=tuple(sorted({i.span.sentence for i in evidence.indicators})),
        )
    ]
