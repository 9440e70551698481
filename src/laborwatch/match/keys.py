"""What a name is indexed and looked up by: keys of its tokens, and its initials.

A query finds the names that share a key with it (`index_keys`): a token's
romanisation key, its transliteration-insensitive spelling with each letter left out
(a typo or a doubled letter still finds the name), its consonants (for a query read
from Arabic or Persian script), and the keys of adjacent tokens joined. An acronym
finds the names whose initials it is (`initials`, `acronym`). Identifiers are
compared by `identifier_key`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from laborwatch.match.align import DISTINCTIVE, joined_runs, place_names
from laborwatch.match.korean import is_surname_spelling, looks_korean
from laborwatch.match.normalise import LEGAL_FORMS, Token, loose, skeleton, words

_FUZZY_LENGTH = 5  # shortest spelling looked up with a letter left out
# Longest spelling looked up with a letter left out: a word's deletions are its
# length squared in characters, and no name's word comes near this.
_FUZZY_MAX_LENGTH = 40
_FUZZY_SHARE = 0.5  # a near spelling proposes a name, less than the same one does
_SWAP_LENGTH = (3, 12)  # letters of a word looked up with two letters swapped back
_NOT_IDENTIFIER = re.compile(r"[^0-9A-Z]")
MIN_IDENTIFIER = 5  # characters an identifier needs to count: short ones collide
_NOT_INITIALS = frozenset(["of", "and", "the", "de", "la", "el", "al"])


def index_keys(
    tokens: tuple[Token, ...], consonants: bool, query: bool = False
) -> dict[str, float]:
    """Index keys, with the weight a shared key counts for: the romanisation key of
    each identifying token (all tokens when none identifies) and of adjacent pairs
    joined; the transliteration-insensitive spelling and its one-letter deletions
    (a typo or a doubled letter: "Meli", "Melli"); with ``consonants``, the
    consonants alone; for a ``query``'s word that can be romanised Korean, its
    romanisation key's one-letter deletions too, so that "Haeseong" (haesong)
    finds a list's "Hesong"."""
    distinctive = [token for token in tokens if token.weight >= DISTINCTIVE] or list(
        tokens
    )
    keys: dict[str, float] = {}
    korean_context = query and any(looks_korean(token.text) for token in tokens)
    for token in distinctive:
        keys[token.key] = token.weight
        spelling = loose(token.text)
        if _FUZZY_LENGTH <= len(spelling) <= _FUZZY_MAX_LENGTH:
            _add_deletions(keys, spelling, token.weight)
        elif len(spelling) >= 3:
            keys.setdefault("~" + spelling, token.weight * _FUZZY_SHARE)
        if (
            query
            and token.key != spelling
            and len(token.key) >= _FUZZY_LENGTH
            and looks_korean(token.text)
        ):
            _add_deletions(keys, token.key, token.weight)
        if query and korean_context:
            # A Korean word typed with two letters swapped, which no Korean
            # syllables make ("Amn" for Man, "Myondgok" for Myongdok), finds the
            # names that write it right.
            for word in _korean_swaps(token.text):
                keys.setdefault("~" + loose(word), token.weight * _FUZZY_SHARE)
        if consonants and len(skeleton(token.text)) >= 2:
            keys.setdefault("#" + skeleton(token.text), token.weight * _FUZZY_SHARE)
        # A place's adjective ("Kirovskiy") finds the place's name ("Kirov"), a
        # spelling a looked-up word has as one of its own.
        for place in place_names(spelling):
            keys.setdefault("~" + place, token.weight * _FUZZY_SHARE)
    for start, width, key in joined_runs(tokens):
        run = tokens[start : start + width]
        keys.setdefault(key, max(token.weight for token in run))
    return keys


@lru_cache(maxsize=65536)
def _korean_swaps(word: str) -> tuple[str, ...]:
    """The word with two letters side by side swapped, where that makes it Korean
    syllables and the word as written is not: "kyu" of "yku"."""
    if (
        not _SWAP_LENGTH[0] <= len(word) <= _SWAP_LENGTH[1]
        or looks_korean(word)
        or is_surname_spelling(word)
    ):
        return ()
    swaps = (
        word[:index] + word[index + 1] + word[index] + word[index + 2 :]
        for index in range(len(word) - 1)
    )
    return tuple(dict.fromkeys(swap for swap in swaps if looks_korean(swap)))


def _add_deletions(keys: dict[str, float], word: str, weight: float) -> None:
    """The word and its one-letter deletions as fuzzy keys. Shared out: the
    variants of a word spelt the same together count what its key does, so that
    they do not outweigh the one variant a spelling a letter off shares many times
    over ("Hussain" against every HUSSAIN, and IMAM HUSSEIN UNIVERSITY)."""
    variants = _deletions(word)
    for variant in variants:
        keys.setdefault("~" + variant, weight / len(variants))


@lru_cache(maxsize=65536)
def _deletions(word: str) -> frozenset[str]:
    """The word and each form of it with one letter left out."""
    return frozenset([word, *(word[:i] + word[i + 1 :] for i in range(len(word)))])


def initials(name: str) -> set[str]:
    """A listed name's initials, with and without its legal form, from three words."""
    found = [word for word in words(name) if word not in _NOT_INITIALS]
    if len(found) < 3:
        return set()
    initials = {"".join(word[0] for word in found)}
    bare = [word for word in found if word not in LEGAL_FORMS]
    if len(bare) >= 3:
        initials.add("".join(word[0] for word in bare))
    return initials


def acronym(reading: str, how: str) -> str | None:
    """The reading as an acronym ("KKBC", "(MID)"), or None."""
    text = reading.strip().replace(".", "")
    if not 3 <= len(text) <= 8 or not text.isalpha() or not text.isascii():
        return None
    if text.isupper() or how == "in brackets":
        return text.lower()
    return None


def identifier_key(value: str) -> str:
    """An identifier without spaces, dashes or case: "IMO 123-4567" → "IMO1234567"."""
    return _NOT_IDENTIFIER.sub("", value.upper())
