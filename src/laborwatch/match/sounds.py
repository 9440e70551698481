"""Western names written by sound in Hangul or katakana, keyed by their consonants.

Korean and Japanese write a foreign name as it sounds: "Dawn Marine Management" is
던 마린 매니지먼트, the Lazarus Group ラザルス・グループ, Viktor Yanukovych ヴィクトル・
ヤヌコビッチ. Neither script tells p from f or b from v, nor l from r, and both add a
vowel after a final consonant (트 "teu", ス "su"); both tell g from k, d from t and b
from p. So each word is reduced to the classes of its consonants, the same on both
sides: k (k, c, q), g, t, d, p (p, f), b (b, v), s (s, sh, th, a soft c), j (j, z,
a soft g), c (ch), l (l, r), m, n (n, ng); vowels, h, w and y are left out. An
English r that no vowel follows is not said (pioneer: 파이오니어), a final v is
written as f (Azarov: アザロフ), and a key's last l is left out on both sides
(Viktor: ヴィクトル). "Management" and 매니지먼트 are both "mnjmnt"; "gold" and
"cloud" are "gld" and "kld".

The tables follow the National Institute of Korean Language's rules for writing
foreign words (외래어 표기법, 1986) and the Japanese Cabinet notice on writing
loanwords (外来語の表記, 1991), as Wikipedia summarises them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from laborwatch.match.korean import has_hangul
from laborwatch.match.korean_lexicon import translate_hangul
from laborwatch.match.normalise import tokenise

# Initial and final consonants of a Hangul syllable, in Unicode's order.
_INITIALS = (
    "g", "k", "n", "d", "t", "l", "m", "b", "p", "s", "s", "", "j", "j", "c",
    "k", "t", "p", "",
)  # fmt: skip
# A final ㅅ is a t in loanwords (로봇, robot); a final ㅇ is ng, read as n.
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l",
    "l", "m", "p", "p", "t", "t", "n", "t", "t", "k", "t", "p", "",
)  # fmt: skip
_VOWEL_COUNT = 21
_FINAL_COUNT = 28
_EU = 18  # the vowel ㅡ, which Korean adds after a foreign final consonant
_SILENT_INITIAL = 11  # ㅇ
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3

# Each katakana's consonant class ("" for a vowel, a small kana, ッ and ー).
_KANA_ROWS = {
    "k": "カキクケコ",
    "g": "ガギグゲゴ",
    "s": "サシスセソ",
    "j": "ザジズゼゾヂヅ",
    "c": "チツ",
    "t": "タテト",
    "d": "ダデド",
    "n": "ナニヌネノン",
    "p": "フパピプペポ",
    "b": "バビブベボヴヷヸヹヺ",
    "m": "マミムメモ",
    "l": "ラリルレロ",
    "": "アイウエオヤユヨワヲハヒヘホァィゥェォャュョヮッー",
}
_KANA = {kana: sound for sound, row in _KANA_ROWS.items() for kana in row}
_KATAKANA_WORD = re.compile("[\u30a1-\u30fa\u30fc]+")
_KANA_SEPARATORS = re.compile("[\u30fb\u00b7=\uff1d]")

# English spellings to consonant classes, in order; vowels, h, w, y go last.
_ENGLISH = (
    # "C" until the letters below are mapped, where a lone c is a k.
    (re.compile("tch|ch|ts$"), "C"),  # Roberts: ロバーツ
    (re.compile("sh|th"), "s"),
    (re.compile("ph"), "p"),
    (re.compile("ck"), "k"),
    (re.compile("gh"), ""),
    (re.compile("x"), "ks"),
    (re.compile("tu(?=r)"), "Cu"),  # venture, 벤처
    (re.compile("c(?=[eiy])"), "s"),
    (re.compile("g(?=[eiy])"), "j"),  # management, 매니지먼트
    (re.compile("ng"), "n"),
    (re.compile("r(?![aeiouy])"), ""),  # pioneer, 파이오니어
    (re.compile("v$"), "p"),  # Azarov, アザロフ
)
_LETTERS = str.maketrans(
    {"r": "l", "z": "j", "v": "b", "f": "p", "c": "k", "q": "k",
     "a": None, "e": None, "i": None, "o": None, "u": None,
     "y": None, "h": None, "w": None}
)  # fmt: skip
_REPEATED = re.compile(r"(.)\1+")
_RUNS = re.compile("[\uac00-\ud7a3]+|[\u30a1-\u30fa\u30fc]+|[A-Za-z0-9]+|.")
# A query is read by sound only with this many consonants in all, one of its words
# with DISTINCTIVE_KEY of them ("sn st", Ocean Star, is some person's name too), or
# with one word of LONG_KEY consonants ("ljls", ラザルス).
MIN_CONSONANTS = 5
DISTINCTIVE_KEY = 3
LONG_KEY = 4
# A word's weight by its key's length: keys of one or two consonants are shared by
# many words ("st": star, state, Sato), as common words are.
_KEY_WEIGHTS = {1: 0.3, 2: 0.6}


def _tidy(key: str) -> str:
    key = _REPEATED.sub(r"\1", key)
    return key[:-1] if len(key) > 1 and key.endswith("l") else key


@lru_cache(maxsize=65536)
def english_sound(word: str) -> str:
    """A Latin word's consonant classes ("lazarus" → "ljls"); digits stay."""
    word = word.lower()
    for pattern, sound in _ENGLISH:
        word = pattern.sub(sound, word)
    return _tidy(word.translate(_LETTERS).replace("C", "c"))


