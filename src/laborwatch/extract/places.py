"""Places: gazetteer names found by the pipeline, resolved to ISO 3166 codes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from laborwatch.extract.evidence import Place, Span
from laborwatch.extract.vocabulary import gazetteer


def find_places(doc: Any, locate: Callable[[int], int]) -> list[Place]:
    """Every gazetteer place in the parsed document, in text order.

    ``locate`` gives the position of the sentence holding a character offset.
    """
    entries = gazetteer()
    return [
        Place(
            text=span.text,
            country=entry.country,
            subdivision=entry.subdivision,
            city=entry.city,
            latitude=entry.latitude,
            longitude=entry.longitude,
            span=Span(span.start_char, span.end_char, locate(span.start_char)),
        )
        for span in doc.spans["places"]
        for entry in (entries[int(span.kb_id_)],)
    ]
