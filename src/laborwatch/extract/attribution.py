"""Who said it: cited sources and denials. Dates are read in ``dates.py``."""

from __future__ import annotations

import re

from laborwatch.documents import Sentence
from laborwatch.extract.dates import find_dates as find_dates
from laborwatch.extract.evidence import CitedSource, Denial, Span
from laborwatch.extract.indicators import is_denial

_SOURCE = re.compile(
    r"(?P<speaker>(?:an?|the|one|two|three|several) (?:\w+ ){0,2}(?:sources?|informants?|residents?|defectors?|witnesses|officials?|researchers?|observers|NGOs?)"
    r"(?: (?:from|in|inside|based in|near) (?:[A-Z][\w'-]+ ?)+)?)"
    r"(?:,[^,]{0,60},)? (?:told|said|says|added|reported|explained)"
    r"(?: (?P<outlet>(?:[A-Z][\w]*\s?){1,4}))?(?: on (?P<date>(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}(?:, \d{4})?))?"
    r"|according to (?P<according>(?:an?|the) (?:\w+ ){0,3}(?:sources?|report|NGO|organi[sz]ation|survey|study|investigation)|(?:[A-Z][\w'-]+ ?){1,5})"
)
_DENIER = re.compile(
    r"\b(?P<by>regime|government|authorities|officials|company|cooperative|agency|owners?|employers?|factory|military|ministry|managers?|supplier)\b",
    re.I,
)


def find_sources(sentence: Sentence) -> list[CitedSource]:
    sources = []
    for match in _SOURCE.finditer(sentence.text):
        speaker = (match.group("speaker") or match.group("according") or "").strip()
        outlet = (match.group("outlet") or "").strip() or None
        if outlet and outlet.split()[0] in ("On", "That", "The", "In"):
            outlet = None
        sources.append(
            CitedSource(
                text=match.group(0).strip(),
                speaker=speaker,
                outlet=outlet,
                date=match.group("date"),
                span=Span(
                    sentence.start + match.start(),
                    sentence.start + match.end(),
                    sentence.position,
                ),
            )
        )
    return sources


def find_denial(sentence: Sentence) -> Denial | None:
    if not is_denial(sentence.text):
        return None
    by = _DENIER.search(sentence.text)
    return Denial(
        text=sentence.text,
        by=by.group("by") if by else None,
        span=Span(sentence.start, sentence.end, sentence.position),
    )
