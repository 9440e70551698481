"""Places: gazetteer names found by the pipeline, resolved to ISO 3166 codes, each
with its role in the sentence; and which of them a document reports.

Reads ``doc.spans["places"]`` (names marked by ``nlp.VocabularyMatcher``) and the
model's entities; adds a ``Place`` per mention. A name several places share
("Victoria") is resolved by the document's other places, then by population, and
dropped when neither decides.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import replace
from typing import Any

from laborwatch.extract.evidence import Place, Span
from laborwatch.extract.goods import ends_in_company_word
from laborwatch.extract.place_roles import (
    capital_names_its_state,
    excluded_destination,
    institution_follows,
    names_a_region,
    place_role,
)
from laborwatch.extract.vocabulary import PlaceEntry, gazetteer, gazetteer_names

# Words before a name that make it a person's: "Mr. Jackson", "Dr. Florence".
_TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "madam", "lady", "lord", "rev"}
_NATIONAL = {"country", "demonym"}
# A city must be this many times larger than the next of its name to be chosen
# without the document's help: "Karachi" yes, "Victoria" (HK, CA) no.
_POPULATION_MARGIN = 5
# A province has no population in the table; it counts as a city this large.
_SUBDIVISION_POPULATION = 1_000_000


def find_places(doc: Any, locate: Callable[[int], int]) -> list[Place]:
    """Every gazetteer place in the parsed document, in text order.

    ``locate`` gives the position of the sentence holding a character offset.
    """
    entries = gazetteer()
    names = gazetteer_names()
    people = _entity_tokens(doc, "PERSON")
    in_places = {token.i for span in doc.spans["places"] for token in span}
    persons = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    persons_words = _persons_words(persons, in_places)
    found: list[tuple[Any, list[PlaceEntry]]] = []
    for span in doc.spans["places"]:
        candidates = [entries[index] for index in names.get(span.kb_id_, ())]
        if not candidates or _is_person(
            doc, span, people, persons, in_places, candidates
        ):
            continue
        if _shouted(span.text, candidates):
            continue  # "ILO" is an acronym, not Ilo in Peru
        if _group_or_language(doc, span, candidates):
            continue
        if all(entry.kind == "demonym" for entry in candidates) and names_a_region(
            doc, span
        ):
            continue  # "South American": a continent's part, no country
        if institution_follows(doc, span) or capital_names_its_state(span):
            continue  # "the US Department of Labor", "Beijing says": not places
        found.append((span, candidates))
    states, towns = _us_states_abbreviated(doc)
    # The town before an abbreviated state lies in it ("Paris, Ga." is not the
    # French capital), or is a town the gazetteer lacks.
    found = [
        (span, [entry for entry in candidates if entry.subdivision == in_state])
        if (in_state := towns.get(span.end_char))
        else (span, candidates)
        for span, candidates in found
    ]
    found = [(span, candidates) for span, candidates in found if candidates]
    found += states
    found.sort(key=lambda pair: pair[0].start)
    # A town that begins a company's name ("Sunrise Gem Trading Company") counts
    # as a place only where the document names its country otherwise.
    in_names = {
        index
        for index, (span, candidates) in enumerate(found)
        if all(entry.kind == "city" for entry in candidates)
        and ends_in_company_word(span)
    }
    countries = _document_countries(
        candidates
        for index, (_span, candidates) in enumerate(found)
        if index not in in_names
    )
    # Subdivisions the document names without doubt: "Arkansas" decides which
    # Washington County it means.
    subdivisions = {
        code
        for _span, candidates in found
        if len(codes := {entry.subdivision for entry in candidates}) == 1
        and (code := codes.pop()) is not None
    }
    # The company named again by that word alone: "Munger's managers".
    company_words = {found[index][0].text.lower() for index in in_names}
    places = []
    for index, (span, candidates) in enumerate(found):
        entry = _resolve(candidates, countries, subdivisions)
        if entry is None and _small_town(candidates) and place_role(doc, span, "city"):
            # "scam compounds in Sihanoukville": the sentence makes it a place.
            entry = _resolve(candidates, countries, subdivisions, small_towns=True)
        if entry is None or (
            (index in in_names or span.text.lower() in company_words)
            and not countries[entry.country]
        ):
            continue
        role = place_role(doc, span, entry.kind)
        if excluded_destination(span, role):
            continue  # the authority keeping the goods out, not where they go
        if (
            role is None
            and entry.kind not in _NATIONAL
            and span.text.lower() in persons_words
        ):
            continue  # "said Simiyu": the person named before, not the region
        places.append(
            Place(
                text=span.text,
                country=entry.country,
                subdivision=entry.subdivision,
                city=entry.city,
                latitude=entry.latitude,
                longitude=entry.longitude,
                span=Span(span.start_char, span.end_char, locate(span.start_char)),
                role=role,
            )
        )
    return _share_roles_in_lists(places, doc.text)


# US states as American news writes them after a town (AP style), and their names:
# "Worthington, Minn.", "Springdale, Ark.", "Washington, D.C.".
_AP_STATES = {
    "Ala.": "Alabama",
    "Ariz.": "Arizona",
    "Ark.": "Arkansas",
    "Calif.": "California",
    "Colo.": "Colorado",
    "Conn.": "Connecticut",
    "Del.": "Delaware",
    "D.C.": "District of Columbia",
    "Fla.": "Florida",
    "Ga.": "Georgia",
    "Ill.": "Illinois",
    "Ind.": "Indiana",
    "Kan.": "Kansas",
    "Ky.": "Kentucky",
    "La.": "Louisiana",
    "Md.": "Maryland",
    "Mass.": "Massachusetts",
    "Mich.": "Michigan",
    "Minn.": "Minnesota",
    "Miss.": "Mississippi",
    "Mo.": "Missouri",
    "Mont.": "Montana",
    "Neb.": "Nebraska",
    "Nev.": "Nevada",
    "N.H.": "New Hampshire",
    "N.J.": "New Jersey",
    "N.M.": "New Mexico",
    "N.Y.": "New York",
    "N.C.": "North Carolina",
    "N.D.": "North Dakota",
    "Okla.": "Oklahoma",
    "Ore.": "Oregon",
    "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island",
    "S.C.": "South Carolina",
    "S.D.": "South Dakota",
    "Tenn.": "Tennessee",
    "Vt.": "Vermont",
    "Va.": "Virginia",
    "Wash.": "Washington",
    "W.Va.": "West Virginia",
    "Wis.": "Wisconsin",
    "Wyo.": "Wyoming",
}
_AP_STATE = re.compile(
    r"\b(?P<town>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,3}), (?P<state>"
    + "|".join(re.escape(abbreviation) for abbreviation in _AP_STATES)
    + r")(?![\w.])"
)


# What may follow an abbreviated state: the clause goes on ("Worthington, Minn., at
# night") or the text ends.
_CLAUSE_END = re.compile(r"[,;:)]|\s*$")


def _us_place(town: str, entries: tuple[PlaceEntry, ...], names: Any) -> bool:
    """Whether the last words of ``town`` name a US place ("in Springdale")."""
    words = town.split()
    return any(
        entries[index].country == "US"
        for start in range(len(words))
        for index in names.get(" ".join(words[start:]).lower(), ())
    )


def _us_states_abbreviated(
    doc: Any,
) -> tuple[list[tuple[Any, list[PlaceEntry]]], dict[int, str | None]]:
    """The states abbreviated after a town's name, each as its state's entry; and
    where each town's name ends, with its state's code."""
    entries, names = gazetteer(), gazetteer_names()
    found = []
    towns: dict[int, str | None] = {}
    text = doc.text  # joined anew by each Doc.text: read once
    for match in _AP_STATE.finditer(text):
        if not (
            _CLAUSE_END.match(text, match.end())
            or _us_place(match.group("town"), entries, names)
        ):
            continue  # "John Smith, Miss. Jones": a title, not a state
        span = doc.char_span(*match.span("state"), alignment_mode="expand")
        # Written so, the state is no word ("Georgia", "Washington"): it is kept
        # without the country named.
        state = [
            replace(entries[index], common=False)
            for index in names.get(_AP_STATES[match.group("state")].lower(), ())
            if entries[index].country == "US" and entries[index].kind == "subdivision"
        ]
        if span is not None and state:
            found.append((span, state))
            towns[match.end("town")] = state[0].subdivision
    return found, towns


# "in South Pyongan, South Hamgyong and North Pyongan": the places of one list.
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*(?:and|or))\s*")


def _share_roles_in_lists(places: list[Place], text: str) -> list[Place]:
    """A place listed after another in one sentence ("A, B and C") takes the role
    the sentence gives the list where its own words say none."""
    shared: list[Place] = []
    for place in places:
        previous = shared[-1] if shared else None
        if (
            place.role is None
            and previous is not None
            and previous.role is not None
            and previous.span.sentence == place.span.sentence
            and _LIST_JOIN.fullmatch(text[previous.span.end : place.span.start])
        ):
            place = replace(place, role=previous.role)
        shared.append(place)
    return shared


def select_places(places: list[Place], evidence_sentences: set[int]) -> list[Place]:
    """The places a document reports: where the work happens, where its workers come
    from, in evidence sentences, and the country the document is about.

    Not reported: a place named in a sentence without evidence and without a role;
    the authority that bans or sanctions, the buyer, and a body's name ("the US
    Department of Labor") are not found as places at all (``find_places``).
    """
    labour = [
        place
        for place in places
        if place.role is not None
        or (place.role is None and place.span.sentence in evidence_sentences)
    ]
    reported = {id(place) for place in labour}
    main = _main_country(places, evidence_sentences)
    return [
        place
        for place in places
        if id(place) in reported
        or (place.country == main and place.subdivision is None)
    ]


def _main_country(places: list[Place], evidence_sentences: set[int]) -> str | None:
    """The country most named other than as a destination, where the document
    describes work: it has evidence sentences (without them, only places the text
    gives a role are reported)."""
    counts = Counter(place.country for place in places if place.role != "destination")
    if not counts or not evidence_sentences:
        return None
    return counts.most_common(1)[0][0]


def _group_or_language(doc: Any, span: Any, candidates: list[PlaceEntry]) -> bool:
    """A demonym naming an ethnic group ("ethnic Kyrgyz in Xinjiang") or a language
    ("told the workers in Spanish"), not a country."""
    if not all(entry.kind == "demonym" for entry in candidates) or span.start == 0:
        return False
    previous = doc[span.start - 1].lower_
    if previous == "ethnic":
        return True
    following = doc[span.end] if span.end < len(doc) else None
    return previous in ("in", "into") and (following is None or following.is_punct)


def _shouted(text: str, candidates: list[PlaceEntry]) -> bool:
    """Written in capitals where the gazetteer's name is not: an acronym."""
    return (
        text.isupper()
        and sum(ch.isalpha() for ch in text) > 1
        and not any(entry.name.isupper() for entry in candidates)
    )


