"""Korean institution names read in English, piece by piece.

Many North Korean bodies are listed under an English translation, not a
romanisation: 군수공업부 is "Munitions Industry Department", 제2경제위원회 the
"Second Economic Committee". ``translate_hangul`` gives that reading from the
lexicon in ``data/korean_institutions.csv`` (sources in its ``source`` column).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Spaces inside a name are optional in Korean ("조선로동당 중앙위원회").
_SPACES = re.compile(r"\s+")
# A segmentation state: (covered characters, -pieces), where the last piece
# starts, whether the piece before it is unknown, the last piece's English.
_State = tuple[tuple[int, int], int, bool, str | None]


@dataclass(frozen=True)
class Lexicon:
    """Hangul words and full names with their English."""

    words: dict[str, str]
    names: dict[str, str]
    longest: int  # characters in the longest entry: no piece is longer
    # A word's other English, as lists also write it: 해운사 is a "shipping
    # company" and, in HAEJIN SHIP MANAGEMENT, a "ship management company".
    also: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        words: dict[str, str],
        names: dict[str, str],
        also: dict[str, str] | None = None,
    ) -> Lexicon:
        longest = max(map(len, (*words, *names)), default=0)
        return cls(words, names, longest, also or {})


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon; read once."""
    path = files("laborwatch.match") / "data" / "korean_institutions.csv"
    tables: dict[str, dict[str, str]] = {"word": {}, "name": {}, "also": {}}
    for row in csv.DictReader(path.read_text(encoding="utf-8").splitlines()):
        # lower case like the romanised pieces it sits beside in one reading
        tables[row["kind"]][row["hangul"]] = row["english"].lower()
    return Lexicon.of(tables["word"], tables["name"], tables["also"])


def translate_hangul(
    text: str,
    romanise: Callable[[str], str],
    lexicon: Lexicon | None = None,
) -> str | None:
    """An English reading of a Hangul name, or None when the lexicon adds nothing.

    Each word is split into lexicon pieces, in order (Korean and English both put
    modifiers first); the rest is romanised with ``romanise``; Latin words pass.
    ``lexicon`` defaults to the packaged one (tests pass a smaller one).
    """
    found = translations(text, romanise, lexicon)
    return found[0] if found else None


def translations(
    text: str,
    romanise: Callable[[str], str],
    lexicon: Lexicon | None = None,
) -> list[str]:
    """`translate_hangul`'s reading, then one reading for each piece the lexicon
    also reads otherwise ("해진 해운사": "haejin shipping company", "haejin ship
    management company"); empty when the lexicon adds nothing."""
    lexicon = lexicon or load_lexicon()
    whole = _SPACES.sub("", text)
    if whole in lexicon.names:
        return [lexicon.names[whole]]
    parts: list[str] = []
    others: list[tuple[int, str]] = []  # (index in parts, other English)
    used = False
    for word in text.split():
        if not _HANGUL.search(word):
            parts.append(word)
            continue
        for piece, english in _segment(word, lexicon):
            if english is not None and piece in lexicon.also:
                others.append((len(parts), lexicon.also[piece]))
            parts.append(english if english is not None else romanise(piece))
            used = used or english is not None
    if not used:
        return []
    found = [" ".join(parts)]
    for index, english in others:
        found.append(" ".join([*parts[:index], english, *parts[index + 1 :]]))
    return found


def _segment(word: str, lexicon: Lexicon) -> list[tuple[str, str | None]]:
    """Split ``word`` into (piece, English or None): most characters covered by
    the lexicon, then fewest pieces (a whole name is one piece, so it wins).

    Dynamic programming over the characters; the state notes whether the last
    piece is unknown, since a run of unknown characters is one piece (one name
    to romanise), however long. Time is linear in the word for a fixed lexicon.
    """
    size = len(word)
    syllables = len(_HANGUL.findall(word))  # a stray accent is no syllable
    # best[i][unknown]: score (covered, -pieces) of word[:i] and its last piece
    best: list[list[_State | None]] = [[None, None] for _ in range(size + 1)]
    best[0][0] = ((0, 0), 0, False, None)

    def offer(end: int, unknown: bool, entry: _State) -> None:
        current = best[end][unknown]
        if current is None or entry[0] > current[0]:
            best[end][unknown] = entry

    for start in range(size):
        for was_unknown in (False, True):
            state = best[start][was_unknown]
            if state is None:
                continue
            (covered, count), _, _, _ = state
            for end in range(start + 1, min(size, start + lexicon.longest) + 1):
                english = _known(word, start, end, syllables, lexicon)
                if english is not None:
                    score = (covered + end - start, count - 1)
                    offer(end, False, (score, start, was_unknown, english))
            score = (covered, count - (0 if was_unknown else 1))
            offer(start + 1, True, (score, start, was_unknown, None))
    pieces: list[tuple[str, str | None]] = []
    end, unknown = size, _better(best[size])
    while end > 0:
        entry = best[end][unknown]
        assert entry is not None
        _, start, was_unknown, english = entry
        pieces.append((word[start:end], english))
        end, unknown = start, was_unknown
    pieces.reverse()
    return _merge_unknown(pieces)


def _better(states: list[_State | None]) -> bool:
    """Whether the state ending in an unknown piece scores higher."""
    known, unknown = states
    if known is None:
        return True
    return unknown is not None and unknown[0] > known[0]


def _known(
    word: str, start: int, end: int, syllables: int, lexicon: Lexicon
) -> str | None:
    """The English of ``word[start:end]`` if it may be used as a piece there
    (``syllables``: the word's Hangul syllables, counted once by the caller)."""
    piece = word[start:end]
    if piece in lexicon.names:
        return lexicon.names[piece]
    if piece not in lexicon.words:
        return None
    # A one-syllable word (성 ministry, 부 department, 국 bureau, 군 army) is a
    # suffix, never a piece inside a name: 대성총국 is not 대+성(ministry)+총국.
    # A two-syllable word ending in one (대성) is most likely a name, so the
    # suffix needs a stem of two syllables or more (외무성, 군수공업부).
    if len(piece) == 1 and syllables > 1 and (end != len(word) or syllables < 3):
        return None
    return lexicon.words[piece]


def _merge_unknown(
    pieces: list[tuple[str, str | None]],
) -> list[tuple[str, str | None]]:
    """Join neighbouring unknown pieces so a name is romanised as one word."""
    merged: list[tuple[str, str | None]] = []
    for piece, english in pieces:
        if english is None and merged and merged[-1][1] is None:
            merged[-1] = (merged[-1][0] + piece, None)
        else:
            merged.append((piece, english))
    return merged
