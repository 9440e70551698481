"""Find list entries for a name, and say feature by feature why they match.

An index of token keys (and of adjacent token pairs, for given names written
joined, hyphenated or spaced) proposes candidates, so a query scores only the
names that share a distinctive token with it; `align` scores each. A query is
looked up by each of its readings (`readings`: romanised or translated Hangul,
transliterated scripts, an acronym in brackets), and an acronym also by the
initials of listed names, at a reduced score. What else the query gives (country,
birth date, identifier, address) counts for or against; each factor is a feature.
"""

from __future__ import annotations

import heapq
import re
import threading
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from operator import itemgetter
from typing import Any

from rapidfuzz import fuzz

from laborwatch.countries import country_code
from laborwatch.lists.entry import ListEntry
from laborwatch.match.align import (
    SUBSTITUTED_GIVEN_NAME,
    UNMATCHED_LISTED_WORD,
    UNMATCHED_QUERY_WORD,
    NameTokens,
    align,
    pair_records,
)
from laborwatch.match.keys import (
    MIN_IDENTIFIER,
    acronym,
    identifier_key,
    index_keys,
    initials,
)
from laborwatch.match.korean import has_hangul, romanise_hangul
from laborwatch.match.normalise import (
    BODY_TYPES,
    COMPANY_FORMS,
    COUNTRY_WORDS,
    NAME_COUNTRIES,
    NAME_LIKE_FORMS,
    Token,
    legal_forms,
    tokenise,
    words,
)
from laborwatch.match.readings import ABJAD, SINO_KOREAN, readings
from laborwatch.match.sounds import english_sound, sounded

DEFAULT_THRESHOLD = 0.65
CANDIDATES = 50  # names aligned in full per query, after a cheap overlap count
CANDIDATE_SHARE = 0.2  # of the best overlap, below which a name is not aligned
COMMON_KEY = 100  # names holding an index key from which it counts half
# Names holding a key from which it is counted last, and only for the names the
# rarer keys found, where it cannot lift any other name to the floor.
_CROWDED_KEY = 100
# An acronym that is only the initials of a listed name ("MID" for "Munitions
# Industry Department") is a lead, not a match: it scores below the threshold
# unless the query's country agrees.
INITIALS_SCORE = 0.6
INITIALS_WITH_COUNTRY = 0.7
IDENTIFIER_SCORE = 0.95  # a listed identifier the query gives: the same entity
ADDRESS_AGREES = 80  # rapidfuzz token-set ratio from which two addresses agree
# No listed name is longer than about 330 characters: a longer query (a supplier
# file's cell holding a paragraph) is compared by its first words, so that one cell
# cannot take minutes to match.
MAX_NAME_LENGTH = 500
PENALTIES = {
    "country conflict": 0.75,
    "korea conflict": 0.6,
    "schema conflict": 0.6,
    "weak alias": 0.9,
    "birth date conflict": 0.7,
    "surname missing": 0.85,
    # A name of one word says little; given with another country it is another
    # body's ("Polymetal", in Kazakhstan, is not JSC POLIMETALL, in Russia). So
    # does a ministry's: every government has a "Ministry of Labour".
    "says little, country conflict": 0.6,
    # A Burmese name has no family name: each word is part of the one name, so a
    # word one name has and the other lacks makes another person (Wikipedia,
    # "Burmese names").
    "name word added": 0.85,
    # The query names only the body a listed one belongs to (`_bodies_above`).
    "body above": 0.8,
    # A kind of body the query names (an association, a university) where the
    # listed name is a company's.
    "other kind of body": 0.8,
}
# Where persons' names have no family name (each word part of the one name).
_NO_FAMILY_NAMES = frozenset({"MM"})
# Words before a surname that are no surname themselves: "VAN DER BERG", "BIN
# LADEN", "DE LA CRUZ" ("de", "la", "al" are dropped as legal-form words).
_SURNAME_PARTICLES = frozenset(
    "van von der den ter ten da das do dos du del della di bin ben ibn abu ould".split()
)
# What a query of an organisation is not: a ship or an aircraft ("Hormoz Bank" is
# not the vessel HALTI, formerly HORMOZ).
_CRAFT = {"Vessel", "Aircraft"}
_PERSON = {"Person"}
_EAST_SLAVIC_COUNTRIES = frozenset({"RU", "UA", "BY"})
_NAME_LIKE_FORM = re.compile(
    r"\b(?:" + "|".join(sorted(NAME_LIKE_FORMS)) + r")\b", re.IGNORECASE
)
# A query from Hong Kong or Macau agrees with an entry the list places in China,
# as OFAC places many Hong Kong companies ("HONGXIANG MARINE HONG KONG LTD", CN).
_STATE_OF = {"HK": "CN", "MO": "CN"}
_KOREAN_COUNTRIES = {"KP", "KR"}
_CHINESE_COUNTRIES = frozenset({"CN", "HK", "MO", "TW"})
# Where a name in kanji is the bearer's own, not a Korean name to read in Korean.
# (Chinese characters from China are still read in Korean too: Sino-Korean words
# translate them, 新疆生产建设兵团 "production construction corps".)
_OWN_CHARACTERS = frozenset({"JP"})
# Where a person's name in characters is also read in Cantonese.
_CANTONESE_COUNTRIES = frozenset({"HK", "MO"})
# Where a name in Hangul is not read back as Korean writes Western names (see
# `loanwords`): Korean's own, and Chinese and Japanese names, which Korean writes
# by tables of their own (웨이하이, Weihai).
_NOT_LOANWORD_COUNTRIES = _KOREAN_COUNTRIES | _CHINESE_COUNTRIES | _OWN_CHARACTERS
# A country's word in the names of its bodies (`NAME_COUNTRIES`, "Korean" and
# "Choson" read as "korea"): a query that gives the country need not write it.
_COUNTRY_NAME_WORDS = {
    "KP": "korea",
    "KR": "korea",
    "CN": "china",
    "RU": "russia",
    "IR": "iran",
    "SY": "syria",
    "JP": "japan",
}
# Where names are written in Arabic script (Arabic, Persian, Dari, Pashto, Urdu),
# and the programmes named for such a country: there romanisations supply a
# name's vowels as they please (`align`'s vowels rule).
_ABJAD_COUNTRIES = frozenset(
    "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE IR AF PK".split()
)
_ABJAD_PROGRAMME = re.compile(r"SYRIA|IRAN|IRAQ|LEBANON|YEMEN|LIBYA|IRGC|IFSR|TALIBAN")
_RECORD_KEYS = tuple(
    "list entry_id schema caption matched_name score countries programs features".split()
)
_FROM_SCRIPT = {"transliterated", "words translated"}
_HANGUL_READINGS = ("McCune–Reischauer", "Revised Romanization", "translation")
# Chinese characters read in Korean are compared as Hangul is.
_ROMANISED = {
    *_HANGUL_READINGS,
    *(f"{SINO_KOREAN}, {how}" for how in _HANGUL_READINGS),
}
# A name read by the sound of its words (`sounds`): a Western name in Hangul or
# katakana. Consonant classes agree more often by chance than spellings do, so such
# a match is a lead to review, never "high" on its own.
AS_SOUNDED = "as sounded"
SOUND_SIMILARITY = 0.8
# Guards the one-time build of a matcher's sound index against concurrent queries
# (the web app shares a matcher between threads).
_SOUND_INDEX_LOCK = threading.Lock()
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# How the publishers name their North Korea programmes: OFAC "DPRK", "DPRK3",
# "DPRK-NKSPEA", "NKSPEA"; the UN "DPRK"; the EU "PRK"; the UK "The Democratic
# People's Republic of Korea (Sanctions) ... Regulations".
_NORTH_KOREA_PROGRAMME = re.compile(r"DPRK|NKSPEA|KOREA|\bPRK\b")


