"""Hong Kong and Macau names in Chinese characters, read in Cantonese.

Lists write a Hong Kong person as Hong Kong identity cards do, in the Hong Kong
Government's Cantonese romanisation (LAM CHENG, Yuet-ngor; TANG, Ping-keung), not
in pinyin (Lin Zheng Yue'e, Deng Bingqiang). Each character's readings come from
cantonese-romanisation (traditional characters; simplified ones are made
traditional first). That table mixes the Government's spellings with others
(炳 "bing", where identity cards write "Ping"), so each reading is also written as
the Government writes an unaspirated first consonant: b as p, d as t, g as k, j as
ch. A character with several readings gives several names, up to `MOST_READINGS`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice, product
from typing import Any

from laborwatch.match.sino_korean import chinese_converter

MOST_READINGS = 12
# A person's name in characters: a surname and a given name, two to four in all
# (林鄭月娥 has a married surname before her own); a body's name is longer, and the
# lists translate it.
_NAME_LENGTH = (2, 4)
# The Hong Kong Government's spelling of a syllable's unaspirated first consonant.
_GOVERNMENT_INITIAL = re.compile(r"^(?:gw|[bdgj])")
_AS_THE_GOVERNMENT_WRITES = {"gw": "kw", "b": "p", "d": "t", "g": "k", "j": "ch"}
_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _table() -> Any:
    from cantoroman import Cantonese  # type: ignore[import-untyped]

    return Cantonese()


@lru_cache(maxsize=4096)
def cantonese_readings(text: str) -> tuple[str, ...]:
    """The Cantonese readings of a name of two to four Chinese characters, a
    person's most often, syllables apart ("陳國基": "chan kwok kei", "chan kwok ki",
    ...), at most `MOST_READINGS`; none for another text or one with a character
    the table lacks."""
    characters = "".join(text.split())
    if not (
        _NAME_LENGTH[0] <= len(characters) <= _NAME_LENGTH[1]
        and all(_HAN.match(character) for character in characters)
    ):
        return ()
    syllables: list[tuple[str, ...]] = []
    for character in chinese_converter("s2t").convert(characters):
        read = _table().getRoman(character)[0]
        if not read:
            return ()
        syllables.append(
            tuple(dict.fromkeys(_as_the_government_writes(r) for r in read))
        )
    names = (" ".join(choice) for choice in product(*syllables))
    return tuple(islice(names, MOST_READINGS))


def _as_the_government_writes(syllable: str) -> str:
    return _GOVERNMENT_INITIAL.sub(
        lambda found: _AS_THE_GOVERNMENT_WRITES[found.group(0)], syllable.lower()
    )
