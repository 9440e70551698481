"""How well two names agree, token by token, and why.

Tokens pair exactly, by romanised-Korean key (only where a side is Korean), or by
spelling (Jaro-Winkler ≥ 0.9, for words of four letters or more, and not a mere
prefix: "Jong" is not "Jongun"). The score is the harmonic mean of how much of each
name's weight is covered; then each side's identifying words the other lacks cost
a factor, a word substituted for another costs more (for a person, a different
given name is a different person), and names that differ in the kind of body they
name ("Center", "Bank", "Ministry") cost again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz.distance import OSA, Hamming, JaroWinkler

from laborwatch.match.given_names import (
    is_given_name,
    romanised_given_name,
    same_given_name,
)
from laborwatch.match.korean import is_surname_spelling, korean_key, looks_korean
from laborwatch.match.normalise import (
    BODY_TYPES,
    COUNTRY_WORDS,
    GENERIC_NAME_COUNTRIES,
    NAME_COUNTRIES,
    WRITTEN_AS,
    Token,
    consonant_letters,
    loose,
    skeleton,
)
from laborwatch.match.pinyin import is_syllable, two_names

SPELLING_MIN = 0.9
# "a" and a sun letter written twice: the article al- assimilated ("ad-Dunya").
_JOINED_ARTICLE = re.compile(r"a(t|th|d|dh|r|z|s|sh|n)\1")
_VOWELS = frozenset("aeiou")
# A short word of one consonant and long vowels ("ly", علی, Ali) pairs by that
# consonant with a list word as short.
SHORT_SCRIPT_WORD = 3
LONG_WORD = 11  # from which two edits are allowed, one below
DISTINCTIVE = 0.8  # token weight from which a word identifies a name
SPELLING_MIN_LENGTH = 4  # shorter words must agree exactly or by romanisation
ROMANISATION_SIMILARITY = 0.95
CONSONANT_SIMILARITY = 0.85
VOWEL_SIMILARITY = 0.9
# Consonants from which a word's vowels may differ: an Arabic or Persian root
# (m-h-m-d, k-r-b-k); in shorter words one vowel makes another name ("Jamil",
# "Jamal"; "Jane", "June").
VOWEL_RULE_CONSONANTS = 3
BOILERPLATE_CAP = 0.5  # the most a match on common words alone can score
# Factors, one per word: an identifying word of the query the listed name lacks, of
# the listed name the query lacks, one put in place of another (organisations,
# persons), and a different kind of body.
UNMATCHED_QUERY_WORD = 0.85
UNMATCHED_LISTED_WORD = 0.85
SUBSTITUTED_WORD = 0.85
SUBSTITUTED_GIVEN_NAME = 0.7
# The share of its weight a person's further given name or surname keeps when a
# query names only the first of each (`_extra_names`): "Pedro Sanchez" of Spain stays
# under the threshold against SANCHEZ MEDRANO, Pedro, of another country.
EXTRA_NAME_SHARE = 0.75
SUBSTITUTED_COMMON_WORD = 0.9
OTHER_BODY_TYPE = 0.8
KIND_LEFT_OUT = 0.9
# A person's initial for a listed word it begins: less than the word written out.
INITIAL_SIMILARITY = 0.8
# A word written by some of its consonants ("Cml", "Crdt"): less than written out.
CONTRACTION_SIMILARITY = 0.9
# Two letters side by side swapped ("Snog" for Song), in words this long at least
# (a Korean syllable is short).
SWAPPED_SIMILARITY = 0.9
SWAPPED_MIN = 5
SWAPPED_MIN_KOREAN = 4
# A word cut short with a full stop ("Kor."): its start may begin other words too
# (Korea, Koryo).
CUT_SHORT_SIMILARITY = 0.8
_CONTRACTION_LENGTH = (3, 5)  # letters: "Crdt", "Mgmt"; longer ones are names


@dataclass(frozen=True)
class NameTokens:
    """A name's tokens with the keys `merge_joined` looks up, computed once."""

    tokens: tuple[Token, ...]
    total: float  # the weight of all its tokens
    keys: frozenset[str]
    joined: frozenset[str]
    # The initials of each run of words an acronym may stand for, and the words
    # that may be such an acronym (`merge_initials`).
    run_initials: frozenset[str] = frozenset()
    acronyms: frozenset[str] = frozenset()

    @classmethod
    def of(cls, tokens: tuple[Token, ...]) -> NameTokens:
        return cls(
            tokens,
            sum(token.weight for token in tokens),
            frozenset(token.key for token in tokens),
            frozenset(key for _start, _width, key in joined_runs(tokens)),
            frozenset(letters for _start, _width, letters in _initial_runs(tokens)),
            frozenset(token.text for token in tokens if len(token.text) >= 3),
        )