def _entity_tokens(doc: Any, label: str) -> set[int]:
    return {token.i for ent in doc.ents if ent.label_ == label for token in ent}


def _is_person(
    doc: Any,
    span: Any,
    people: set[int],
    persons: list[Any],
    in_places: set[int],
    candidates: list[PlaceEntry],
) -> bool:
    """A name used for a person: after a title, or, for a name that is also a word or
    names places in several countries, inside a person the model found (the small
    model reads "Haryana" as a person: a name with one meaning is left alone)."""
    if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in _TITLES:
        return True
    if _inside_a_persons_name(span, persons, in_places):
        return True
    if _unambiguous(candidates) is not None:
        return False
    return any(token.i in people for token in span)


def _inside_a_persons_name(span: Any, persons: list[Any], in_places: set[int]) -> bool:
    """Whether the name is one word of a person the model found (``persons``)
    whose other words are no place (not in ``in_places``): "Joy Simiyu", "Jordan
    Smith"; a person of the place's name alone ("Haryana") is left to
    `_is_person`'s other tests."""
    for ent in persons:
        if not ent.start <= span.start < span.end <= ent.end:
            continue
        rest = [t for t in ent if t.is_alpha and not span.start <= t.i < span.end]
        if rest and not any(token.i in in_places for token in rest):
            return True
    return False


