"""Goods and sectors, named as on the US Department of Labor list, with HS codes.

Reads the parsed document's ``goods`` spans and its entities; a good is what the
workers produce or handle, so a taxonomy word inside a name ("X Clothing Ltd",
"Kim Cotton", "the Rice Foundation") is not one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from laborwatch.extract.evidence import Good, Span
from laborwatch.extract.vocabulary import goods_taxonomy

# "A kilogram of rice" measures a wage, it does not name a good made by the workers;
# "meals of rice" feed them, "the size of melons" compares.
_MEASURE = re.compile(
    r"(?:kilograms?|kilos?|kg|price|cost|bags?|bowls?|meals?|size) of\s*$", re.I
)
# What the work uses or what soils the workers, not what it makes: "the kilns use
# coal as fuel", "her eyebrows were covered with sand".
_USED_BEFORE = re.compile(
    r"(?:\b(?:burn(?:s|ed|ing)?|covered (?:with|in)|caked (?:with|in)))\s*$", re.I
)
_USED_AFTER = re.compile(
    r"^\s*(?:as (?:a )?fuel|-fired|-fuelled|-fueled"
    # What holds or hurts the workers: "pepper spray", "iron shackles" ("gold
    # chains" and "fish cages" are made or farmed, so those words stay).
    r"|spray|shackles?)\b",
    re.I,
)
# Entities that are names of someone or somewhere, never of what is made there.
_NAME_LABELS = {"ORG", "PERSON", "FAC"}
# Words that end a company's name: a capitalised run ending in one is a name.
_COMPANY_WORDS = {
    "ltd",
    "limited",
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "llc",
    "plc",
    "group",
    "holdings",
    "industries",
    "industry",
    "enterprise",
    "enterprises",
    "trading",
    "gmbh",
    "ag",
    "sa",
    "jsc",
    "bhd",
    "pte",
    "mills",
    "manufacturing",
    "factory",
    "cooperative",
    "foundation",
    "association",
}
# How far right a name may run past the good before its company word.
_NAME_TOKENS = 6


def find_goods(doc: Any, locate: Callable[[int], int]) -> list[Good]:
    """Every taxonomy good or sector named in the parsed document, in text order,
    less those that are words of a person's or company's name."""
    taxonomy = goods_taxonomy()
    text = doc.text
    names = _name_spans(doc)
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
        if not _not_made(text, span.start_char, span.end_char)
        and not _in_name(span, names)
    ]


def _not_made(text: str, start: int, end: int) -> bool:
    """Whether the words around a good say it measures a wage or is what the work
    uses or soils the workers ("a kilogram of rice", "coal as fuel"), not what is
    made."""
    before = text[max(start - 20, 0) : start]
    return bool(
        _MEASURE.search(before)
        or _USED_BEFORE.search(before)
        or _USED_AFTER.match(text[end : end + 12])
    )


def _name_spans(doc: Any) -> list[tuple[int, int]]:
    return [
        (entity.start, entity.end)
        for entity in doc.ents
        if entity.label_ in _NAME_LABELS
    ]


def _in_name(span: Any, names: list[tuple[int, int]]) -> bool:
    """Whether a good's span is a word of a name: inside an ORG, PERSON or FAC
    entity, or in a capitalised run that ends in a company word. In an all-caps
    line or a headline capitals say nothing, and the model's entities there are
    guesses: only the company word counts."""
    if not span.text[:1].isupper():
        return False
    if ends_in_company_word(span):
        return True
    if _is_caps_or_heading(span):
        return False
    return any(start <= span.start and span.end <= end for start, end in names)


def ends_in_company_word(span: Any) -> bool:
    """Whether a capitalised run from the span ends in a company word within a few
    tokens: "Sunrise Gem Trading Company", "Hotan Textile Co."."""
    doc = span.doc
    for index in range(span.start, min(span.end + _NAME_TOKENS, len(doc))):
        token: str = doc[index].text
        if index >= span.end and token.rstrip(".").lower() in _COMPANY_WORDS:
            return token[:1].isupper()
        if not token[:1].isupper() and token != "&":
            return False
    return False


def _is_caps_or_heading(span: Any) -> bool:
    sentence = span.sent
    letters = [character for character in sentence.text if character.isalpha()]
    if letters and sum(character.isupper() for character in letters) > 0.8 * len(
        letters
    ):
        return True
    words = [token for token in sentence if token.is_alpha and len(token) > 3]
    unfinished = not sentence.text.rstrip().endswith((".", "!", "?", "”", '"', ":"))
    capitalised = sum(token.text[:1].isupper() for token in words)
    return unfinished and len(words) <= 15 and capitalised > 0.6 * len(words)


def drop_covered_sectors(goods: list[Good]) -> list[Good]:
    """Goods less the sectors a named good of the document already covers:
    "agriculture" beside "coffee", "mining" beside "gold" say nothing more."""
    sectors = {entry.good for entry in goods_taxonomy() if entry.kind == "sector"}
    named = {good.sector for good in goods if good.good not in sectors}
    return [
        good for good in goods if good.good not in sectors or good.sector not in named
    ]