def align(
    query_name: NameTokens,
    listed_name: NameTokens,
    korean: bool,
    person: bool = False,
    consonants: bool = False,
    vowels: bool = False,
    country_word: str | None = None,
    floor: float = 0.0,
    exact_only: bool = False,
    surname: tuple[str, ...] = (),
    chinese: bool = False,
) -> tuple[float, dict[str, Any]]:
    """How well two token sequences agree (0 to 1), and which tokens paired how
    (``pairs``: query word, listed word, how, similarity; see `pair_records`).

    ``korean`` compares romanised Korean by key; ``person`` makes a substituted
    word a different given name; ``consonants`` pairs words by their consonants
    (a query read from Arabic or Persian script, which writes few vowels);
    ``vowels`` lets a person's name words differ in their vowels (a side tied to
    Arabic or Persian script, see `_pair`); ``country_word``: the word for a
    country the query gives and the entry is in ("korea"), which the query's
    name need not write. ``floor``: a score the caller discards; a pairing
    under it is returned before the factors that could only lower it.
    ``exact_only``: only tokens written the same pair (keys, not words).
    ``surname``: a listed person's surname words, where the list says which
    ("SURNAME, Given"); never forgiven as a patronymic.
    """
    query = merge_joined(query_name, listed_name)
    listed = merge_joined(merge_initials(listed_name, query_name), query_name)
    if consonants:
        listed = _merge_by_consonants(listed, query)
    # Words written the same pair first (no pair scores above them); only the
    # rest are compared pair by pair.
    pairs = []
    exact_listed: dict[str, list[int]] = {}
    for j, b in enumerate(listed):
        exact_listed.setdefault(b.text, []).append(j)
    rest_query = []
    for i, a in enumerate(query):
        if a.text in exact_listed and exact_listed[a.text]:
            pairs.append((1.0, i, exact_listed[a.text].pop(0), "exact"))
        else:
            rest_query.append(i)
    rest_listed = [j for positions in exact_listed.values() for j in positions]
    compared = []
    # Most words compared begin with other letters, which few rules of `_pair`
    # can pair: such pairs are passed over here, without a call.
    listed_initials = (
        {j: _initials(listed[j]) for j in rest_listed} if not consonants else {}
    )
    for i in [] if exact_only else rest_query:
        a = query[i]
        a_initials = _initials(a) if not consonants else None
        for j in rest_listed:
            if a_initials is not None:
                b_initials = listed_initials[j]
                if (
                    b_initials is not None
                    and a_initials[0] != b_initials[0]
                    and a_initials[1] != b_initials[1]
                    and not (a_initials[2] and b_initials[2])
                    and not (person and a_initials[3] and b_initials[3])
                    and not (korean and a.key == listed[j].key)
                    and not (korean and _first_two_swapped(a.text, listed[j].text))
                ):
                    continue
            similarity, how = _pair(
                query[i],
                listed[j],
                korean,
                person,
                consonants,
                vowels,
                chinese,
                surname,
            )
            if how:
                compared.append((similarity, i, j, how))
    compared.sort(key=lambda pair: -pair[0])
    pairs += compared
    used_query: set[int] = set()
    used_listed: set[int] = set()
    matched = []
    query_covered = listed_covered = 0.0
    for similarity, i, j, how in pairs:
        if i in used_query or j in used_listed:
            continue
        used_query.add(i)
        used_listed.add(j)
        query_covered += query[i].weight * similarity
        listed_covered += listed[j].weight * similarity
        matched.append((query[i].text, listed[j].text, how, similarity))
    # A joined pair weighs less than its two tokens did.
    query_total = (
        query_name.total
        if query is query_name.tokens
        else sum(token.weight for token in query)
    )
    listed_total = (
        listed_name.total
        if listed is listed_name.tokens
        else sum(token.weight for token in listed)
    )
    if (
        floor
        and matched
        and query_total
        and listed_total
        and not country_word
        and not (person and len(surname) > 1)
    ):
        # Most names aligned end under the floor. Where nothing below can change
        # the totals, the score is known here: return it before the rest is
        # worked out (the caller reads no more than the pairs of such a name).
        precision = query_covered / query_total
        recall = listed_covered / listed_total
        score = 2 * precision * recall / (precision + recall)
        if score < floor:
            return score, {"pairs": matched}
    unmatched_query = [t for k, t in enumerate(query) if k not in used_query]
    unmatched_listed = [t for k, t in enumerate(listed) if k not in used_listed]
    detail: dict[str, Any] = {
        "pairs": matched,
        "unmatched_query": [t.text for t in unmatched_query],
        "unmatched_list": [t.text for t in unmatched_listed],
    }
    if country_word:
        # KOREA TAESONG TRADING COMPANY is "Taesong Trading Company" in North
        # Korea: the listed name's word for the country lacks from no query of it.
        given = [
            token
            for token in unmatched_listed
            if COUNTRY_WORDS.get(token.text, token.text) == country_word
        ]
        if given:
            detail["country_word_given"] = [token.text for token in given]
            listed_total -= sum(token.weight for token in given)
    # A person's every query word the listed one or another spelling of it.
    same_words = person and all(how in _SAME_WORD for *_, how, _s in matched)
    extra = (
        _extra_names(listed, matched, unmatched_listed, surname)
        if same_words
        and len(surname) > 1
        and not (korean or chinese or unmatched_query)
        else frozenset()
    )
    if extra:
        # Counted at a fraction of their weight: the name is shorter, not another.
        # Before the floor below: this raises the score.
        detail["extra_names_left_out"] = sorted(extra)
        listed_total -= (1 - EXTRA_NAME_SHARE) * sum(
            t.weight for t in unmatched_listed if t.text in extra
        )
    if not query_total or not listed_total or not matched:
        return 0.0, detail
    precision = query_covered / query_total
    recall = listed_covered / listed_total
    score = 2 * precision * recall / (precision + recall)
    if score < floor:
        return score, detail
    # A person named by given name and surname, each the listed word or its other
    # spelling, lacks only a patronymic the list adds ("Yevgeny Kuivashev" for
    # KUYVASHEV, Evgeniy Vladimirovich): reports and files leave it out.
    forgivable = (
        _patronymics(listed, unmatched_listed, surname) | extra
        if same_words
        else frozenset()
    )
    score *= _penalties(unmatched_query, unmatched_listed, person, detail, forgivable)
    kinds_left_out = (
        {t.text for t in unmatched_listed} & _PLACED_BODIES if not person else set()
    )
    if kinds_left_out and not any(
        t.text in _PLACED_BODIES or t.text in BODY_TYPES for t in query
    ):
        # A prison, police or court named for its place, which a query naming no
        # kind of body lacks: "Tehran Province" is the province, not TEHRAN
        # PROVINCE PRISONS; "Shahr-e Rey" the town, not SHAHR-E REY PRISON.
        detail["kind_left_out"] = sorted(kinds_left_out)
        score *= KIND_LEFT_OUT
    differing = [
        token
        for token in (*unmatched_query, *unmatched_listed)
        if token.text not in COUNTRY_WORDS
    ]
    if differing and not any(query[i].weight >= DISTINCTIVE for i in used_query):
        # "Korea Trading Company" and "Foreign Trade Bank" share only boilerplate.
        detail["boilerplate_only"] = True
        score = min(score, BOILERPLATE_CAP)
    elif (
        unmatched_query
        and all(
            token.weight < 1.0
            or token.text in GENERIC_NAME_COUNTRIES
            or token.text in _GENERIC_KINDS
            for token in listed
        )
        and (
            # An airline's name with a common word more is still the airline:
            # "Iran National Airlines" is IRAN AIR.
            _GENERIC_KINDS.isdisjoint(token.text for token in listed)
            or any(token.weight >= DISTINCTIVE for token in unmatched_query)
        )
    ):
        # A listed name of common words alone ("Industrial Bank"), or of common
        # words and a country ("Commercial Bank of Syria", "Iran Air"), matches
        # only in full: "Industrial Bank of Korea" and "Syrian Commercial Bank
        # Damascus" are other banks.
        detail["generic_name"] = True
        score = min(score, BOILERPLATE_CAP)
    return score, detail