@dataclass(frozen=True)
class Query:
    """A name to look up, and what else the asker knows of it."""

    name: str
    schema: str | None = None  # an FtM schema: Person, Company, Vessel...
    country: str | None = None  # an ISO code or a country's name
    birth_date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    address: str | None = None
    identifiers: tuple[str, ...] = ()  # registration numbers, LEI, IMO...


@dataclass(frozen=True)
class Feature:
    """One reason in a score: its name, the factor or score it gave, and detail."""

    name: str
    value: float
    detail: dict[str, Any]


@dataclass(frozen=True)
class Hit:
    list_id: str
    entry_id: str
    schema: str
    caption: str
    matched_name: str
    score: float
    features: tuple[Feature, ...]
    countries: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()

    def record(self) -> dict[str, Any]:
        """The hit as ``match --json`` (and screening) report it: its fields, the
        list as ``list``, in the order docs/cli.md gives."""
        fields = asdict(self)  # the features as records too
        fields["list"] = fields.pop("list_id")
        return {
            key: list(fields[key]) if isinstance(fields[key], tuple) else fields[key]
            for key in _RECORD_KEYS
        }


@dataclass
class _Name:
    entry: int
    text: str
    kind: str
    tokens: NameTokens
    # A person's surname, where the list writes "SURNAME, Given" (OFAC does),
    # its words in order.
    surname: tuple[str, ...] = ()
    # A body's name's words after each "of" that follows a kind of body: the
    # bodies above it (`_bodies_above`).
    above: tuple[frozenset[str], ...] = ()
    # A ministry or department of a common portfolio, and nothing else
    # (`_names_a_portfolio`).
    portfolio: bool = False