def _persons_words(persons: list[Any], in_places: set[int]) -> set[str]:
    """The words of the persons the model found whose names have a word that is no
    place: "Joy Simiyu" gives "joy" and "simiyu", so that "said Simiyu" later, a
    name of no country given no role, is the person, not the Tanzanian region;
    "Haryana" alone gives nothing."""
    words: set[str] = set()
    for ent in persons:
        names = [token for token in ent if token.is_alpha]
        if len(names) >= 2 and any(token.i not in in_places for token in names):
            words.update(token.lower_ for token in names)
    return words


def _unambiguous(candidates: list[PlaceEntry]) -> PlaceEntry | None:
    """The place a name stands for without context, if there is one."""
    national = [entry for entry in candidates if entry.kind in _NATIONAL]
    if national:
        country = national[0].country
        # "Georgia" is a country unless the document is about the United States.
        if all(entry.country == country for entry in candidates):
            return national[0]
        return None
    if (
        len({entry.country for entry in candidates}) == 1
        and not any(entry.common for entry in candidates)
        and not _small_town(candidates)
    ):
        return _within_country(candidates, frozenset())
    return None


# A town smaller than this, of a country the document does not name, is more
# often a word or a name than the town ("Man", "Roman", "Babu", "Munger").
_TOWN_POPULATION = 250_000