def _initials(token: Token) -> tuple[str, str, bool, bool] | None:
    """A word's first letters as `_apart_from_the_first_letter` reads them (loose,
    as written, whether a vowel), and whether it is a given name
    `same_given_name` knows; None where a rule of `_pair` before that test may
    pair it with a word that begins otherwise (`_first_letters`)."""
    return _first_letters(token.text, token.loose, token.abbreviated)


@lru_cache(maxsize=65536)
def _first_letters(
    text: str, loose: str, abbreviated: str
) -> tuple[str, str, bool, bool] | None:
    if (
        not loose
        or not text
        or loose.startswith("ie")
        or abbreviated  # "Bur." for office, read as bureau
        or text.startswith(_RUN_MARK)
        or text in COUNTRY_WORDS  # "Choson", "Korea"
        or text in _PERSIAN_AND
        or _without_article(text) is not None  # "Addounia", "Dunya"
    ):
        return None
    return loose[0], text[0], loose[0] in _VOWELS, is_given_name(text)


def _pair(
    a: Token,
    b: Token,
    korean: bool,
    person: bool,
    consonants: bool,
    vowels: bool,
    chinese: bool = False,
    surname: tuple[str, ...] = (),
) -> tuple[float, str]:
    """How alike two words are, and by which rule ("" for none). ``surname``: the
    listed person's surname words, where the list marks them."""
    if b.text.startswith(_RUN_MARK) or a.text.startswith(_RUN_MARK):
        # A listed run of words joined as its acronym (`merge_initials`).
        if _RUN_MARK + a.text == b.text or _RUN_MARK + b.text == a.text:
            return ACRONYM_RUN_SIMILARITY, "acronym"
        return 0.0, ""
    if a.key == b.key and korean:
        return ROMANISATION_SIMILARITY, "romanisation"
    if (
        a.text in COUNTRY_WORDS
        and b.text in COUNTRY_WORDS
        and COUNTRY_WORDS[a.text] == COUNTRY_WORDS[b.text]
    ):
        return ROMANISATION_SIMILARITY, "synonym"  # "Choson" and "Korea"
    first, second = a.loose, b.loose
    if (
        first == second
        and (
            len(a.text) >= SPELLING_MIN_LENGTH
            or (vowels and consonant_letters(a.text) == consonant_letters(b.text))
        )
        and not (_ACRONYM.fullmatch(a.text) and _ACRONYM.fullmatch(b.text))
    ):
        # "Alexey", "Aleksei"; not two acronyms, whose letters are words each:
        # "HTTS" is not "HTS". A short word too where Persian or Arabic is
        # romanised, if only its vowels are written otherwise (long vowels as
        # one pleases): "Tus", TOOS; not "Han", KHAN.
        return ROMANISATION_SIMILARITY, "transliteration"
    if _without_article(a.text) == second or _without_article(b.text) == first:
        return ROMANISATION_SIMILARITY, "article"  # "Addounia" and "(Al-)Dunya"
    if person and same_given_name(a.text, b.text):
        # "Ihor", "Igor"; "Ghasem", "Qasim". A romanisation counts as a vowel
        # written otherwise does ("Mohammed", MOHAMMAD): a name shared by so many,
        # with a word of the listed name left out, stays under the threshold
        # ("Mohamed Salah" is not SALAH, Ali Mohammad).
        if romanised_given_name(a.text):
            return VOWEL_SIMILARITY, "given name"
        return ROMANISATION_SIMILARITY, "given name"
    if (
        vowels
        and a.text in _PERSIAN_AND
        and b.text in _PERSIAN_AND
        and a.text != b.text
    ):
        # Persian و, "and", romanised both ways: "Tarh va Palayesh", TARH O
        # PALAYESH (OFAC SDN).
        return ROMANISATION_SIMILARITY, "synonym"
    if consonants and (
        len(skeleton(a.text)) >= 2
        or (len(a.text) <= SHORT_SCRIPT_WORD and len(b.text) <= SHORT_SCRIPT_WORD + 1)
    ):
        read, listed = skeleton(a.text), skeleton(b.text)
        # A final h the script writes (taa marbuta, Persian silent he) that the
        # list does not: "Hamza" (حمزة), "Mobarake" (مبارکه).
        if read == listed or (
            len(listed) >= 3 and read.endswith("h") and read[:-1] == listed
        ):
            return CONSONANT_SIMILARITY, "consonants"
    if not person and _cut_short(a, b.text):
        # "Kor. Mining", "External Construction Bur.", "Daedong Cr. Bank": a
        # body's word cut short with a full stop, as supplier files write them.
        return CUT_SHORT_SIMILARITY, "abbreviation"
    if korean and _korean_syllable_swapped(a.text, b.text):
        # A slip of the hand that leaves no Korean syllable: "Amn" for MAN.
        return SWAPPED_SIMILARITY, "spelling"
    if _apart_from_the_first_letter(a.text, b.text, first, second):
        # Every rule below keeps a word's first letter, or a vowel for a vowel.
        return 0.0, ""
    if person and surname and _final_devoiced(first, second) and b.text not in surname:
        # Turkic languages write an Arabic given name's final d as t: "Farit"
        # (Tatar Фарит) and "Farid", "Ahmet" and "Ahmed", "Rashit" and "Rashid".
        # Only a given name, where the list marks the surname: Kurt is a Turkish
        # surname, AL-KURD another.
        return ROMANISATION_SIMILARITY, "final consonant"
    if (
        not person
        and first != second
        and (
            (
                (stem := _place_adjective(first)) is not None
                and stem == _place_adjective(second)
            )
            or _adjective_of(first, second)
            or _adjective_of(second, first)
        )
    ):
        # A Russian body named for its town by an adjective: "Orskiy" (Орский)
        # of Orsk, "Novosibirskiy" of Novosibirsk, "Kirovskiy" of Kirov, as the
        # lists transliterate it.
        return ROMANISATION_SIMILARITY, "place adjective"
    if not person and vowels and _short_vowel_written_apart(a.text, b.text):
        # A body's word romanised from Persian or Arabic script, which leaves its
        # short vowels unwritten: kasra as e or i, damma as o or u ("Hijab
        # Textile", HEJAB TEXTILE COMPANY; "Isfahan", "Esfahan"). Only these
        # pairs, in place: "Saipa" is not "Sapa", nor "Sina" "Sana".
        return VOWEL_SIMILARITY, "vowels"
    if not person and _plural_of(first, second):
        # "Forces" and "Force", "Projects" and "Project": one word in a body's
        # name (a person's "Peters" is not "Peter").
        return ROMANISATION_SIMILARITY, "plural"
    if not person and (
        _contraction_of(a.text, b.text) or _contraction_of(b.text, a.text)
    ):
        # "Cml" for Commercial, "Crdt" for Credit: a body's word written by its
        # consonants, as bank statements and customs records shorten words.
        return CONTRACTION_SIMILARITY, "contraction"
    if person and _initial_of(a.text, b.text):
        # "Sergei M. Kozlov" for KOZLOV, Sergey Mikhaylovich; "A. Mkrtychev".
        return INITIAL_SIMILARITY, "initial"
    if _swapped(a.text, b.text, SWAPPED_MIN_KOREAN if korean else SWAPPED_MIN):
        # Two letters typed in each other's place, a slip of the hand: "Snog" for
        # SONG, "Koyng" for KYONG, which a Korean syllable's other rules refuse.
        # Not in a word of four letters but a Korean one ("Lina" is not "Lian").
        return SWAPPED_SIMILARITY, "spelling"
    if min(len(a.text), len(b.text)) < SPELLING_MIN_LENGTH or (
        korean and person and looks_korean(a.text) and looks_korean(b.text)
    ):
        # A Korean given name is a syllable or two: "Chihun" is not "Chun". A
        # Russian listed under a North Korea programme is spelt as Russians are.
        return 0.0, ""
    same_vowels = (
        person and not korean and _vowel_pattern(first) == _vowel_pattern(second)
    )
    if (
        same_vowels
        and vowels
        and (
            min(len(skeleton(a.text)), len(skeleton(b.text))) >= VOWEL_RULE_CONSONANTS
            or _short_root(first, second)
        )
    ):
        # Arabic and Persian write few vowels, and romanisations supply them as
        # they please: "Kheirbek", "Khayrbik"; "Mohammed", "Muhammad". The same
        # first letter and consonants, as many vowels in the same places: "Hasan"
        # is not "Hosni", nor "Omar" "Amir". Persons only: a company's name is
        # spelt as it is registered ("Saipa" is not "Sapa"); and only where a side
        # is tied to that script: "Martin" and "Morten" are two Western names.
        return VOWEL_SIMILARITY, "vowels"
    if (
        person
        and vowels
        and not korean
        and _vowel_left_out(_vowel_pattern(first), _vowel_pattern(second))
    ):
        # A short vowel the script does not write, romanised or left out as the
        # name is said: "Hamwi", HAMAWI (حموي). Less than vowels written apart.
        return CONSONANT_SIMILARITY, "vowel left out"
    if person and chinese and two_names(a.text, b.text):
        # Two pinyin words that differ are two Chinese names, however alike:
        # "Zhiqiang" (志强) is not "Zhiqing" (志清). Only where a side is Chinese:
        # "Moreno", "Shinoda" and "Suliman" read as pinyin too.
        return 0.0, ""
    similarity = _spelling(first, second)
    if not similarity and korean and not person and _vowel_dropped(a.key, b.key):
        # A Korean body's word with a vowel letter left out once both are read
        # as one romanisation: "Haeseong" (haesong), a list's "HESONG" (해성). Not
        # a letter in place of another: the keys already join ch and j, k and g
        # ("Tangun" is not TANCHON).
        similarity = JaroWinkler.normalized_similarity(a.key, b.key)
    if similarity:
        if same_vowels:
            # A person's word a vowel off in the same place pairs no closer than
            # the vowels rule pairs it, where that rule does not apply: "Oleg
            # Deripasko" is not DERIPASKA, Oleg.
            similarity = min(similarity, VOWEL_SIMILARITY)
        return similarity, "spelling"
    if not korean and _INITIAL_YE.sub("", first) == _INITIAL_YE.sub("", second):
        # Russian е starting a word, "ye" in BGN/PCGN and "e" in passports:
        # "Yevgenyevich", "Evgenievich"; "Yelena", "Elena" (`loose` spells y
        # as i). Not romanised Korean, where "ye" is a vowel of its own.
        return ROMANISATION_SIMILARITY, "transliteration"
    return 0.0, ""


