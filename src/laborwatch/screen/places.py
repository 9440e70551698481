"""Places that bring a rule: Xinjiang (CN-XJ) by its cities and prefectures.

The names are the gazetteer's entries for CN-XJ ("Xinjiang", "XUAR"…) and the
table ``data/xinjiang-places.csv`` of its prefecture-level and county-level cities
in their common spellings (pinyin, Uyghur, older romanisations).
"""

from __future__ import annotations

import re
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
    alternatives = "|".join(
        re.escape(name) for name in sorted(names, key=lambda n: (-len(n), n))
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def xinjiang_place(text: str) -> str | None:
    """The first Xinjiang place named in ``text``, as written there."""
    match = _xinjiang_names().search(text)
    return match.group(0) if match else None
