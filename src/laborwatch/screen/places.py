"""Places in a supplier's address: Xinjiang (CN-XJ) by its cities and prefectures,
for the UFLPA rule, and the subdivisions the risk register has rows for.

The names are the gazetteer's entries for CN-XJ ("Xinjiang", "XUAR"…) and the
table ``data/xinjiang-places.csv`` of its prefecture-level and county-level cities
in their common spellings (pinyin, Uyghur, older romanisations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from laborwatch.extract.vocabulary import gazetteer, place_entries

XINJIANG = "CN-XJ"


@lru_cache(maxsize=1)
def _xinjiang_names() -> re.Pattern[str]:
    names = {
        entry.name
        for entry in (*gazetteer(), *place_entries("xinjiang-places.csv"))
        if entry.subdivision == XINJIANG
    }
    # Longest first, so "Xinjiang Uyghur Autonomous Region" wins over "Xinjiang";
    # whole words only: "Aksu" is a city, "Aksugar" is not.
    return _whole_words(names)


def xinjiang_place(text: str) -> str | None:
    """The first Xinjiang place named in ``text``, as written there."""
    match = _xinjiang_names().search(text)
    return match.group(0) if match else None


def subdivision_patterns(codes: Iterable[str]) -> dict[str, re.Pattern[str]]:
    """For each ISO 3166-2 code, a pattern finding its names in an address: the
    gazetteer's names of the subdivision and of its cities (and, for Xinjiang,
    ``xinjiang-places.csv``). Built per run for the codes the risk register has,
    so it holds a few patterns, never the world's."""
    wanted = set(codes)
    names: dict[str, set[str]] = {code: set() for code in wanted}
    extra = place_entries("xinjiang-places.csv") if XINJIANG in wanted else []
    for entry in (*gazetteer(), *extra):
        # A name English also writes as a word ("Mobile", "Victoria") says
        # nothing about where a supplier is.
        if entry.subdivision in wanted and not entry.common:
            names[entry.subdivision].add(entry.name)
    return {code: _whole_words(found) for code, found in names.items() if found}


def _whole_words(names: Iterable[str]) -> re.Pattern[str]:
    # Longest first, so "South Pyongan Province" wins over "South Pyongan".
    alternatives = "|".join(
        re.escape(name) for name in sorted(names, key=lambda n: (-len(n), n))
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def subdivisions_named(
    text: str, country: str, patterns: dict[str, re.Pattern[str]]
) -> list[str]:
    """The codes of ``country``'s subdivisions among ``patterns`` that ``text``
    names, in code order."""
    prefix = f"{country}-"
    return [
        code
        for code, pattern in sorted(patterns.items())
        if code.startswith(prefix) and pattern.search(text)
    ]