def _apart_from_the_first_letter(
    first_text: str, second_text: str, first: str, second: str
) -> bool:
    """Whether two words (as written, and their loose spellings) begin with other
    letters, not both vowels, and neither with the "ye" `_INITIAL_YE` drops."""
    return bool(
        first
        and second
        and first[0] != second[0]
        and first_text[0] != second_text[0]
        and not (first[0] in _VOWELS and second[0] in _VOWELS)
        and not (first.startswith("ie") or second.startswith("ie"))
    )


_ACRONYM = re.compile(r"[b-df-hj-np-tv-xz]+")  # Latin letters, no vowel
_PERSIAN_AND = frozenset({"va", "o"})  # و romanised


def _final_devoiced(first: str, second: str) -> bool:
    """Whether two loose spellings differ only in a final d and t."""
    return (
        len(first) == len(second) >= SPELLING_MIN_LENGTH
        and first[:-1] == second[:-1]
        and {first[-1], second[-1]} == {"d", "t"}
    )


def _vowel_dropped(first: str, second: str) -> bool:
    """Whether one word is the other with one vowel letter left out."""
    if len(first) < len(second):
        first, second = second, first
    return (
        len(first) == len(second) + 1
        and len(second) >= SPELLING_MIN_LENGTH
        and any(
            first[i] in "aeiouwy" and first[:i] + first[i + 1 :] == second
            for i in range(len(first))
        )
    )


