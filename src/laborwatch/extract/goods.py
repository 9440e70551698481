"""Goods and sectors, named as on the US Department of Labor list, with HS codes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from laborwatch.extract.evidence import Good, Span
from laborwatch.extract.vocabulary import goods_taxonomy

# "A kilogram of rice" measures a wage, it does not name a good made by the workers.
_MEASURE = re.compile(r"(?:kilograms?|kilos?|kg|price|cost|bags?|bowls?) of\s*$", re.I)


def find_goods(doc: Any, locate: Callable[[int], int]) -> list[Good]:
    """Every taxonomy good or sector named in the parsed document, in text order."""
    taxonomy = goods_taxonomy()
    text = doc.text
    return [
        Good(
            text=span.text,
            good=entry.good,
            hs=entry.hs,
            sector=entry.sector,
            span=Span(span.start_char, span.end_char, locate(span.start_char)),
        )
        for span in doc.spans["goods"]
        for entry in (taxonomy[int(span.kb_id_)],)
        if not _MEASURE.search(text[max(span.start_char - 20, 0) : span.start_char])
    ]
