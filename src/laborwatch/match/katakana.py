"""Korean names in katakana read back in Hangul: チョンソン as 청송 (Chongsong).

Japanese news write North Korean bodies and persons in katakana ("チョンソン連合",
Green Pine's CHONGSONG YONHAP; "フンジン貿易", HUNJIN TRADING); the lists romanise the
Korean. Each mora is read as the Korean syllable Japanese writes that way, after
the conventions of the Japanese transcription of Korean (Japanese Wikipedia,
"朝鮮語のカナ表記"): a syllable's final ㄱ, ㄹ, ㅁ, ㅂ is written ク, ル, ム, プ after
it, and both ㄴ and ㅇ are written ン, so each ン is read both ways. Japanese
has one vowel for ㅓ and ㅗ (オ) and one for ㅡ and ㅜ (ウ), and one consonant for
plain and aspirated ones (チ): a run that folds as a word or name of the Korean
lexicon is written as the lexicon does, and the romanisation key folds the rest
alike. The Hangul is then read as a Hangul query is.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from laborwatch.match.korean_lexicon import load_lexicon

_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]")
_MOST_N_WAYS = 3  # ン read every way up to this many in a name (2**3 readings)
_FINALS = {"ク": "ㄱ", "ル": "ㄹ", "ム": "ㅁ", "プ": "ㅂ"}
# The Korean initial of each mora (its vowel is `_VOWEL_OF`); a small kana after
# a mora makes one syllable with it (チョ, クァ).
_INITIALS = {
    kana: initial
    for initial, row in {
        "ㅇ": "アイウエオヤユヨワヲ",
        "ㄱ": "カキクケコガギグゲゴ",
        "ㅅ": "サシスセソ",
        "ㅈ": "ザジズゼゾヂヅ",
        "ㄷ": "タテトダデド",
        "ㅊ": "チ",
        "ㅉ": "ツ",
        "ㄴ": "ナニヌネノ",
        "ㅎ": "ハヒフヘホ",
        "ㅂ": "バビブベボパピプペポ",
        "ㅁ": "マミムメモ",
        "ㄹ": "ラリルレロ",
    }.items()
    for kana in row
}
_VOWELS = {"ア": "ㅏ", "イ": "ㅣ", "ウ": "ㅜ", "エ": "ㅔ", "オ": "ㅗ"}
_ROWS = {
    "ㅏ": "アカガサザタダナハバパマラ",
    "ㅣ": "イキギシジチヂニヒビピミリ",
    "ㅜ": "ウクグスズツヅヌフブプムル",
    "ㅔ": "エケゲセゼテデネヘベペメレ",
    "ㅗ": "オコゴソゾトドノホボポモロヲ",
    "ㅑ": "ヤ",
    "ㅠ": "ユ",
    "ㅛ": "ヨ",
    "ㅘ": "ワ",
}
_VOWEL_OF = {kana: vowel for vowel, row in _ROWS.items() for kana in row}
# A small kana after a mora: its vowel replaces the mora's. After a consonant
# that Korean writes with the y already (ㅈ, ㅊ, ㅅ), a small ya/yu/yo is the
# plain vowel (チョ 초, ジュ 주).
_SMALL = {
    "ャ": "ㅑ", "ュ": "ㅠ", "ョ": "ㅛ",
    "ァ": "ㅘ", "ィ": "ㅟ", "ゥ": "ㅜ", "ェ": "ㅞ", "ォ": "ㅝ",
}  # fmt: skip
_PLAIN = {"ㅑ": "ㅏ", "ㅠ": "ㅜ", "ㅛ": "ㅗ"}
_JAMO_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_JAMO_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_JAMO_FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]


def has_katakana(text: str) -> bool:
    return bool(_KATAKANA.search(text))


def _syllable(initial: str, vowel: str, final: str) -> str:
    return chr(
        0xAC00
        + (_JAMO_INITIALS.index(initial) * 21 + _JAMO_VOWELS.index(vowel)) * 28
        + _JAMO_FINALS.index(final)
    )


def _read(text: str, n_finals: tuple[str, ...]) -> str:
    """The text with each run of katakana read in Hangul, each ン as the final
    ``n_finals`` gives in turn (the last for any beyond them)."""
    n_seen = 0
    out: list[str] = []
    syllable: list[str] | None = None  # [initial, vowel, final] being built

    def close() -> None:
        nonlocal syllable
        if syllable:
            out.append(_syllable(*syllable))
        syllable = None

    for index, kana in enumerate(text):
        following = text[index + 1] if index + 1 < len(text) else ""
        if kana in _SMALL and syllable and not syllable[2]:
            vowel = _SMALL[kana]
            syllable[1] = (
                _PLAIN.get(vowel, vowel) if syllable[0] in "ㅈㅊㅅㅉ" else vowel
            )
            if syllable[0] == "ㅇ" and kana in "ァィェォ":
                syllable[1] = {"ァ": "ㅘ", "ィ": "ㅟ", "ェ": "ㅞ", "ォ": "ㅝ"}[kana]
            continue
        if kana == "ン" and syllable and not syllable[2]:
            syllable[2] = n_finals[min(n_seen, len(n_finals) - 1)]
            n_seen += 1
            continue
        if kana == "ッ" or kana == "ー":
            continue
        if (
            kana in _FINALS
            and syllable
            and not syllable[2]
            and following not in _SMALL
            and following != "ン"
            and following not in _VOWELS
        ):
            syllable[2] = _FINALS[kana]
            continue
        if kana in _INITIALS and kana in _VOWEL_OF:
            close()
            syllable = [_INITIALS[kana], _VOWEL_OF[kana], ""]
            continue
        close()
        out.append(" " if kana == "・" else kana)
    close()
    return "".join(out)


# What katakana cannot tell apart, folded to one: initials plain, aspirated and
# tense (チ for ㅈ and ㅊ), ㅓ and ㅗ, ㅕ and ㅛ, ㅡ and ㅜ, ㅐ and ㅔ, and the finals
# ㄴ and ㅇ (ン); a final ㅅ, ㄷ, ㅈ, ㅊ or ㅌ is not written.
_FOLD_INITIAL = dict(zip("ㅊㅉㅋㄲㅌㄸㅍㅃㅆ", "ㅈㅈㄱㄱㄷㄷㅂㅂㅅ", strict=True))
_FOLD_VOWEL = dict(zip("ㅓㅕㅡㅐㅒㅖ", "ㅗㅛㅜㅔㅔㅔ", strict=True))
_FOLD_FINAL = {"ㅇ": "ㄴ", "ㅅ": "", "ㄷ": "", "ㅈ": "", "ㅊ": "", "ㅌ": "", "ㅆ": ""}


def _fold(text: str) -> str:
    folded = []
    for character in text:
        code = ord(character) - 0xAC00
        if not 0 <= code < 11172:
            folded.append(character)
            continue
        initial = _JAMO_INITIALS[code // 588]
        vowel = _JAMO_VOWELS[code % 588 // 28]
        final = _JAMO_FINALS[code % 28]
        folded.append(
            _syllable(
                _FOLD_INITIAL.get(initial, initial),
                _FOLD_VOWEL.get(vowel, vowel),
                _FOLD_FINAL.get(final, final),
            )
        )
    return "".join(folded)


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    lexicon = load_lexicon()
    return frozenset(
        word for word in (*lexicon.names, *lexicon.words) if len(word) >= 2
    )


@lru_cache(maxsize=1)
def _lexicon_by_fold() -> dict[str, str]:
    """The Korean lexicon's words and names of two syllables or more, by their
    fold: 청송련합 (Green Pine) is what チョンソン連合 folds to."""
    lexicon = load_lexicon()
    found: dict[str, str] = {}
    for word in (*lexicon.names, *lexicon.words):
        if len(word) >= 2 and " " not in word:
            found.setdefault(_fold(word), word)
    return found


def _as_lexicon_writes(text: str) -> str:
    """Each run of the text that folds as a lexicon entry written as it is,
    longest first: 촌손련합 as 청송련합."""
    table = _lexicon_by_fold()
    words = _lexicon_words()
    folded = _fold(text)
    longest = max(map(len, table), default=0)
    out = []
    index = 0
    while index < len(text):
        for width in range(min(longest, len(text) - index), 1, -1):
            written = text[index : index + width]
            # A word of the lexicon as it stands is kept: 산업 (industry, read
            # from 産業) folds as 상업 (commerce) does.
            word = (
                written
                if written in words
                else table.get(folded[index : index + width])
            )
            if word:
                out.append(word)
                index += width
                break
        else:
            out.append(text[index])
            index += 1
    return "".join(out)


def katakana_in_hangul(text: str) -> list[str]:
    """The text with its katakana read in Hangul, with each ン read as ㄴ and as
    ㅇ (every way for up to three, else all one way or all the other:
    キム・ジョンウン is 김정은, ジョン ㅇ and ウン ㄴ); none where it has no
    katakana."""
    if not has_katakana(text):
        return []
    count = text.count("ン")
    ways = (
        list(product("ㄴㅇ", repeat=count))
        if 0 < count <= _MOST_N_WAYS
        else [("ㄴ",), ("ㅇ",)]
    )
    read = [_read(text, tuple(way)) for way in ways]
    # Also as read, where the lexicon rewrote it: 진송 (JINSONG) folds as 친선
    # (friendship) does.
    return list(dict.fromkeys([*map(_as_lexicon_writes, read), *read]))