# A loose spelling's "ye" (y as i) starting a word: `_pair`.
_INITIAL_YE = re.compile(r"^i(?=e)")


def _spelling(first: str, second: str) -> float:
    """How alike two loose spellings are as one word misspelt, or 0."""
    shortest = min(len(first), len(second))
    if (
        (first[0] != second[0] and not {first[0], second[0]} <= _VOWELS)
        or abs(len(first) - len(second)) > 2
        or shortest < 6
    ):
        # Misspellings keep the first letter ("Eiko" is not "Reyco"), if not a vowel
        # (Ebrahim, Ibrahim); a letter off in a short name is another name ("Zarin",
        # "Zarif").
        return 0.0
    if _joins_digraph(first, second):
        return 0.0
    similarity = JaroWinkler.normalized_similarity(first, second)
    # Jaro-Winkler rewards a shared beginning; the edit distance keeps "Mishin"
    # from "Mishustin" and "Jong" from "Jongun". Two letters swapped are one slip
    # of the hand ("Tradign"), as a letter left out is.
    if similarity >= SPELLING_MIN and OSA.distance(first, second) <= (
        2 if shortest >= LONG_WORD else 1
    ):
        return similarity
    return 0.0


# Words that name a kind of body in a generic name, though they weigh as a
# distinctive word elsewhere ("Air Force"): "Iran Air" is the country's airline,
# and "Iran Aseman Airlines" another.
_GENERIC_KINDS = frozenset({"air"})


def _swapped(first: str, second: str, minimum: int) -> bool:
    """Whether two words of ``minimum`` letters or more are one with two letters
    side by side swapped, not the last two: a name's ending swapped is often
    another name (Fathi, Fatih; Hamdi, Hamid; Tina, Tian)."""
    return first[-1:] == second[-1:] and _one_swap_apart(first, second, minimum)


def _one_swap_apart(first: str, second: str, minimum: int) -> bool:
    """Whether two words of ``minimum`` letters or more are one with two letters
    side by side swapped, wherever they stand."""
    # Two letters apart in place, one edit when a swap is one: a swap of two.
    return (
        len(first) == len(second) >= minimum
        and Hamming.distance(first, second) == 2
        and OSA.distance(first, second) == 1
    )


def _korean_syllable_swapped(typed: str, listed: str) -> bool:
    """Whether a word that no Korean syllables make is a listed Korean word with two
    letters side by side swapped, of three letters or more, the last two too: "Amn"
    for MAN, "Yku" for KYU, "Chlo" for CHOL, "Myondgok" for MYONGDOK. A word that
    is a syllable itself, or a surname as the South spells it, is a name of its own
    ("Ahn" is not HAN)."""
    return (
        _one_swap_apart(typed, listed, 3)
        and not looks_korean(typed)
        and not is_surname_spelling(typed)
        and looks_korean(listed)
    )


def _first_two_swapped(first: str, second: str) -> bool:
    """Whether two words differ by their first two letters swapped ("Yku", "Kyu")."""
    return (
        len(first) == len(second) >= 3
        and first[0] == second[1]
        and first[1] == second[0]
        and first[0] != first[1]
        and first[2:] == second[2:]
    )


def _joins_digraph(first: str, second: str) -> bool:
    """Whether one word is the other with a vowel left out between a consonant and
    an h, which makes the two one sound: Zakharov (Захаров, loosely "zaharov") is
    not Zharov (Жаров), nor Sahar Shar."""
    if len(first) < len(second):
        first, second = second, first
    return len(first) == len(second) + 1 and any(
        first[index] in _VOWELS
        and first[index - 1] in "zscktg"
        and first[index + 1] == "h"
        and first[:index] + first[index + 1 :] == second
        for index in range(1, len(first) - 1)
    )


def _vowel_left_out(first: str, second: str) -> bool:
    """Whether one vowel pattern (`_vowel_pattern`) is the other with one vowel
    between consonants left out, of three consonants or more: "h*mw*" of
    "h*m*w*"; not "h*sn*" of "h*s*n" (Hosni, Hasan)."""
    if len(first) == len(second):
        return False
    short, long = (first, second) if len(first) < len(second) else (second, first)
    if len(long) != len(short) + 1 or len(short.replace("*", "")) < 3:
        return False
    return any(
        long[index] == "*"
        and long[index - 1] != "*"
        and long[index + 1] != "*"
        and long[:index] + long[index + 1 :] == short
        for index in range(1, len(long) - 1)
    )


# Russian adjective endings after -sk (-ский, -ская, -ское, -ского), in the
# transliterations lists use (BGN/PCGN -skiy, -skaya, -skoye; -skii, -sky), as
# `loose` spells them (y as i).
_SK_ADJECTIVE = re.compile(r"(?<=[a-z]{2}sk)(?:i|aia|oie|oe|oi|ogo)$")