def hangul_sound(word: str) -> str:
    """A Hangul word's consonant classes (매니지먼트 → "mnjmnt")."""
    sounds = []
    for character in word:
        code = ord(character) - _HANGUL_FIRST
        if not 0 <= code <= _HANGUL_LAST - _HANGUL_FIRST:
            continue
        initial, rest = divmod(code, _VOWEL_COUNT * _FINAL_COUNT)
        sounds.append(_INITIALS[initial] + _FINALS[rest % _FINAL_COUNT])
    return _tidy("".join(sounds))


def katakana_sound(word: str) -> str:
    """A katakana word's consonant classes (ラザルス → "ljls"); ング is the "ng"
    English keys as n (トレーディング, trading)."""
    word = word.replace("ング", "ン")
    return _tidy("".join(_KANA.get(kana, "") for kana in word))


def is_loanword(word: str) -> bool:
    """Whether a Hangul word has a syllable of a consonant and ㅡ alone (스, 트, 크),
    which Korean writes after a foreign final consonant and Sino-Korean never has."""
    for character in word:
        code = ord(character) - _HANGUL_FIRST
        if 0 <= code <= _HANGUL_LAST - _HANGUL_FIRST and not code % _FINAL_COUNT:
            initial, vowel = divmod(code // _FINAL_COUNT, _VOWEL_COUNT)
            if vowel == _EU and initial != _SILENT_INITIAL:
                return True
    return False


_WITH_COMPANY = 4  # syllables of a loanword with 사 written onto it, 사 included


def _ends_in_o_e_u(syllable: str) -> bool:
    """Whether a Hangul syllable is open on ㅗ, ㅔ or ㅜ: before 사, the Western
    name's own -osa, -esa, -usa (에스피노사, Espinosa; 바르보사, Barbosa)."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return False
    return code % 28 == 0 and (code // 28) % 21 in _O_E_U


_O_E_U = frozenset({8, 5, 13})  # ㅗ, ㅔ, ㅜ among the 21 Hangul vowels


def sounded(name: str) -> list[tuple[str, float]] | None:
    """A name written by sound, as (consonant key, weight) per word, or None where
    it is not one: katakana, or Hangul with a syllable Korean writes only in
    loanwords (`is_loanword`), beside Latin letters at most; and with enough
    consonants to tell a name (MIN_CONSONANTS, DISTINCTIVE_KEY, LONG_KEY). A Hangul word
    the lexicon reads whole counts as its English (유한회사 → limited company);
    legal forms are left out, as in list names. A key of one or two consonants
    weighs as a common word does."""
    name = unicodedata.normalize("NFKC", name)  # half-width katakana
    hangul_words = [word for word in name.split() if has_hangul(word)]
    if not _KATAKANA_WORD.search(name) and not any(
        is_loanword(word) for word in hangul_words
    ):
        return None
    keys: list[tuple[str, float]] = []
    for run in _RUNS.findall(_KANA_SEPARATORS.sub(" ", name)):
        if _KATAKANA_WORD.fullmatch(run):
            keys.append((katakana_sound(run), 1.0))
        elif has_hangul(run):
            if (
                len(run) >= _WITH_COMPANY
                and run.endswith("사")
                and not _ends_in_o_e_u(run[-2])
                and is_loanword(run[:-1])
            ):
                # 사 (社, company) written onto a loanword: "매니지먼트사", a
                # management company, as Korean news name foreign firms.
                run = run[:-1]
            english = None if is_loanword(run) else _in_english(run)
            if english is None:
                keys.append((hangul_sound(run), 1.0))
            else:
                keys += _english_keys(english)
        elif run.isascii() and run.isalnum():
            keys += _english_keys(run)
        elif run.isalpha():
            return None  # Chinese characters or another script
    keys = [
        (key, min(weight, _KEY_WEIGHTS.get(len(key), 1.0)))
        for key, weight in keys
        if key
    ]
    longest = max((len(key) for key, _weight in keys), default=0)
    if longest >= LONG_KEY or (
        longest >= DISTINCTIVE_KEY
        and sum(len(key) for key, _weight in keys) >= MIN_CONSONANTS
    ):
        return keys
    return None


def _english_keys(text: str) -> list[tuple[str, float]]:
    return [(english_sound(token.text), token.weight) for token in tokenise(text)]


_UNREAD = "\x00"


def _in_english(word: str) -> str | None:
    """The English of a Hangul word the lexicon reads in full, else None."""
    english = translate_hangul(word, lambda piece: _UNREAD)
    return None if english is None or _UNREAD in english else english
