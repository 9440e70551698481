"""Korean names: Hangul romanised both ways, and one key for every spelling.

North Korean names on the lists follow McCune–Reischauer (Taesong, Choson, Pak);
South Korea uses Revised Romanization (Daeseong, Joseon, Bak); the press writes
anything (Daesung, Chosun, Park). ``korean_key`` folds them onto one spelling:
aspirated and plain consonants merge (t/d, p/b, k/g, ch/j), as do the vowels that
the systems write differently (ŏ/eo/o/u, ŭ/eu), and the common surnames' variants.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from laborwatch.match.korean_lexicon import load_lexicon, translations

_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_ORDINALS = dict(
    zip(
        "1 2 3 4 5 6 7 8 9 10 11 12".split(),
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth".split(),
        strict=True,
    )
)
# Older romanisations write that ㄹ as l before y: LYONGAKSAN (룡각산).
_R_AS_N = re.compile(r"^r|^l(?=y[aeiou])|(?<=ng)r")
# Before i and y the South drops that n too (the initial-sound law, 두음법칙):
# 례성강 is "Ryesonggang" in the North and "Yeseonggang" in the South, 룡 "Ryong"
# and "Yong", 녀 "nyo" and "yeo".
_N_BEFORE_I = re.compile(r"^n(?=[iy])")
_HANGUL_RUNS = re.compile(r"([\uac00-\ud7a3]+)")
# Organisation words written in Hangul, with the English the lists use for them.
_HANGUL_WORDS = {
    "총국": "general bureau",
    "총회사": "general corporation",
    "무역회사": "trading company",
    "무역": "trading",
    "회사": "company",
    "주식회사": "company",
    "상사": "trading company",
    "은행": "bank",
    "공사": "corporation",
    "련합": "association",
    "연합": "association",
    "그룹": "group",
    "조선": "korea",
    "국": "bureau",
}
_HANGUL_PREFIXES = {"조선": "korea"}
_SURNAMES = {
    "lee": "ri",
    "yi": "ri",
    "rhee": "ri",
    "rhie": "ri",
    "li": "ri",
    "ri": "ri",
    "i": "ri",
    "park": "bak",
    "pak": "bak",
    "bak": "bak",
    "bark": "bak",
    "choi": "choe",
    "choe": "choe",
    "chwe": "choe",
    "choy": "choe",
    "kim": "gim",
    "gim": "gim",
    "rim": "rim",
    "lim": "rim",
    "im": "rim",
    "roh": "no",
    "noh": "no",
    "no": "no",
    "oh": "o",
    # 안 as the South's press and passports write it: "Ahn Jung-geun" (AN).
    "ahn": "an",
    # 황 in an older spelling of the South: "Whang Kyung-sik" (HWANG).
    "whang": "hwang",
    # 고 as the South's press writes it: "Koh Cheol-man" (KO Chol Man).
    "koh": "ko",
    "goh": "ko",
    # 허 as the South's press and passports write it: "Huh Young-il" (HO Yong Il).
    "huh": "ho",
    "hur": "ho",
    "heo": "ho",
}
_CONSONANTS = (
    ("tch", "j"),
    ("ch", "j"),
    ("ph", "b"),
    ("th", "d"),
    ("kh", "g"),
    ("sh", "s"),
    ("p", "b"),
    ("t", "d"),
    ("k", "g"),
    # ㅇ before ㄱ joined: "Ryonggaksan" and LYONGAKSAN (룡각산).
    ("ngg", "ng"),
    # Hangul writes a foreign z as ㅈ, j: 주이종 for "Jui Zong".
    ("z", "j"),
    # ㄹ before ㅎ, which McCune–Reischauer writes r and lists l: 철현 is
    # "Ch'ŏrhyŏn" and OFAC's CH'OLHYO'N.
    ("rh", "lh"),
)
_VOWELS = (
    # The press writes 우 and 웅 "woo" and "woong" where lists write "u" and "ung"
    # (Kim Nam-woong, KIM Nam Ung); elsewhere w is a glide the systems agree on.
    ("woo", "u"),
    ("oo", "u"),  # Yoon, Yun
    # 영 as the press writes it: "Choi Choon-young" (CHOE Chun Yong), "Kim
    # Young-chol". Neither system writes "ou".
    ("ou", "o"),
    ("yeo", "yo"),
    ("eo", "o"),
    ("eu", "u"),
    ("u", "o"),
    ("oi", "oe"),
    # 애 in older and English spellings: "DAI HONG DAN" (대홍단), "Taihung".
    ("ai", "ae"),
    ("ee", "i"),
)


# A romanised Korean syllable: an initial, a glide, a vowel and a final consonant,
# in McCune-Reischauer or Revised Romanization (apostrophes and breves folded; an
# aspirate's apostrophe written h, as OFAC writes "PO THONG GANG", "THAE PYONG").
# Each syllable is atomic: the ways to split "ananan..." into syllables grow
# exponentially, and a word that fails at its end ("...anyox") tried them all. A
# syllable taken whole never keeps a split from being found: what its final
# consonant takes leaves a vowel or an initial to the next.
_ROMANISED_SYLLABLES = re.compile(
    r"(?:(?>(?:tch|ch|kk|tt|pp|ss|jj|th|ph|kh|[bcdghjkmnprst])?[wy]?"
    r"(?:ae|eo|eu|oe|ui|[aeiou])(?:ng|[klmnpt])?))+"
)
# Longer than any Korean name written joined (the lists' longest is 27 letters).
_LONGEST_JOINED = 40


def is_surname_spelling(word: str) -> bool:
    """Whether a Latin word is a Korean surname as the South writes it ("Ahn",
    "Rhee", "Huh"), a spelling no romanisation of its syllable gives."""
    return word in _SURNAMES


@lru_cache(maxsize=65536)
def looks_korean(word: str) -> bool:
    """Whether a Latin word can be romanised Korean syllables: "Kwangchol" can,
    "Aleksandr" (a final "dr") and "Alexander" (an x) cannot."""
    return len(word) <= _LONGEST_JOINED and bool(_ROMANISED_SYLLABLES.fullmatch(word))


def has_hangul(text: str) -> bool:
    return bool(_HANGUL.search(text))


@lru_cache(maxsize=65536)
def korean_key(token: str) -> str:
    """One spelling for the romanisations of a Korean syllable string."""
    text = "".join(
        c
        for c in unicodedata.normalize("NFKD", token.lower())
        if not unicodedata.combining(c)
    )
    latin = re.sub(r"[^a-z]", "", text)
    if not latin:  # Hangul or another script: compared as written
        return text
    # ㄹ starting a word or after ㅇ is r in the North and n in the South:
    # "Rungrado", "Neungnado" (릉라도); "Rodong", "Nodong" (로동, 노동).
    text = (
        _SURNAMES[latin]
        if latin in _SURNAMES
        else _N_BEFORE_I.sub("", _R_AS_N.sub("n", latin))
    )
    for old, new in _CONSONANTS:
        text = text.replace(old, new)
    for old, new in _VOWELS:
        text = text.replace(old, new)
    return text


def romanise_hangul(text: str) -> list[tuple[str, str]]:
    """Latin readings of a name written in Hangul: (system, text) pairs.

    Known organisation words are split off and given their English form; the
    rest is romanised in McCune–Reischauer and in Revised Romanization, word by
    word, so "대성총국" reads "taesŏng general bureau" and "daeseong general bureau".
    """
    readings: dict[str, list[str]] = {"mr": [], "rr": []}
    # Beside words in Latin letters (a body's English words, as Japanese writes
    # them in katakana: "데송 general trading corporation"), a word is no person's.
    beside_latin = not all(has_hangul(word) for word in text.split())
    for word in text.split():
        if not has_hangul(word):
            for parts in readings.values():
                parts.append(word)
            continue
        prefixes = []
        for hangul, english in _HANGUL_PREFIXES.items():
            if word.startswith(hangul) and len(word) > len(hangul):
                prefixes.append(english)
                word = word[len(hangul) :]
        stem, suffixes = _split_suffixes(word)
        # A bare two-to-four-syllable word is most likely a person: surname first,
        # and the given name read syllable by syllable, as lists write it ("O Kuk
        # Ryol" for 오극렬, where the word as a whole would be read "kŭngnyŏl").
        person = not suffixes and not prefixes and 2 <= len(stem) <= 4
        person = person and not beside_latin
        for system, parts in readings.items():
            parts.extend(prefixes)
            if person:
                parts.append(_romanise(stem[:1], system))
                parts.append(
                    "".join(_romanise(syllable, system) for syllable in stem[1:])
                )
            elif stem:
                parts.append(_romanise(stem, system))
            parts.extend(suffixes)
    found = [
        ("McCune–Reischauer", " ".join(readings["mr"])),
        ("Revised Romanization", " ".join(readings["rr"])),
    ]
    found += _vessel_readings(text)
    # Lists give many North Korean bodies under English names: 군수공업부 is the
    # "Munitions Industry Department", not "Kunsu Kongop Pu".
    found += [
        ("translation", translated)
        for translated in translations(text, lambda piece: _romanise(piece, "mr"))
    ]
    return found


# A ship's name: a name, maybe a number, and 호 (號, "number", the suffix of ship
# and train names: Wiktionary 호). OFAC writes North Korean ships syllable by
# syllable, mostly without it ("MU DU BONG" for 무두봉호, "RYE SONG GANG 1" for
# 례성강1호), sometimes with it ("JANG JA SAN CHONG NYON HO").
_VESSEL = re.compile(r"([\uac00-\ud7a3]+?)(\d*)호")


def _vessel_readings(text: str) -> list[tuple[str, str]]:
    """A ship's name read as OFAC writes one: a syllable a word, the number after,
    with 호 as "ho" and, where the name is no person's (three syllables or a
    number before 호: 김정호 is Kim Jong Ho), without it."""
    found = _VESSEL.fullmatch(text.strip())
    if not found:
        return []
    stem, number = found.groups()
    readings = []
    for system, name in (("mr", "McCune–Reischauer"), ("rr", "Revised Romanization")):
        syllables = [_romanise(syllable, system) for syllable in stem]
        if number:
            syllables.append(number)
        readings.append((name, " ".join([*syllables, _romanise("호", system)])))
        if number or len(stem) >= 3:
            readings.append((name, " ".join(syllables)))
    return readings


def _romanise(piece: str, system: str) -> str:
    """Romanise the runs of Hangul syllables in ``piece``; keep anything else.

    ko_pron reads syllables only: a lone jamo ("대성ㄱ") made it raise."""
    from ko_pron import romanise

    return "".join(
        romanise(run, system).replace("-", "").replace("'", "")
        if _HANGUL.fullmatch(run)
        else run
        for run in _HANGUL_RUNS.split(piece)
        if run
    )


def _split_suffixes(word: str) -> tuple[str, list[str]]:
    """Strip known organisation words from the end of a Hangul word."""
    suffixes: list[str] = []
    changed = True
    while changed:
        changed = False
        for hangul in sorted(_HANGUL_WORDS, key=len, reverse=True):
            if word.endswith(hangul) and len(word) > len(hangul):
                suffixes.insert(0, _HANGUL_WORDS[hangul])
                word = word[: -len(hangul)]
                changed = True
                break
    if word in _HANGUL_WORDS:
        return "", [_HANGUL_WORDS[word], *suffixes]
    return word, suffixes


@lru_cache(maxsize=1)
def _romanised_lexicon() -> dict[str, str]:
    """The lexicon's words and names of two syllables or more, by the key of their
    McCune–Reischauer and Revised romanisations ("wiwonhoe" → "committee")."""
    lexicon = load_lexicon()
    table: dict[str, str] = {}
    for hangul, english in {**lexicon.words, **lexicon.names}.items():
        hangul = "".join(hangul.split())
        # Ordinals (제2) are read apart: a romanisation key keeps no digits.
        if len(hangul) < 2 or not _HANGUL.fullmatch(hangul):
            continue
        for system in ("mr", "rr"):
            table.setdefault(korean_key(_romanise(hangul, system)), english)
    return table


def translate_romanised(words: list[str], least: int) -> str | None:
    """An English reading of a romanised Korean name ("Che 2 Kyongje Wiwonhoe" →
    "second economic committee"), or None if fewer than ``least`` written words are
    read from the lexicon. Up to three written words may make one Korean word."""
    table = _romanised_lexicon()
    parts: list[str] = []
    translated = 0  # written words read in translation
    index = 0
    while index < len(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if korean_key(words[index]) == "je" and following in _ORDINALS:
            parts.append(_ORDINALS[following])  # "Che 2": 제2, the second
            translated += 2
            index += 2
            continue
        for width in (3, 2, 1):
            if index + width > len(words):
                continue
            key = korean_key("".join(words[index : index + width]))
            if key in table:
                parts.append(table[key])
                translated += width
                index += width
                break
        else:
            parts.append(words[index])
            index += 1
    return " ".join(parts) if translated >= least else None