@lru_cache(maxsize=65536)
def _place_adjective(word: str) -> str | None:
    """A loose spelling's stem in -sk where it ends as a Russian adjective of a
    place ("orskii" → "orsk") or is that stem ("orsk"); else None."""
    if word.endswith("sk") and len(word) >= 4:
        return word
    stem = _SK_ADJECTIVE.sub("", word)
    return stem if stem != word else None


def place_names(word: str) -> tuple[str, ...]:
    """The loose spellings of the name a Russian word in -sk is made from, the
    first the name as written before -sk: a place's adjective in -skiy, less a
    final vowel or the s that `loose` joins to the suffix ("kirovskii": Kirov,
    "tulskii": Tula, "arzamaski": Arzamas), and a place in -sk named for a river
    or a person ("irkutsk": Irkut, "habarovsk": Khabarov); else nothing."""
    stem = _place_adjective(word)
    if stem is None:
        return ()
    root = stem[:-2]
    if stem != word:
        return (root, root + "a", root + "s") if len(root) >= _PLACE_MIN else ()
    return (root,) if len(root) >= _NAMED_PLACE_MIN else ()


_PLACE_MIN = 3  # letters of a place's name before -skiy: "Tul" of Tula
# Letters of a name before a place's -sk: "Irkut" of Irkutsk; "Min" (Minsk) and
# "Tom" (Tomsk) are too short to tell from other words.
_NAMED_PLACE_MIN = 5


def _adjective_of(word: str, name: str) -> bool:
    """Whether the first loose spelling is a Russian word in -sk made from the
    name the second is (`place_names`): "kirovskii" of "kirov", "tulskii" of
    "tula", "moskovskii" of "moskov" (Moscow), "irkutsk" of "irkut"."""
    if len(name) <= _PLACE_MIN:
        return False
    names = place_names(word)
    return bool(names) and (
        name in names or (name[-1] in _VOWELS and name[:-1] == names[0])
    )


_PLURAL_MIN = 4  # letters of the singular: "Arms" is no plural of "Arm"


def _plural_of(first: str, second: str) -> bool:
    """Whether one loose spelling is the other with -s or -es."""
    if not 1 <= abs(len(first) - len(second)) <= 2:
        return False
    short, long = (first, second) if len(first) < len(second) else (second, first)
    return len(short) >= _PLURAL_MIN and long in (short + "s", short + "es")


def _short_root(first: str, second: str) -> bool:
    """Whether two loose spellings are a name of two consonants written out to
    four letters or more that both end in a consonant: "fuad", "foad"; "vahed",
    "vahid"; "iusef", "iusuf". Its vowels are the romaniser's as a longer root's
    are; a final vowel is not ("Rami", "Rima" are two names)."""
    return (
        min(len(first), len(second)) >= SPELLING_MIN_LENGTH
        and first[-1] not in _VOWELS
        and second[-1] not in _VOWELS
    )


_SHORT_VOWEL_PAIRS = frozenset({("e", "i"), ("i", "e"), ("o", "u"), ("u", "o")})


def _short_vowel_written_apart(first: str, second: str) -> bool:
    """Whether two words of four letters or more differ only where one writes e
    and the other i, or one o and the other u."""
    if len(first) != len(second) or len(first) < 4 or first == second:
        return False
    return all(
        x == y or (x, y) in _SHORT_VOWEL_PAIRS
        for x, y in zip(first, second, strict=True)
    )


def _initial_of(first: str, second: str) -> bool:
    """Whether one word is a single letter the other (of two letters or more)
    begins with."""
    if len(first) == 1:
        return len(second) > 1 and second[0] == first
    return len(second) == 1 and len(first) > 1 and first[0] == second


def _cut_short(short: Token, word: str) -> bool:
    """Whether ``short``, written with a full stop, is the start of ``word`` (or
    of a word read as it) and leaves at least two of its letters out ("kor" of
    "korea", "bur" of "bureau", read as "office")."""
    cut = short.abbreviated
    written_as = WRITTEN_AS.get(word, ()) if len(cut) >= 3 else ()
    if not cut or not any(
        len(written) >= len(cut) + 2 and written.startswith(cut)
        for written in (word, *written_as)
    ):
        return False
    # "Kor." in a supplier file is Korea, not Koryo: a word cut where a
    # country's name begins is that country.
    return word in _COUNTRIES_CUT_SHORT or not any(
        country.startswith(cut) for country in _COUNTRIES_CUT_SHORT
    )


_COUNTRIES_CUT_SHORT = ("korea", "china", "russia", "iran", "syria", "japan")


def _contraction_of(short: str, word: str) -> bool:
    """Whether ``short`` is ``word`` written by some of its consonants, first and
    last kept: "cml" of "commercial", "crdt" of "credit"; not a word with a vowel
    ("bank"), nor one of two letters."""
    low, high = _CONTRACTION_LENGTH
    if not low <= len(short) <= high or len(word) < len(short) + 2:
        return False
    if short[0] != word[0] or short[-1] != word[-1] or _VOWEL_RUNS.search(short):
        return False
    letters = iter(word)
    return all(letter in letters for letter in short)


_VOWEL_RUNS = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=65536)
def _vowel_pattern(word: str) -> str:
    """A loose spelling's first letter, then its consonants with each run of
    vowels as a mark per vowel: "mohamed" and "muhamad" are both "m*h*m*d",
    "heirbek" and "hairbik" "h**rb*k"."""
    return word[0] + _VOWEL_RUNS.sub(lambda run: "*" * len(run.group(0)), word[1:])


@lru_cache(maxsize=65536)
def _without_article(word: str) -> str | None:
    """The loose spelling of a word that starts with the Arabic article joined and
    assimilated to a sun letter ("Addounia", "Arrahman", "Ash-Shams" written as
    one), without it; None for any other word."""
    found = _JOINED_ARTICLE.match(word)
    rest = word[found.end() - len(found.group(1)) :] if found else ""
    return loose(rest) if len(rest) > SPELLING_MIN_LENGTH else None


