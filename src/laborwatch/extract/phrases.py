"""Phrase lookup over a parsed document by lower-cased tokens.

spaCy's PhraseMatcher wants each pattern as a tokenised Doc, and tokenising the
gazetteer's twenty thousand names took two seconds of every process's start. Most
names are plain words between single spaces, which the tokenizer splits at the
spaces and nowhere else; those are hashed directly, and only the rest are
tokenised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# Letters only, single spaces: no prefix, suffix or infix rule of the English
# tokenizer applies, so its tokens are the words (special cases aside, checked).
_PLAIN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+)*")


def lower_hashes(nlp: Any, phrases: list[str]) -> list[tuple[int, ...]]:
    """Each phrase's tokens as the hashes of their lower-cased forms, as
    ``nlp``'s tokenizer would make them."""
    strings = nlp.vocab.strings
    special = nlp.tokenizer.rules or {}
    hashed: list[tuple[int, ...]] = []
    left: list[int] = []
    for index, phrase in enumerate(phrases):
        words = phrase.split(" ")
        if _PLAIN.fullmatch(phrase) and not any(word in special for word in words):
            hashed.append(tuple(strings.add(word.lower()) for word in words))
        else:
            hashed.append(())
            left.append(index)
    texts = [phrases[i] for i in left]
    for index, doc in zip(left, nlp.tokenizer.pipe(texts), strict=True):
        hashed[index] = tuple(token.lower for token in doc)
    return hashed


class PhraseIndex:
    """Keys found by their phrases: every (key, start, end) whose phrase's
    lower-cased tokens are the document's from start to end, in document order;
    at one start, keys in the order they were added."""

    def __init__(self, nlp: Any, entries: Iterable[tuple[str, str]]) -> None:
        pairs = list(entries)
        patterns = lower_hashes(nlp, [phrase for _, phrase in pairs])
        self._by_first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
        seen: set[tuple[tuple[int, ...], str]] = set()
        for (key, _), pattern in zip(pairs, patterns, strict=True):
            if pattern and (pattern, key) not in seen:
                seen.add((pattern, key))
                self._by_first.setdefault(pattern[0], []).append((pattern, key))

    def __call__(self, doc: Any) -> list[tuple[str, int, int]]:
        from spacy.attrs import LOWER

        lowers = doc.to_array(LOWER).tolist() if len(doc) else []
        found = []
        for start, first in enumerate(lowers):
            for pattern, key in self._by_first.get(first, ()):
                end = start + len(pattern)
                if tuple(lowers[start:end]) == pattern:
                    found.append((key, start, end))
        return found
