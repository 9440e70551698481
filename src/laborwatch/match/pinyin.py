"""Whether a Latin word is Hanyu Pinyin: one to three syllables of Mandarin.

Two Chinese given names written in pinyin that differ are two names, not one name
misspelt: "Zhiqiang" (志强) is not "Zhiqing" (志清), though a letter apart. The
syllables are those Pinyin allows, initial by initial (after the table of the
Xiandai Hanyu Cidian), so that a Korean "Jang" or "Chol" is no pinyin.
"""

from __future__ import annotations

import re
from functools import lru_cache

_OPEN = "a o e ai ei ao ou an en ang eng ong"
_FINALS_AFTER = {
    "j q x": "i ia ie iao iu ian in iang ing iong u ue uan un",
    "b p m": "a o ai ei ao ou an en ang eng i ie iao iu ian in ing u e",
    "f": "a o ei ou an en ang eng u",
    "d t": f"{_OPEN} i ia ie iao iu ian ing u uo ui uan un",
    "n l": f"{_OPEN} i ia ie iao iu ian in iang ing u uo uan un v ve ue",
    "g k h": f"{_OPEN} u ua uo uai ui uan un uang",
    "zh ch sh": f"{_OPEN} i u ua uo uai ui uan un uang",
    "r": "e ao ou an en ang eng ong i u ua uo ui uan un",
    "z c s": f"{_OPEN} i u uo ui uan un",
    "y": "a o e ao ou an ang ong i in ing u ue uan un",
    "w": "a o ai ei an en ang eng u",
}
# A syllable with no initial begins a word: inside one, pinyin marks it with an
# apostrophe ("Xi'an"), which names lose.
_NO_INITIAL = "a o e ai ei ao ou an en ang eng er"


def _alternatives(syllables: set[str]) -> str:
    return "(?:" + "|".join(sorted(syllables, key=len, reverse=True)) + ")"


_SYLLABLE = _alternatives(
    {
        initial + final
        for initials, finals in _FINALS_AFTER.items()
        for initial in initials.split()
        for final in finals.split()
    }
)
_FIRST = _alternatives(set(_NO_INITIAL.split())) + "|" + _SYLLABLE
_WORD = re.compile(f"(?:{_FIRST}){_SYLLABLE}{{0,2}}")
_ONE_SYLLABLE = re.compile(_FIRST)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """Whether the lower-case word is one pinyin syllable ("xin", "guang")."""
    return bool(_ONE_SYLLABLE.fullmatch(word))


def two_names(first: str, second: str) -> bool:
    """Whether two lower-case words are pinyin of two names: both pinyin, and other
    than by an aspirated initial for a plain one, which Wade-Giles leaves to an
    apostrophe that lists drop ("Xuekang" for "Xuegang", from "Hsueh-kang")."""
    return (
        is_pinyin(first)
        and is_pinyin(second)
        and _unaspirated(first) != _unaspirated(second)
    )


def _unaspirated(word: str) -> str:
    return _ASPIRATED.sub(lambda found: _PLAIN[found.group(0)], word)


_PLAIN = {"ch": "zh", "c": "z", "k": "g", "t": "d", "p": "b", "q": "j"}
_ASPIRATED = re.compile("ch|[cktpq]")


@lru_cache(maxsize=65536)
def is_pinyin(word: str) -> bool:
    """Whether the lower-case word is one to three pinyin syllables."""
    return bool(_WORD.fullmatch(word))