@dataclass
class Matcher:
    """An index over list entries; build once, query many times."""

    entries: list[tuple[str, ListEntry]]
    _names: list[_Name] = field(default_factory=list)
    _index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _initials: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _korean: list[bool] = field(default_factory=list)
    _chinese: list[bool] = field(default_factory=list)
    _countries: list[tuple[str, ...]] = field(default_factory=list)
    _abjad: list[bool] = field(default_factory=list)
    _crowded: dict[str, frozenset[int]] = field(default_factory=dict)
    # Built on the first query written by sound: each name's words as `sounds`
    # keys, and the names by key.
    _sound_names: list[NameTokens] | None = None
    _sound_index: dict[str, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for position, (_list_id, entry) in enumerate(self.entries):
            self._korean.append(_is_korean(entry))
            self._chinese.append(not _CHINESE_COUNTRIES.isdisjoint(entry.countries))
            self._abjad.append(_is_abjad(entry))
            self._countries.append(_countries(entry))
            is_person = entry.schema in _PERSON
            for text, kind in _with_readings(entry.names()):
                tokens = tokenise(text, is_person)
                if not tokens:
                    continue
                name_number = len(self._names)
                surname = (
                    tuple(t.text for t in tokenise(text.split(",", 1)[0], True))
                    if is_person and "," in text
                    else ()
                )
                above = () if is_person else _bodies_above(text)
                self._names.append(
                    _Name(
                        position,
                        text,
                        kind,
                        NameTokens.of(tokens),
                        surname,
                        above,
                        _names_a_portfolio(tokens),
                    )
                )
                for key in index_keys(tokens, consonants=True):
                    self._index[key].append(name_number)
                for letters in initials(text):
                    self._initials[letters].append(name_number)
        self._crowded = {
            key: frozenset(postings)
            for key, postings in self._index.items()
            if len(postings) > _CROWDED_KEY
        }

    def match(
        self, query: Query, *, limit: int = 5, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Hit]:
        """The best hits at or above ``threshold``, best first."""
        if len(query.name) > MAX_NAME_LENGTH:
            query = replace(query, name=_first_characters(query.name))
        country = _query_country(query.country)
        country_word = _COUNTRY_NAME_WORDS.get(country or "")
        in_abjad_script = bool(ABJAD.search(query.name))
        abjad = country in _ABJAD_COUNTRIES or in_abjad_script
        best: dict[int, Hit] = {}
        read = readings(
            query.name,
            country in _KOREAN_COUNTRIES,
            country == "IR",
            country in _OWN_CHARACTERS,
            country in _EAST_SLAVIC_COUNTRIES,
            country is not None and country not in _NOT_LOANWORD_COUNTRIES,
            country in _CANTONESE_COUNTRIES,
        )
        chinese = country in _CHINESE_COUNTRIES
        if query.schema in _PERSON and _DOTTED_INITIALS.search(query.name):
            # A person's initials written together, after the surname as Russian
            # documents write them ("Kudrin A.L."): letters, not one word "al".
            read.append(("initials apart", _initials_apart(query.name)))
        # Read from Cyrillic too: "Институт общей физики имени А.М. Прохорова".
        read += [
            ("without named after", _without_named_after(reading))
            for reading in dict.fromkeys(reading for _how, reading in read)
            if _NAMED_AFTER.search(reading)
        ]
        if query.schema not in _PERSON and _THREAT_GROUP.search(query.name):
            read.append(("without APT", _THREAT_GROUP.sub("", query.name)))
        for how, reading, tokens, persons_only in self._tokenised(query, read):
            # Korean romanisations are compared as one where the entry is Korean or
            # the query was Hangul: a South Korean "Gas" is not ETA's "K.A.S.".
            hangul = how in _ROMANISED
            # Words read from Arabic script, alone or beside translated ones
            # ("company refinery hms"), keep only the consonants the script wrote.
            consonants = how in _FROM_SCRIPT and in_abjad_script
            found = []
            prepared = NameTokens.of(tokens)
            partners = _hyphen_partners(reading)
            # A person's name is also looked up by its consonants: romanisations
            # of Arabic and Persian names differ in their vowels ("Makhlouf,
            # Mohammed" for MAKHLUF, Muhammad).
            lookup = consonants or query.schema in _PERSON
            for name_number in self._candidates(tokens, lookup):
                name = self._names[name_number]
                listed_person = self.entries[name.entry][1].schema in _PERSON
                if persons_only and not listed_person:
                    continue
                korean = hangul or self._korean[name.entry]
                person = listed_person or query.schema in _PERSON
                similarity, detail = align(
                    prepared,
                    name.tokens,
                    korean,
                    person,
                    consonants,
                    vowels=abjad or self._abjad[name.entry],
                    country_word=country_word
                    if country in self._countries[name.entry]
                    else None,
                    floor=0.0 if query.identifiers else threshold,
                    surname=name.surname,
                    chinese=chinese or self._chinese[name.entry],
                )
                # Under the threshold already: the factors below only lower it.
                if similarity < threshold and not query.identifiers:
                    continue
                if person and partners:
                    similarity *= _joined_given_name(detail, partners)
                if person and "-" in name.text and detail.get("unmatched_list"):
                    # The same the other way: 백호 (Paek Ho) is not PAEK, Chang-Ho.
                    similarity *= _joined_given_name(
                        detail, _hyphen_partners(name.text), listed=True
                    )
                # Every later factor lowers the score, but a shared identifier.
                if similarity < threshold and not query.identifiers:
                    continue
                found.append(
                    self._score(query, country, how, reading, name, similarity, detail)
                )
            letters = acronym(reading, how)
            if letters:
                found += [
                    self._initials_hit(query, country, letters, name_number)
                    for name_number in self._initials.get(letters, ())
                ]
            for entry, hit in found:
                if hit.score >= threshold and (
                    entry not in best or hit.score > best[entry].score
                ):
                    best[entry] = hit
        sounds = sounded(query.name)
        if sounds:
            for entry, hit in self._sounded_hits(query, country, sounds, threshold):
                if entry not in best or hit.score > best[entry].score:
                    best[entry] = hit
        # Among equal scores, an entry matched by a name of the legal form the
        # query gives comes first ("Sberbank PJSC": PJSC SBERBANK, not JSC
        # SBERBANK), then one matched by the name as written, not by a part of it
        # ("Havanatur (Bahamas) Limited": HAVANATUR BAHAMAS LTD., not HAVANATUR
        # S.A. found without the brackets), then one matched by its own name.
        forms = legal_forms(query.name)
        return sorted(
            best.values(),
            key=lambda hit: (
                -hit.score,
                bool(forms) and legal_forms(hit.matched_name) != forms,
                any(feature.name == "reading" for feature in hit.features),
                hit.matched_name != hit.caption,
                hit.list_id,
                hit.entry_id,
            ),
        )[:limit]

    @staticmethod
    def _tokenised(
        query: Query, read: list[tuple[str, str]]
    ) -> Iterator[tuple[str, str, tuple[Token, ...], bool]]:
        """Each reading's tokens, and whether only persons are compared with them.

        A person's words that are legal forms elsewhere are kept (KHUN SA). A
        query of no stated kind with such a word (`NAME_LIKE_FORMS`) is also read
        as a person's name, and compared with persons only: "Khun Sa" is KHUN SA,
        and a company's "SA" is still dropped.
        """
        person = query.schema in _PERSON
        for how, reading in read:
            tokens = tokenise(reading, person)
            if tokens:
                yield how, reading, tokens, False
            if not query.schema and _NAME_LIKE_FORM.search(reading):
                as_person = tokenise(reading, True)
                if as_person and as_person != tokens:
                    yield how, reading, as_person, True

    def match_many(self, queries: list[Query], **options: Any) -> list[list[Hit]]:
        return [self.match(query, **options) for query in queries]

    def _sounded_hits(
        self,
        query: Query,
        country: str | None,
        sounds: list[tuple[str, float]],
        threshold: float,
    ) -> list[tuple[int, Hit]]:
        """Hits for a name written by sound: its words' consonant keys paired with
        the listed names' words' keys where they are the same, at SOUND_SIMILARITY
        at most. A person is compared with persons only, and a name of unknown
        kind with bodies only: two short words' keys are too often some person's."""
        sound_names = self._sounds()
        prepared = NameTokens.of(tuple(_sound_token(key, w) for key, w in sounds))
        overlap: dict[int, float] = defaultdict(float)
        for key, weight in sounds:
            postings = self._sound_index.get(key, ())
            for name_number in postings:
                overlap[name_number] += _key_share(weight, postings)
        ranked = heapq.nlargest(CANDIDATES, overlap.items(), key=itemgetter(1))
        reading = " ".join(key for key, _weight in sounds)
        wants_person = query.schema in _PERSON
        found = []
        for name_number, _share in ranked:
            name = self._names[name_number]
            if (self.entries[name.entry][1].schema in _PERSON) != wants_person:
                continue
            floor = threshold / SOUND_SIMILARITY
            similarity, detail = align(
                prepared,
                sound_names[name_number],
                korean=False,
                exact_only=True,
                floor=floor,
            )
            # Compared with the floor itself: under it, `align` gives no more
            # than the pairs, and the product below may round up to the threshold.
            if similarity < floor:
                continue
            similarity *= SOUND_SIMILARITY
            if similarity >= threshold:
                found.append(
                    self._score(
                        query, country, AS_SOUNDED, reading, name, similarity, detail
                    )
                )
        return [(entry, hit) for entry, hit in found if hit.score >= threshold]

    def _sounds(self) -> list[NameTokens]:
        """Each name's words as `sounds` keys, built on the first query written by
        sound. A word without consonants ("A", "Yahya") and a country's word
        ("Iran" sounds as "line" does) keep a key of their own that pairs with
        nothing, so the name does not lose them."""
        if self._sound_names is not None:
            return self._sound_names
        with _SOUND_INDEX_LOCK:
            if self._sound_names is None:
                names: list[NameTokens] = []
                index: dict[str, list[int]] = {}
                for name_number, name in enumerate(self._names):
                    tokens = tuple(
                        _sound_token(key, token.weight)
                        for token in name.tokens.tokens
                        for key in [
                            "=" + token.text
                            if token.text in NAME_COUNTRIES
                            or token.text in COUNTRY_WORDS
                            else english_sound(token.text) or "=" + token.text
                        ]
                    )
                    names.append(NameTokens.of(tokens))
                    for token in tokens:
                        index.setdefault(token.text, []).append(name_number)
                self._sound_index = index
                self._sound_names = names
            return self._sound_names

    def _candidates(self, tokens: tuple[Token, ...], consonants: bool) -> list[int]:
        """The names sharing most query weight, by a count over the index."""
        overlap: dict[int, float] = defaultdict(float)
        crowded: list[tuple[str, float]] = []
        index = self._index
        for key, weight in index_keys(tokens, consonants, query=True).items():
            postings = index.get(key)
            if postings is None:
                continue
            share = _key_share(weight, postings)
            if len(postings) > _CROWDED_KEY:
                crowded.append((key, share))
                continue
            for name_number in postings:
                overlap[name_number] += share
        if crowded:
            reach = sum(share for _key, share in crowded)
            if reach < max(overlap.values(), default=0.0) * CANDIDATE_SHARE:
                # A name found by crowded keys alone stays under the floor
                # (below): count them only for the names already found.
                for key, share in crowded:
                    holders = self._crowded[key]
                    for name_number in overlap:
                        if name_number in holders:
                            overlap[name_number] += share
            else:
                for key, share in crowded:
                    for name_number in index[key]:
                        overlap[name_number] += share
        # As heapq.nlargest, ties in the same order, in C: most queries count a
        # few hundred names.
        ranked = sorted(overlap.items(), key=itemgetter(1), reverse=True)[:CANDIDATES]
        if not ranked:
            return []
        # A name sharing a small part of what the best share is not aligned.
        floor = ranked[0][1] * CANDIDATE_SHARE
        return [name_number for name_number, share in ranked if share >= floor]

    def _score(
        self,
        query: Query,
        country: str | None,
        how: str,
        reading: str,
        name: _Name,
        similarity: float,
        detail: dict[str, Any],
    ) -> tuple[int, Hit]:
        features = [
            Feature(
                "name",
                round(similarity, 4),
                {"matched": name.text, "kind": name.kind, **pair_records(detail)},
            )
        ]
        if how != "as written":
            features.insert(0, Feature("reading", 1.0, {"how": how, "read": reading}))
            if how in _ROMANISED:
                # Kept for scripts that read the romanisation under its old name.
                features.insert(
                    0, Feature("hangul", 1.0, {"romanised": reading, "system": how})
                )
        score = similarity
        unmatched_list = set(detail["unmatched_list"])
        if (
            name.surname
            and not detail.get("unmatched_identifying")
            and (
                set(name.surname) <= unmatched_list
                or _first_surname(name.surname) in unmatched_list
            )
        ):
            # "Mohammed Dib" gives a listed person's given names and nothing else,
            # not ZAITOUN, Mohammed Dib: a name without the surname is another
            # person's. (A query word the list lacks may be the surname spelt
            # otherwise, "Raeisi" for RAISI, and costs already.) So is one without
            # the first of two surnames, the father's in Spanish and Portuguese:
            # "Nicolas Ernesto Guerra" is not MADURO GUERRA, Nicolas Ernesto.
            score *= PENALTIES["surname missing"]
            features.append(
                Feature(
                    "surname missing",
                    PENALTIES["surname missing"],
                    {"surname": sorted(name.surname)},
                )
            )
        matched = frozenset(listed for _q, listed, _how, _s in detail["pairs"])
        if matched and matched in name.above:
            # "Russian Academy of Sciences" names the body above the INSTITUTE OF
            # SPECTROSCOPY OF THE RUSSIAN ACADEMY OF SCIENCES, not the institute.
            score *= PENALTIES["body above"]
            features.append(
                Feature("body above", PENALTIES["body above"], {"of": name.text})
            )
        read_tokens = tokenise(reading)
        kinds = _other_kind_of_body(
            set(detail["unmatched_query"]), name.tokens.tokens, name.text
        )
        listed_kinds = _other_kind_of_body(
            set(detail["unmatched_list"]), read_tokens, reading
        )
        if kinds or listed_kinds:
            # "Electronic Components Industry Association" is a trade body, not
            # ELECTRONIC COMPONENTS INDUSTRIES CO: a kind of body one side names
            # beside the other's legal form. So is a ministry no corporation:
            # 원유개발총회사 (Crude Oil Development General Corporation) is not the
            # MINISTRY OF CRUDE OIL.
            score *= PENALTIES["other kind of body"]
            features.append(
                Feature(
                    "other kind of body",
                    PENALTIES["other kind of body"],
                    {"query": sorted(kinds), "list": "company"}
                    if kinds
                    else {"query": "company", "list": sorted(listed_kinds)},
                )
            )
        # Either side's: "Min Thu" lacks a word of THU, Yin Min, and is another.
        added = [
            *detail.get("unmatched_identifying", ()),
            *detail.get("unmatched_listed_identifying", ()),
        ]
        if (
            added
            and (
                query.schema in _PERSON or self.entries[name.entry][1].schema in _PERSON
            )
            and set(self._countries[name.entry]) & _NO_FAMILY_NAMES
        ):
            score *= PENALTIES["name word added"]
            features.append(
                Feature(
                    "name word added", PENALTIES["name word added"], {"words": added}
                )
            )
        named = {
            COUNTRY_WORDS.get(word, word) for word in detail["unmatched_query"]
        } & set(NAME_COUNTRIES)
        listed_countries = self._countries[name.entry]
        if listed_countries and any(
            not NAME_COUNTRIES[word] & set(listed_countries) for word in named
        ):
            score *= PENALTIES["country conflict"]
            features.append(
                Feature(
                    "country in name",
                    PENALTIES["country conflict"],
                    {"words": sorted(named), "list": list(listed_countries)},
                )
            )
        # The listed name's own word for a country the query says it is not in:
        # "وزارة البترول والثروة المعدنية" [EG], Egypt's ministry, is not the
        # SYRIAN MINISTRY OF PETROLEUM AND MINERAL RESOURCES.
        listed_named = {
            COUNTRY_WORDS.get(word, word) for word in detail["unmatched_list"]
        } & set(NAME_COUNTRIES)
        if country and any(
            not {country, _STATE_OF.get(country, country)} & NAME_COUNTRIES[word]
            for word in listed_named
        ):
            score *= PENALTIES["country conflict"]
            features.append(
                Feature(
                    "country in listed name",
                    PENALTIES["country conflict"],
                    {"words": sorted(listed_named), "query": country},
                )
            )
        if name.kind == "weak_alias":
            score *= PENALTIES["weak alias"]
            features.append(Feature("weak alias", PENALTIES["weak alias"], {}))
        # Hangul is written without spaces: one word there is a whole name.
        says_little = (len(read_tokens) == 1 and how not in _ROMANISED) or (
            name.portfolio
            and not any(
                token.text in NAME_COUNTRIES or token.text in COUNTRY_WORDS
                for token in read_tokens
            )
        )
        return name.entry, self._hit(
            query, country, name, score, features, says_little=says_little
        )

    def _initials_hit(
        self, query: Query, country: str | None, acronym: str, name_number: int
    ) -> tuple[int, Hit]:
        name = self._names[name_number]
        agrees = bool(country) and country in self._countries[name.entry]
        score = INITIALS_WITH_COUNTRY if agrees else INITIALS_SCORE
        features = [Feature("initials", score, {"acronym": acronym, "of": name.text})]
        return name.entry, self._hit(query, country, name, score, features)

    def _hit(
        self,
        query: Query,
        country: str | None,
        name: _Name,
        score: float,
        features: list[Feature],
        *,
        says_little: bool = False,
    ) -> Hit:
        """The hit, once what the query gives besides the name has counted;
        ``says_little``: the name alone does not tell whose body it is (a
        single word, a ministry)."""
        list_id, entry = self.entries[name.entry]
        listed_countries = self._countries[name.entry]
        if country and listed_countries:
            detail = {"query": country, "list": list(listed_countries)}
            if country in listed_countries or (
                _STATE_OF.get(country, country) in listed_countries
            ):
                features.append(Feature("country", 1.0, detail))
            else:
                # South and North Korean names share their words by construction.
                korean_pair = {country, *listed_countries} >= _KOREAN_COUNTRIES
                penalty = PENALTIES[
                    "korea conflict" if korean_pair else "country conflict"
                ]
                if says_little and not korean_pair:
                    penalty = PENALTIES["says little, country conflict"]
                score *= penalty
                features.append(Feature("country conflict", penalty, detail))
        if (
            query.schema and (query.schema in _PERSON) != (entry.schema in _PERSON)
        ) or (entry.schema in _CRAFT and _names_organisation(query)):
            score *= PENALTIES["schema conflict"]
            features.append(
                Feature(
                    "schema conflict",
                    PENALTIES["schema conflict"],
                    {"query": query.schema, "list": entry.schema},
                )
            )
        score = _other_facts(query, entry, score, features)
        return Hit(
            list_id=list_id,
            entry_id=entry.entry_id,
            schema=entry.schema,
            caption=entry.name,
            matched_name=name.text,
            score=round(min(score, 1.0), 4),
            features=tuple(features),
            countries=entry.countries,
            programs=entry.programs,
        )


# Two words written as one with a hyphen: "Mir-Hossein".
# Taken only where a run of letters starts: tried from inside a long run, the run
# would be scanned again from every letter of it (quadratic on a 60,000-letter
# name).
# Words of letters, with the apostrophes McCune–Reischauer writes inside them
# ("Ch'ang-Ho").
_HYPHENATED = re.compile(
    r"(?<![^\W\d_'’])([^\W\d_]+(?:['’][^\W\d_]+)*)-([^\W\d_]+(?:['’][^\W\d_]+)*)"
)


# Portfolios nearly every government has a ministry or department for ("Ministry
# of Labour", "Department of Foreign Affairs"): such a body is named by its country,
# which the list gives apart from the name.
_GOVERNMENT_BODIES = frozenset({"ministry", "department"})
_COMMON_PORTFOLIOS = frozenset(
    "labor labour health education finance defence defense interior justice foreign "
    "affairs agriculture culture transport trading economy economic environment "
    "tourism sport youth communication communications information security state "
    "public internal home energy industry social welfare housing planning petroleum "
    # Not a portfolio, but no word of whose: "Ministry of National Defence".
    "oil national".split()
)


def _names_a_portfolio(tokens: tuple[Token, ...]) -> bool:
    """Whether a name is a ministry or department of a common portfolio and says
    nothing else (no country, no other word)."""
    texts = {token.text for token in tokens}
    return bool(texts & _GOVERNMENT_BODIES) and (
        texts <= _GOVERNMENT_BODIES | _COMMON_PORTFOLIOS
    )


def _first_characters(name: str) -> str:
    """The name's first MAX_NAME_LENGTH characters, cut after a whole word."""
    cut = name[:MAX_NAME_LENGTH]
    space = cut.rfind(" ")
    return cut[:space] if space > MAX_NAME_LENGTH // 2 else cut


@lru_cache(maxsize=65536)
def _hyphen_partners(reading: str) -> Mapping[str, str]:
    """Each word written hyphenated to another, with that other word, both ways
    (cached: a listed name's are read for every query it is compared with)."""
    partners: dict[str, str] = {}
    for first, second in _HYPHENATED.findall(reading):
        a, b = words(first), words(second)
        if len(a) == 1 and len(b) == 1:
            partners[a[0]] = b[0]
            partners[b[0]] = a[0]
    return partners


def _key_share(weight: float, postings: Sequence[int]) -> float:
    """What a shared index key counts for one name. A key shared by many names (a
    common given name) identifies little: one held by COMMON_KEY names counts
    half, so that a rare word a letter off ("Hamwi", HAMAWI) outweighs "Ahmed"
    shared with hundreds."""
    return weight / (1 + len(postings) / COMMON_KEY)


def _sound_token(key: str, weight: float) -> Token:
    """A word as its `sounds` key, which is also its text and spelling."""
    return Token(key, key, weight, key)


def _joined_given_name(
    detail: dict[str, Any], partners: Mapping[str, str], listed: bool = False
) -> float:
    """The factor for a person's name word the list lacks that is hyphenated to one
    it has: "Mir-Hossein" is another given name than "Hossein", not an extra one.
    With ``listed``, a listed word the query lacks, hyphenated to one it has."""
    matched = {pair[1 if listed else 0] for pair in detail["pairs"]}
    left = "unmatched_listed_identifying" if listed else "unmatched_identifying"
    joined = [word for word in detail.get(left, ()) if partners.get(word) in matched]
    if not joined:
        return 1.0
    detail["joined_given_name"] = joined
    unmatched = UNMATCHED_LISTED_WORD if listed else UNMATCHED_QUERY_WORD
    return (SUBSTITUTED_GIVEN_NAME / unmatched) ** len(joined)


def _first_surname(surname: tuple[str, ...]) -> str | None:
    """The first of two or more surname words, past any particle: "MADURO" of
    MADURO GUERRA; None for a surname of one word."""
    words = [word for word in surname if word not in _SURNAME_PARTICLES]
    return words[0] if len(words) >= 2 else None


def _names_organisation(query: Query) -> bool:
    """Whether the query is of an organisation: its schema says so or, where it
    gives none, its name has a legal form or a kind of body ("Bank")."""
    if query.schema:
        return query.schema not in (*_PERSON, *_CRAFT)
    return bool(legal_forms(query.name)) or any(
        token.text in BODY_TYPES for token in tokenise(query.name)
    )


def _other_facts(
    query: Query, entry: ListEntry, score: float, features: list[Feature]
) -> float:
    """Birth date, identifier and address, where the query gives them."""
    query_years = {int(y) for y in _YEAR.findall(query.birth_date or "")}
    listed_years = {int(y) for date in entry.birth_dates for y in _YEAR.findall(date)}
    if query_years and listed_years:
        detail = {"query": query.birth_date, "list": list(entry.birth_dates)}
        if any(abs(a - b) <= 1 for a in query_years for b in listed_years):
            features.append(Feature("birth date", 1.0, detail))
        else:
            score *= PENALTIES["birth date conflict"]
            features.append(
                Feature("birth date conflict", PENALTIES["birth date conflict"], detail)
            )
    # Short numbers collide by chance (screening indexes identifiers the same way).
    given = {
        key
        for key in map(identifier_key, query.identifiers)
        if len(key) >= MIN_IDENTIFIER
    }
    listed = {identifier_key(value): kind for kind, value in entry.identifiers}
    shared = sorted(given & set(listed))
    if shared:
        score = max(score, IDENTIFIER_SCORE)
        features.append(
            Feature(
                "identifier",
                IDENTIFIER_SCORE,
                {"value": shared[0], "type": listed[shared[0]]},
            )
        )
    if query.address and entry.addresses:
        best = max(
            fuzz.token_set_ratio(query.address.lower(), address.lower())
            for address in entry.addresses
        )
        if best >= ADDRESS_AGREES:
            features.append(
                Feature("address", round(best / 100, 3), {"query": query.address})
            )
    return score


def _with_readings(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A list's names, and the romanised readings of those written in Hangul."""
    found = list(names)
    for text, kind in names:
        if has_hangul(text):
            found += [(reading, kind) for _system, reading in romanise_hangul(text)]
        for letters in _LISTED_ACRONYM.findall(text):
            if _abbreviates(letters, _LISTED_ACRONYM.sub(" ", text)):
                # "NAFTIRAN INTERTRADE CO. (NICO) LIMITED" is also "NICO Ltd":
                # the acronym a list gives in brackets, with the name's legal form.
                found.append((_with_legal_forms(letters, text), kind))
                # and the name without it, which a query need not repeat: "KOREA
                # KWANGSON BANKING CORPORATION (KKBC)" in full is that body.
                found.append((" ".join(_LISTED_ACRONYM.sub(" ", text).split()), kind))
        leading = _LEADING_ACRONYM.match(text)
        if leading and leading.group(1).lower() in initials(leading.group(2)):
            # "HTTS HANSEATIC TRADE TRUST & SHIPPING GMBH" is "HTTS GmbH" to its
            # customers: a name led by its own initials.
            found.append((_with_legal_forms(leading.group(1), text), kind))
        if _NAMED_AFTER.search(text):
            # "INSTITUTE OF ELECTRONIC CONTROL COMPUTERS NAMED AFTER I.S. BRUK" is
            # the "Bruk Institute of ..." to the reports that name it: the words
            # that say so and the person's initials are no words of the name.
            found.append((_without_named_after(text), kind))
        branch = _NAMED_BRANCH.search(text)
        if branch:
            # "SYRIAN MILITARY INTELLIGENCE BRANCH 235 - PALESTINE" is the
            # "Palestine Branch" (فرع فلسطين) to the reports that name it.
            named = branch.group(2).strip()
            if not named.upper().endswith("BRANCH"):
                named += " Branch"
            found.append((named, kind))
    return found


# Two initials or more, each with its dot: "A.L.", "A. L.".
_DOTTED_INITIALS = re.compile(r"\b(?:[^\W\d_]\.\s*){2,}")


def _initials_apart(name: str) -> str:
    """The name with its dotted initials as letters apart: "Kudrin A.L." →
    "Kudrin A L"."""
    return _DOTTED_INITIALS.sub(
        lambda found: " " + " ".join(re.findall(r"[^\W\d_]", found.group(0))) + " ",
        name,
    ).strip()


# A numbered branch with its name after a dash, as OFAC lists Syria's intelligence
# branches.
_NAMED_BRANCH = re.compile(r"\bBRANCH (\d+) - (\S.*)$", re.IGNORECASE)


def _other_kind_of_body(
    unmatched: set[str], other: tuple[Token, ...], other_name: str
) -> set[str]:
    """The kinds of body that are no company (`_NO_COMPANY`) among one side's
    unmatched words, where the other side names none and gives a legal form."""
    kinds = unmatched & _NO_COMPANY
    if (
        kinds
        and _NO_COMPANY.isdisjoint(token.text for token in other)
        and COMPANY_FORMS.intersection(words(other_name))
    ):
        return kinds
    return set()


# Kinds of body that are no company (a bureau, an office or a centre may run one
# or be one: 대성총국, KOREA DAESONG GENERAL TRADING CORPORATION).
_NO_COMPANY = frozenset(
    "association federation union university school academy hospital club council "
    "ministry army navy corps".split()
)
# "NAMED AFTER A.M. GORKY", "IMENI V.V. TIKHOMIROVA", "IM.M.I.KALININA", "NAMED
# AFTER NP FEDOROV": the words that say a body is named after a person, and the
# person's initials, dotted or not.
# Threat reports call a hacking group by its name and "APT" (advanced persistent
# threat): "Kimsuky APT", "Lazarus APT group" for KIMSUKY and LAZARUS GROUP. A
# person's "Apt" is a given name (ALAUDINOV, Apt Aaronovitch).
_THREAT_GROUP = re.compile(r"\s+APT(?:\s+group)?\s*$", re.IGNORECASE)
_NAMED_AFTER = re.compile(
    r"\b(?:NAMED\s+AFTER\b|IMENI\b|IM\.|ИМЕНИ\b|ИМ\.)\s*"
    r"(?:(?:[^\W\d_]{1,2}\.\s*)+|(?:[^\W\d_]{1,2}\s+)+(?=[^\W\d_]{3}))?",
    re.IGNORECASE,
)


def _without_named_after(name: str) -> str:
    """The name without the words that say whom it is named after, the person kept:
    "... COMPUTERS NAMED AFTER I.S. BRUK" → "... COMPUTERS BRUK"."""
    return " ".join(_NAMED_AFTER.sub(" ", name).split())


def _abbreviates(letters: str, name: str) -> bool:
    """Whether ``letters`` are taken from the name in order, the first its first
    letter: NICO of NAFTIRAN INTERTRADE CO.; not the place of "COSCO SHIPPING
    TANKER (DALIAN) ...", which names a branch."""
    written = name.strip().upper()
    remaining = iter(written)
    return written.startswith(letters[0]) and all(
        letter in remaining for letter in letters
    )


def _with_legal_forms(letters: str, name: str) -> str:
    """An acronym with the legal forms of the name it stands for: "NICO LIMITED"."""
    return " ".join((letters, *sorted(legal_forms(name))))


# A listed name's first word in capitals, then at least two more words.
_LEADING_ACRONYM = re.compile(r"([A-Z]{2,8}) (\S+ \S.*)$")
# An acronym a listed name gives in brackets: "(NICO)", "(KNIC)".
_LISTED_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


def north_korea_programme(programs: tuple[str, ...] | list[str]) -> bool:
    """Whether one of the programmes is a North Korea sanctions programme."""
    return any(_NORTH_KOREA_PROGRAMME.search(program.upper()) for program in programs)


def _is_korean(entry: ListEntry) -> bool:
    return bool(set(entry.countries) & _KOREAN_COUNTRIES) or north_korea_programme(
        entry.programs
    )


def _is_abjad(entry: ListEntry) -> bool:
    """Whether the entry is tied to Arabic or Persian script: a country that
    writes it, or a programme named for one."""
    return bool(set(entry.countries) & _ABJAD_COUNTRIES) or any(
        _ABJAD_PROGRAMME.search(program.upper()) for program in entry.programs
    )


_OF = re.compile(r"\bof\b", re.IGNORECASE)


def _bodies_above(name: str) -> tuple[frozenset[str], ...]:
    """The words after each "of" that follows a kind of body: in "INSTITUTE OF
    SPECTROSCOPY OF THE RUSSIAN ACADEMY OF SCIENCES" the Russian Academy of
    Sciences is the body above the institute. Only where those words name a kind
    of body too: "ISLAMIC REPUBLIC OF IRAN SHIPPING LINES" is Iran's shipping line,
    the BANK OF EAST LAND no body of East Land. A query naming all of them and
    nothing else names the body above."""
    parts = _OF.split(name)
    found = []
    for split in range(1, len(parts)):
        before = {token.text for token in tokenise(" ".join(parts[:split]))}
        after = {token.text for token in tokenise(" ".join(parts[split:]))}
        # The words after "of" name a body of their own ("... of the Russian
        # Academy of Sciences"; not "BANK OF EAST LAND", "ARMY OF THE GUARDIANS OF
        # THE ISLAMIC REVOLUTION"), and no word is on both sides ("NATIONAL
        # UNIVERSITY OF OIL AND GAS GUBKIN UNIVERSITY").
        if before & BODY_TYPES and after & BODY_TYPES and not before & after:
            found.append(frozenset(after))
    return tuple(found)


def _countries(entry: ListEntry) -> tuple[str, ...]:
    """The entry's countries, and North Korea for a North Korea programme entry:
    CH'OLHYO'N OVERSEAS CONSTRUCTION COMPANY gives only Kuwait and Algeria, where
    it works, but a query placing it in North Korea is no conflict."""
    if north_korea_programme(entry.programs) and "KP" not in entry.countries:
        return (*entry.countries, "KP")
    return entry.countries


def _query_country(country: str | None) -> str | None:
    """An ISO code for the query's country; None for one that names no country
    ("Korea" alone is neither North nor South, "XX" is no code): it counts neither
    way. "UK" is GB, as the lists write it."""
    return country_code(country)
