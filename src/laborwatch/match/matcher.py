"""Find list entries for a name, and say feature by feature why they match.

An index of token keys (and of adjacent token pairs, for given names written
joined, hyphenated or spaced) proposes candidates, so a query scores only the
names that share a distinctive token with it. Each candidate name is scored by a
weighted token alignment: exact, same romanised Korean, or close in spelling
(Jaro-Winkler); the score is the harmonic mean of how much of the query and how
much of the listed name is covered. A country or schema conflict lowers it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import JaroWinkler

from laborwatch.lists.entry import ListEntry
from laborwatch.match.korean import has_hangul, romanise_hangul
from laborwatch.match.normalise import Token, tokenise

DEFAULT_THRESHOLD = 0.65
SPELLING_MIN = 0.9
DISTINCTIVE = 0.8  # token weight from which a word identifies a name
SPELLING_MIN_LENGTH = 4  # shorter words must agree exactly or by romanisation
UNMATCHED_QUERY_WORD = 0.85  # factor per identifying query word the listed name lacks
CANDIDATES = 50  # names aligned in full per query, after a cheap overlap count
BOILERPLATE_CAP = 0.5  # the most a match on common words alone can score
ROMANISATION_SIMILARITY = 0.95
PENALTIES = {"country conflict": 0.75, "schema conflict": 0.6, "weak alias": 0.9}
_PERSON = {"Person"}
_KOREAN_COUNTRIES = {"KP", "KR"}


@dataclass(frozen=True)
class Query:
    name: str
    schema: str | None = None
    country: str | None = None


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
        """The hit as ``match --json`` (and screening) report it."""
        return {
            "list": self.list_id,
            "entry_id": self.entry_id,
            "schema": self.schema,
            "caption": self.caption,
            "matched_name": self.matched_name,
            "score": self.score,
            "countries": list(self.countries),
            "programs": list(self.programs),
            "features": [
                {"name": f.name, "value": f.value, "detail": f.detail}
                for f in self.features
            ],
        }


@dataclass
class _Name:
    entry: int
    text: str
    kind: str
    tokens: tuple[Token, ...]


@dataclass
class Matcher:
    """An index over list entries; build once, query many times."""

    entries: list[tuple[str, ListEntry]]
    _names: list[_Name] = field(default_factory=list)
    _index: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    _korean: list[bool] = field(default_factory=list)

    def __post_init__(self) -> None:
        for position, (_list_id, entry) in enumerate(self.entries):
            self._korean.append(_is_korean(entry))
            for text, kind in _with_readings(entry.names()):
                tokens = tokenise(text)
                if not tokens:
                    continue
                name_number = len(self._names)
                self._names.append(_Name(position, text, kind, tokens))
                for key in _index_keys(tokens):
                    self._index[key].append(name_number)

    def match(
        self, query: Query, *, limit: int = 5, threshold: float = DEFAULT_THRESHOLD
    ) -> list[Hit]:
        """The best hits at or above ``threshold``, best first."""
        readings = [("as written", query.name)]
        if has_hangul(query.name):
            readings += romanise_hangul(query.name)
        best: dict[int, Hit] = {}
        for system, reading in readings:
            tokens = tokenise(reading)
            if not tokens:
                continue
            korean_query = (
                system != "as written"
                or (query.country or "").upper() in _KOREAN_COUNTRIES
            )
            for name_number in self._candidates(tokens):
                name = self._names[name_number]
                hit = self._score(query, system, reading, tokens, name, korean_query)
                if hit.score >= threshold and (
                    name.entry not in best or hit.score > best[name.entry].score
                ):
                    best[name.entry] = hit
        return sorted(
            best.values(), key=lambda hit: (-hit.score, hit.list_id, hit.entry_id)
        )[:limit]

    def match_many(self, queries: list[Query], **options: Any) -> list[list[Hit]]:
        return [self.match(query, **options) for query in queries]

    def _candidates(self, tokens: tuple[Token, ...]) -> list[int]:
        """The names sharing most query weight, by a count over the index."""
        weight = {token.key: token.weight for token in tokens}
        overlap: dict[int, float] = defaultdict(float)
        for key in _index_keys(tokens):
            postings = self._index.get(key, ())
            # A key shared by many names (a common given name) identifies little.
            share = weight.get(key, 1.0) / (1 + len(postings) / 1000)
            for name_number in postings:
                overlap[name_number] += share
        ranked = sorted(overlap, key=lambda name_number: -overlap[name_number])
        return ranked[:CANDIDATES]

    def _score(
        self,
        query: Query,
        system: str,
        reading: str,
        tokens: tuple[Token, ...],
        name: _Name,
        korean_query: bool,
    ) -> Hit:
        list_id, entry = self.entries[name.entry]
        korean = korean_query or self._korean[name.entry]
        similarity, detail = align(tokens, name.tokens, korean)
        features = [
            Feature(
                "name",
                round(similarity, 4),
                {"matched": name.text, "kind": name.kind, **detail},
            )
        ]
        if system != "as written":
            features.insert(
                0, Feature("hangul", 1.0, {"romanised": reading, "system": system})
            )
        score = similarity
        if name.kind == "weak_alias":
            score *= PENALTIES["weak alias"]
            features.append(Feature("weak alias", PENALTIES["weak alias"], {}))
        if query.country and entry.countries:
            if query.country.upper() in entry.countries:
                features.append(
                    Feature(
                        "country",
                        1.0,
                        {"query": query.country, "list": list(entry.countries)},
                    )
                )
            else:
                score *= PENALTIES["country conflict"]
                features.append(
                    Feature(
                        "country conflict",
                        PENALTIES["country conflict"],
                        {"query": query.country, "list": list(entry.countries)},
                    )
                )
        if query.schema and (query.schema in _PERSON) != (entry.schema in _PERSON):
            score *= PENALTIES["schema conflict"]
            features.append(
                Feature(
                    "schema conflict",
                    PENALTIES["schema conflict"],
                    {"query": query.schema, "list": entry.schema},
                )
            )
        return Hit(
            list_id=list_id,
            entry_id=entry.entry_id,
            schema=entry.schema,
            caption=entry.name,
            matched_name=name.text,
            score=round(score, 4),
            features=tuple(features),
            countries=entry.countries,
            programs=entry.programs,
        )


def align(
    query: tuple[Token, ...], listed: tuple[Token, ...], korean: bool
) -> tuple[float, dict[str, Any]]:
    """How well two token sequences agree (0 to 1), and which tokens paired how."""
    query, listed = _merge_joined(query, listed), _merge_joined(listed, query)
    pairs = []
    for i, a in enumerate(query):
        for j, b in enumerate(listed):
            if a.text == b.text:
                pairs.append((1.0, i, j, "exact"))
            elif korean and a.key == b.key:
                pairs.append((ROMANISATION_SIMILARITY, i, j, "romanisation"))
            elif min(len(a.text), len(b.text)) >= SPELLING_MIN_LENGTH:
                similarity = JaroWinkler.normalized_similarity(a.text, b.text)
                if similarity >= SPELLING_MIN:
                    pairs.append((similarity, i, j, "spelling"))
    pairs.sort(key=lambda pair: -pair[0])
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
        matched.append(
            {
                "query": query[i].text,
                "list": listed[j].text,
                "how": how,
                "similarity": round(similarity, 3),
            }
        )
    query_total = sum(token.weight for token in query)
    listed_total = sum(token.weight for token in listed)
    detail = {
        "pairs": matched,
        "unmatched_query": [t.text for k, t in enumerate(query) if k not in used_query],
        "unmatched_list": [
            t.text for k, t in enumerate(listed) if k not in used_listed
        ],
    }
    if not query_total or not listed_total or not matched:
        return 0.0, detail
    precision = query_covered / query_total
    recall = listed_covered / listed_total
    score = 2 * precision * recall / (precision + recall)
    # "Joseon Palace Hotel" is not "Hotel Palace": an identifying word of the query
    # that the listed name lacks speaks against the match.
    missing = [
        t.text
        for k, t in enumerate(query)
        if k not in used_query and t.weight >= DISTINCTIVE
    ]
    if missing:
        detail["unmatched_identifying"] = missing
        score *= UNMATCHED_QUERY_WORD ** len(missing)
    if not any(query[i].weight >= DISTINCTIVE for i in used_query):
        # "Korea Trading Company" and "Foreign Trade Bank" share only boilerplate.
        detail["boilerplate_only"] = True
        score = min(score, BOILERPLATE_CAP)
    return score, detail


def _merge_joined(
    tokens: tuple[Token, ...], other: tuple[Token, ...]
) -> tuple[Token, ...]:
    """Join adjacent tokens that the other side writes as one ("Jong Un" / "Jongun")."""
    other_keys = {token.key for token in other}
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        if index + 1 < len(tokens):
            joined_key = tokens[index].key + tokens[index + 1].key
            if joined_key in other_keys and tokens[index].key not in other_keys:
                text = tokens[index].text + tokens[index + 1].text
                merged.append(
                    Token(
                        text,
                        joined_key,
                        max(tokens[index].weight, tokens[index + 1].weight),
                    )
                )
                index += 2
                continue
        merged.append(tokens[index])
        index += 1
    return tuple(merged)


def _index_keys(tokens: tuple[Token, ...]) -> set[str]:
    """Keys of the distinctive tokens, and of adjacent pairs joined; all tokens when
    none is distinctive."""
    distinctive = [token for token in tokens if token.weight >= DISTINCTIVE] or list(
        tokens
    )
    keys = {token.key for token in distinctive}
    keys.update(a.key + b.key for a, b in zip(tokens, tokens[1:], strict=False))
    return keys


def _with_readings(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A list's names, and the romanised readings of those written in Hangul."""
    found = list(names)
    for text, kind in names:
        if has_hangul(text):
            found += [(reading, kind) for _system, reading in romanise_hangul(text)]
    return found


def _is_korean(entry: ListEntry) -> bool:
    return bool(set(entry.countries) & _KOREAN_COUNTRIES) or any(
        "DPRK" in program.upper() or "KOREA" in program.upper()
        for program in entry.programs
    )