def _penalties(
    unmatched_query: list[Token],
    unmatched_listed: list[Token],
    person: bool,
    detail: dict[str, Any],
    patronymics: frozenset[str] = frozenset(),
) -> float:
    """The factor for what one name says and the other does not; a listed
    patronymic the query leaves out (``patronymics``, `_patronymics`) costs only
    its share of the name."""
    factor = 1.0
    # A country the query's name adds ("Real Estate Bank of Syria") is weighed
    # against the entry's countries by the matcher, not as a word of another name.
    query_words = [
        t.text
        for t in unmatched_query
        if t.weight >= DISTINCTIVE and t.text not in NAME_COUNTRIES
    ]
    listed_words = [t.text for t in unmatched_listed if t.weight >= DISTINCTIVE]
    left_out = [word for word in listed_words if word in patronymics]
    if left_out and not unmatched_query:
        detail["patronymic_left_out"] = left_out
        listed_words = [word for word in listed_words if word not in patronymics]
    substituted = min(len(query_words), len(listed_words))
    if query_words:
        # "Joseon Palace Hotel" is not "Hotel Palace".
        detail["unmatched_identifying"] = query_words
        factor *= UNMATCHED_QUERY_WORD ** len(query_words)
    if len(listed_words) > substituted:
        # "Korea X Inc." is not "Korea X Y Center": a listed word counts too.
        detail["unmatched_listed_identifying"] = listed_words
        factor *= UNMATCHED_LISTED_WORD ** (len(listed_words) - substituted)
    common_words = [
        t.text
        for t in unmatched_query
        if t.weight < DISTINCTIVE and t.text not in COUNTRY_WORDS
    ]
    if common_words and len(listed_words) > substituted and not person:
        # "Saint Petersburg State University" for "... Mining University": a
        # common word in place of the listed one names another body.
        detail["substituted_common"] = common_words
        factor *= SUBSTITUTED_COMMON_WORD
    if substituted:
        # "Kim Jong Il" for "Kim Jong Un": one word in place of another.
        detail["substituted"] = substituted
        factor *= (
            SUBSTITUTED_GIVEN_NAME if person else SUBSTITUTED_WORD
        ) ** substituted
    query_left = {t.text for t in unmatched_query}
    listed_left = {t.text for t in unmatched_listed}
    query_types = query_left & BODY_TYPES
    listed_types = listed_left & BODY_TYPES
    # A bank is no trading company: "Bank of East Asia" is not EAST ASIA TRADING
    # IMPORT AND EXPORT TRADE CO. (a trading company and a bureau can be one body:
    # 대성총국, KOREA DAESONG GENERAL TRADING CORPORATION).
    query_kinds = query_left & _BANK_OR_TRADER
    listed_kinds = listed_left & _BANK_OR_TRADER
    if query_kinds and listed_kinds and query_kinds | listed_kinds == _BANK_OR_TRADER:
        query_types |= query_kinds
        listed_types |= listed_kinds
    if query_types and listed_types:
        detail["body_types"] = {
            "query": sorted(query_types),
            "list": sorted(listed_types),
        }
        factor *= OTHER_BODY_TYPE
    return factor


_BANK_OR_TRADER = frozenset({"bank", "trading"})
# Bodies of state that lists name for their place (`align`).
_PLACED_BODIES = frozenset(
    # and as romanised Persian, Arabic and Russian write "prison"
    {
        "prison",
        "prisons",
        "jail",
        "police",
        "court",
        "courts",
        "zendan",
        "sijn",
        "tyurma",
    }
)
# Pairings that are the same word, not a near spelling: a missing patronymic is
# forgiven only beside them ("Oleg Deripasko" is a spelling of DERIPASKA, Oleg
# Vladimirovich, and another man).
_SAME_WORD = frozenset(
    {
        "exact",
        "transliteration",
        "given name",
        "final consonant",
        "romanisation",
        "article",
    }
)
# East Slavic patronymics as the lists romanise them: Russian -ovich, -evich, -ich,
# -ovna, -evna, -ichna (Vladimirovich, Sergeyevich, Ilyich, Petrovna); Ukrainian
# -ovych, -ych, -ivna (Mykolaiovych, Illich, Petrivna).
_PATRONYMIC = re.compile(r"(?:vich|vych|ich|ych|ovna|evna|ivna|ichna|ychna)$")


def _extra_names(
    listed: tuple[Token, ...],
    matched: list[tuple[str, str, str, float]],
    unmatched: list[Token],
    surname: tuple[str, ...],
) -> frozenset[str]:
    """The listed person's further given names and second surname that a query
    naming the first of each leaves out: "Delcy Rodríguez" for RODRIGUEZ GOMEZ, Delcy
    Eloina, as reports write Spanish and Portuguese names. Only where the list gives
    two surnames or more: a given name of two words under one surname is as often
    one name ("Mohammad Hosseini" is not HOSSEINI, Mohammad Ali)."""
    if len(surname) < 2:
        return frozenset()
    given = [t.text for t in listed if t.text not in surname]
    names = {listed_word for _q, listed_word, _how, _s in matched}
    if not given or given[0] not in names or surname[0] not in names:
        return frozenset()
    further = set(surname[1:]) | set(given[1:])
    return frozenset(t.text for t in unmatched if t.text in further)


def _patronymics(
    listed: tuple[Token, ...], unmatched: list[Token], surname: tuple[str, ...]
) -> frozenset[str]:
    """The listed words the query leaves out that are a person's patronymic: one
    ending as one, between the given name and the surname, so neither the surname
    the list marks ("MIKLASHEVICH, Petr Petrovich") nor, where it marks none, the
    first or the last word (Slavic and Pashto surnames end alike: BARICH)."""
    if len(listed) < 3:
        return frozenset()
    ends = {listed[0].text, listed[-1].text}
    return frozenset(
        token.text
        for token in unmatched
        if _PATRONYMIC.search(token.text)
        and token.text not in surname
        and (surname or token.text not in ends)
    )