def _small_town(candidates: list[PlaceEntry]) -> bool:
    return all(
        entry.kind == "city" and _population(entry) < _TOWN_POPULATION
        for entry in candidates
    )


def _document_countries(found: Iterable[list[PlaceEntry]]) -> Counter[str]:
    """How often the document names each country by a name that needs no context."""
    counts: Counter[str] = Counter()
    for candidates in found:
        entry = _unambiguous(candidates)
        if entry is not None:
            counts[entry.country] += 1
    return counts


def _resolve(
    candidates: list[PlaceEntry],
    countries: Counter[str],
    subdivisions: AbstractSet[str] = frozenset(),
    *,
    small_towns: bool = False,
) -> PlaceEntry | None:
    entry = _unambiguous(candidates)
    if entry is not None:
        return entry
    national = [entry for entry in candidates if entry.kind in _NATIONAL]
    named = [entry for entry in candidates if countries[entry.country]]
    if national and (not named or countries[national[0].country]):
        return national[0]
    if named:
        best = max(countries[entry.country] for entry in named)
        return _within_country(
            [e for e in named if countries[e.country] == best], subdivisions
        )
    if any(entry.common for entry in candidates) or (
        _small_town(candidates) and not small_towns
    ):
        return None  # "Mobile", "Victoria": a word unless the document says where
    ranked = sorted(
        ((_population(entry), entry) for entry in candidates),
        key=lambda pair: -pair[0],
    )
    top = ranked[0][1]
    others = [size for size, entry in ranked if entry.country != top.country]
    if not others or ranked[0][0] >= _POPULATION_MARGIN * others[0]:
        return _within_country(
            [e for e in candidates if e.country == top.country], subdivisions
        )
    return None


def _within_country(
    candidates: list[PlaceEntry], subdivisions: AbstractSet[str]
) -> PlaceEntry:
    """One place among those of one name in one country: the largest city, placed in
    the subdivision of that name where there is one (Leicester in GB-LCE, Jilin in
    CN-JL), else the subdivision itself. Subdivisions of one name in several
    provinces (Washington County in thirty states) are the one in a province the
    document names (``subdivisions``), else the country alone."""
    cities = sorted(
        (entry for entry in candidates if entry.kind == "city"),
        key=_population,
        reverse=True,
    )
    named = [entry for entry in candidates if entry.kind == "subdivision"]
    if not cities and len({entry.subdivision for entry in named}) > 1:
        chosen = [entry for entry in named if entry.subdivision in subdivisions]
        if len({entry.subdivision for entry in chosen}) == 1:
            return chosen[0]
        return replace(named[0], subdivision=None, latitude=None, longitude=None)
    if cities and named:
        city = cities[0]
        # A city that is a division of its own keeps it: "Buenos Aires" is AR-C,
        # not the province of that name.
        named = [e for e in named if e.subdivision == city.subdivision] or named
        return PlaceEntry(
            city.name,
            "city",
            city.country,
            named[0].subdivision,
            city.city,
            city.latitude,
            city.longitude,
            city.population,
            city.common,
        )
    return (cities or candidates)[0]


def _population(entry: PlaceEntry) -> int:
    if entry.population is not None:
        return entry.population
    return _SUBDIVISION_POPULATION
