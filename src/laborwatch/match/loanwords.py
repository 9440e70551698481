"""Foreign names written in Hangul, read back in Latin letters.

South Korean news writes a Russian, Iranian or Western name by its sound, after the
National Institute of Korean Language's rules for loanwords (외래어 표기법): a
consonant with no vowel of its own takes an ㅡ ("Sberbank", 스베르방크; "Gref",
그레프), an n before a k is written ㅇ (방크, "bank"), and Korean has one letter for
b and v (ㅂ) and one for p and f (ㅍ). Read as a Korean name, 스베르방크 is
"seubereubangkeu"; read back by those rules it is "sberbank". Each reading takes
ㅂ, ㅍ, a word's first ㄹ (l or r) and its last 프 (v or f) one way throughout.
"""

from __future__ import annotations

import re
from functools import lru_cache

from laborwatch.match.sounds import is_loanword

_FIRST_SYLLABLE = 0xAC00
# Marks for ㅂ, ㅍ and a word's first ㄹ until a reading chooses their letters.
_B, _P, _L, _FINAL_P = "\x01", "\x02", "\x03", "\x04"
_LAST_SYLLABLE = 0xD7A3
_INITIALS = (
    "g", "k", "n", "d", "t", "r", "m", _B, "p", "s", "s", "", "j", "ts", "ch", "k",
    "t", _P, "h",
)  # fmt: skip
_VOWELS = (
    "a", "e", "ya", "ye", "o", "e", "yo", "ye", "o", "wa", "we", "oe", "yo", "u",
    "wo", "we", "wi", "yu", "", "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
    "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip
# The first syllables of Korean surnames, the commonest two hundred or so (Statistics
# Korea's census of surnames): a word that begins with one may be a Korean name.
_KOREAN_SURNAMES = frozenset(
    "김이리박최정강조윤장임한오서신권황안송류유전홍고문양손배백허남심노로하곽성차"
    "주우구민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제"
    "모탁국어은편용예경봉사부가복태목형피두감음빈동온호범좌팽승간상갈단견당화창옹"
    "순빙종풍계나라량렴림륙"
)
# A word's last 치 is a final ch: 아브라모비치, "Abramovich".
_FINAL_CHI = re.compile(r"chi\b")
_EU = 18  # ㅡ, the vowel a lone consonant is given
_IEUNG = 11  # ㅇ as the first letter: no sound
_RIEUL = 5  # ㄹ as the first letter
_RIEUL_FINAL = 8  # and as the last
_NG = 21  # ㅇ as the last letter
_VELARS = frozenset([0, 1, 15])  # ㄱ ㄲ ㅋ, before which ㅇ is an n ("bank")
# ㅂ, ㅍ and a word's first ㄹ each read one way throughout a reading.
# A word's last 프 is most often the v of a Russian -ov, -ev ("Lavrov", 라브로프).
_CHOICES = ((_B, "bv"), (_P, "pf"), (_L, "lr"), (_FINAL_P, "vf"))


@lru_cache(maxsize=4096)
def loanword_readings(text: str) -> tuple[str, ...]:
    """The Latin readings of a foreign name written in Hangul, distinct ("스베르방크":
    "sberbank" and "svervank"), or none for text not written as a foreign word
    (`_reads_as_loanword`)."""
    if not _reads_as_loanword(text):
        return ()
    readings = [" ".join(_read_word(word) for word in text.split())]
    for mark, letters in _CHOICES:
        if mark in readings[0]:
            readings = [
                reading.replace(mark, letter)
                for reading in readings
                for letter in letters
            ]
    return tuple(
        dict.fromkeys(_FINAL_CHI.sub("ch", reading.lower()) for reading in readings)
    )


def _reads_as_loanword(text: str) -> bool:
    """Whether Hangul text is written as Korean writes foreign words: with a lone
    consonant's ㅡ (스, 르, 크), or as two words or more of two syllables or more
    none of which begins with a Korean surname (게나디 팀첸코). A Korean name given
    a foreign country (정경남 [RU], a North Korean worker abroad) stays Korean: its
    syllables read as one word would split into another listed name."""
    if is_loanword(text):
        return True
    words = [word for word in text.split() if any(map(_parts, word))]
    return len(words) >= 2 and all(
        len(word) >= 2 and word[0] not in _KOREAN_SURNAMES for word in words
    )


def _read_word(word: str) -> str:
    syllables = [_parts(character) for character in word]
    if all(parts is None for parts in syllables):
        return word
    read = []
    for index, parts in enumerate(syllables):
        if parts is None:
            read.append(word[index])
            continue
        initial, vowel, final = parts
        before = syllables[index - 1] if index else None  # None: a word's start
        after = syllables[index + 1] if index + 1 < len(syllables) else None
        consonant = _INITIALS[initial]
        if initial == _RIEUL and before is None:
            consonant = _L  # "Lavrov" (라브로프) and "Roman" (로만) alike
        elif initial == _RIEUL and before is not None and _FINALS[before[2]] == "l":
            consonant = ""  # ㄹㄹ is one l: 블라디미르, "Vladimir"
        sound = _VOWELS[vowel]
        cluster = final == _RIEUL_FINAL and after is not None and after[0] == _RIEUL
        if vowel == _EU and (initial == _IEUNG or (final and not cluster)):
            sound = "u"  # 으, and a ㅡ with a last letter, but in "bl", "pl", "gl"
        if consonant == _P and vowel == _EU and not final and after is None:
            consonant = _FINAL_P
        ending = _FINALS[final]
        if final == _NG and after is not None and after[0] in _VELARS:
            ending = "n"
        read.append(consonant + sound + ending)
    return "".join(read)


def _parts(character: str) -> tuple[int, int, int] | None:
    """A Hangul syllable's first letter, vowel and last letter, by number."""
    code = ord(character)
    if not _FIRST_SYLLABLE <= code <= _LAST_SYLLABLE:
        return None
    offset = code - _FIRST_SYLLABLE
    return offset // 588, offset % 588 // 28, offset % 28