def merge_joined(name: NameTokens, other: NameTokens) -> tuple[Token, ...]:
    """Join adjacent tokens that the other side writes as one ("Jong Un" / "Jongun",
    "MU DU BONG" / "Mudubong")."""
    tokens, other_keys = name.tokens, other.keys
    if other_keys.isdisjoint(name.joined):
        return tokens
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        for width in (3, 2):
            run = tokens[index : index + width]
            if len(run) < width or (width == 3 and not _syllables(run)):
                continue
            key = korean_key("".join(token.text for token in run))
            if key in other_keys and run[0].key not in other_keys:
                text = "".join(token.text for token in run)
                merged.append(Token.of(text, key, max(t.weight for t in run)))
                index += width
                break
        else:
            merged.append(tokens[index])
            index += 1
    return tuple(merged)


# Runs of words an acronym in a name may stand for: "MSS" for Ministry (of) State
# Security, "MPS" for Ministry (of) People's Security, as reports on North Korea
# write them ("MSS Border Guard Gen. Bureau").
_ACRONYM_RUN = (2, 4)
# A run written as its acronym: less than its words written out.
ACRONYM_RUN_SIMILARITY = 0.9
# Marks a joined run's acronym, so that it pairs only by the rule for it.
_RUN_MARK = "^"


def _initial_runs(tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """(start, width, initials) of each run of two to four words of letters."""
    low, high = _ACRONYM_RUN
    return [
        (
            start,
            width,
            "".join(token.text[0] for token in tokens[start : start + width]),
        )
        for width in range(high, low - 1, -1)
        for start in range(len(tokens) - width + 1)
        if all(token.text.isalpha() for token in tokens[start : start + width])
    ]


def merge_initials(name: NameTokens, other: NameTokens) -> NameTokens:
    """Join a run of the listed name's words that the other side writes as their
    initials, one word of three letters or more the listed name lacks: "MSS Prisons
    Bureau" for MINISTRY OF STATE SECURITY PRISONS BUREAU. The joined word weighs
    what its words did and pairs at ACRONYM_RUN_SIMILARITY, so the name written out
    still scores higher. The run names a body (a ministry, an institute, a corps:
    a body above the one listed, as reports abbreviate them), and an identifying
    word is left outside it: "KSS Line" is no acronym of KHAZAR SEA SHIPPING LINES
    (a name's initials alone are a lead, not a match: `Matcher`'s initials hits)."""
    wanted = (other.acronyms & name.run_initials) - name.keys
    if not wanted:
        return name
    tokens = name.tokens
    for start, width, letters in _initial_runs(tokens):
        if letters not in wanted:
            continue
        run = tokens[start : start + width]
        before, after = tokens[:start], tokens[start + width :]
        if any(token.text in BODY_TYPES for token in run) and any(
            token.weight >= DISTINCTIVE for token in (*before, *after)
        ):
            joined = Token.of(_RUN_MARK + letters, letters, sum(t.weight for t in run))
            return NameTokens.of((*before, joined, *after))
    return name


# The longest romanised Korean syllable: "kkwaeng", "chwang".
_SYLLABLE_LENGTH = 7


def _syllables(run: tuple[Token, ...]) -> bool:
    """Whether each token is one romanised Korean syllable, as OFAC writes North
    Korean vessels and places ("MU DU BONG", "TAE DONG GANG"), or one pinyin
    syllable, as it writes Chinese ones ("XIN GUANG HAI", written "Xinguanghai")."""
    return all(
        len(token.text) <= _SYLLABLE_LENGTH
        and (
            (
                looks_korean(token.text)
                and len(_SYLLABLE_VOWELS.findall(token.text)) == 1
            )
            or is_syllable(token.text)
        )
        for token in run
    )


_SYLLABLE_VOWELS = re.compile(r"[aeiouwy]+")


def joined_runs(tokens: tuple[Token, ...]) -> list[tuple[int, int, str]]:
    """(start, width, key) of each run of tokens a name may write as one word:
    any two adjacent tokens, and three one-syllable Korean words."""
    runs = [
        (index, 2, joined_key(a, b))
        for index, (a, b) in enumerate(zip(tokens, tokens[1:], strict=False))
    ]
    for index in range(len(tokens) - 2):
        run = tokens[index : index + 3]
        if _syllables(run):
            runs.append((index, 3, korean_key("".join(t.text for t in run))))
    return runs


_JOINED_CONSONANTS = 4  # "mhmdrz": two words' consonants, not one short word


def _merge_by_consonants(
    listed: tuple[Token, ...], query: tuple[Token, ...]
) -> tuple[Token, ...]:
    """Join adjacent listed words whose consonants together are a query word's:
    Persian writes a compound given name as one word (محمدرضا, "mhmdrz"), which
    lists write apart ("Mohammad Reza")."""
    wanted = {
        skeleton(token.text)
        for token in query
        if len(skeleton(token.text)) >= _JOINED_CONSONANTS
    }
    if len(listed) < 2 or not wanted:
        return listed
    merged: list[Token] = []
    index = 0
    while index < len(listed):
        if index + 1 < len(listed):
            first, second = listed[index], listed[index + 1]
            joined = skeleton(first.text) + skeleton(second.text)
            if joined in wanted and skeleton(first.text) not in wanted:
                text = first.text + second.text
                weight = max(first.weight, second.weight)
                merged.append(Token.of(text, korean_key(text), weight))
                index += 2
                continue
        merged.append(listed[index])
        index += 1
    return tuple(merged) if len(merged) < len(listed) else listed


def joined_key(first: Token, second: Token) -> str:
    """The key of two tokens written as one: keyed whole, as a joined name is."""
    return korean_key(first.text + second.text)


def pair_records(detail: dict[str, Any]) -> dict[str, Any]:
    """The detail with its pairs as records, as a hit reports them (built only for
    the hits kept: most aligned names are dropped)."""
    return {
        **detail,
        "pairs": [
            {"query": a, "list": b, "how": how, "similarity": round(similarity, 3)}
            for a, b, how, similarity in detail["pairs"]
        ],
    }
