"""Actors: who runs or profits from the work, with a role where the text gives one."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import Actor, Span

_PUBLIC = re.compile(
    r"\b(?:ministry|bureau|government|department|committee|party|army|military|police|authorit\w+|regime|council|agency|administration|office|state|province|provincial|municipal|people's|court|security)\b",
    re.I,
)
_COMPANY = re.compile(
    r"\b(?:co|corp|corporation|company|companies|ltd|limited|inc|llc|plc|group|trading|enterprises?|industr\w+|factory|mining|jsc|gmbh|s\.a)\b\.?",
    re.I,
)
_ARMED = re.compile(r"\b(?:armed groups?|militias?|rebels?|insurgents?)\b", re.I)
# Generic actors named by role rather than name, as reports often do.
_GENERIC = re.compile(
    r"\b(?:(?:north korean |chinese |local |provincial )?(?:government(?: officials)?|authorities|officials|military|army|police)"
    r"|(?:fraudulent |labou?r |unlicensed )*(?:recruit(?:ers|ment agencies|ing agents)|brokers|traffickers|employers|middlemen|intermediaries|factory owners|kiln owners|owners|managers|supervisors|contractors)"
    r"|armed groups|criminal syndicates|local gangs|gangs|militias)\b",
    re.I,
)
_ROLES = (
    (
        "state body setting quotas",
        re.compile(r"\bquotas?\b|\bmobili[sz]\w+|\border\w*\b", re.I),
    ),
    (
        "recruiter",
        re.compile(r"\brecruit\w*|\bseek\w*|\bselect\w*|\blur\w*|\btraffick\w*", re.I),
    ),
    ("buyer", re.compile(r"\bbuy\w*|\bbought\b|\bpurchas\w+|\bimport\w*", re.I)),
    (
        "trader",
        re.compile(r"\btrad(?:e|ing|er)s?\b|\bexport\w*|\bsold\b|\bsell\w*", re.I),
    ),
    (
        "employer",
        re.compile(
            r"\bemploy\w*|\bfactor(?:y|ies)\b|\bwork(?:ers|ing)? (?:at|for|in)\b|\bowners?\b|\bmanagers?\b",
            re.I,
        ),
    ),
)
# Capitalised names ending in an organisation word, which the small model's NER
# often misses: "Sunrise Gem Trading Company", "Daesung General Bureau".
_NAMED_ORGANISATION = re.compile(
    r"\b(?:[A-Z][\w&'-]*\s){1,5}(?:Company|Co\.|Corporation|Corp\.|Ltd\.?|Limited|Inc\.|LLC|Group|Trading|Bureau|Ministry|Enterprise|Factory|Mine|Plantation|Cooperative|Agency)\b"
)
_SKIP_ORGS = re.compile(
    r"^(?:the )?(?:ngo|ngos|un|united nations|ilo|reuters|associated press|ap|afp|bbc|daily nk|rfa|radio free asia)$",
    re.I,
)


def find_actors(
    doc: Any, sentences: list[Sentence], locate: Callable[[int], int], outlets: set[str]
) -> list[Actor]:
    """Named organisations and persons, and actors named by role, in text order."""
    actors = []
    for entity in doc.ents:
        if entity.label_ not in ("ORG", "PERSON", "NORP"):
            continue
        name = re.sub(r"^the\s+", "", entity.text, flags=re.I).strip()
        if entity.label_ == "NORP":
            # "North Korean regime": a nationality that heads a public body.
            following = doc[entity.end : entity.end + 1].text.lower()
            if following not in (
                "regime",
                "government",
                "authorities",
                "military",
                "army",
            ):
                continue
            name = f"{name} {following}"
        if not name or name in outlets or _SKIP_ORGS.match(name):
            continue
        position = locate(entity.start_char)
        actors.append(
            Actor(
                name=name,
                kind=_kind(name, entity.label_),
                role=_role(sentences[position].text),
                span=Span(
                    entity.start_char, entity.start_char + len(entity.text), position
                ),
            )
        )
    for sentence in sentences:
        for match in _NAMED_ORGANISATION.finditer(sentence.text):
            name = re.sub(r"^(?:The|A|An)\s+", "", match.group(0)).strip()
            start = sentence.start + sentence.text.find(name, match.start())
            if " " not in name or any(
                a.span.start <= start < a.span.end for a in actors
            ):
                continue
            actors.append(
                Actor(
                    name=name,
                    kind=_kind(name, "ORG"),
                    role=_role(sentence.text),
                    span=Span(start, start + len(name), sentence.position),
                )
            )
        for match in _GENERIC.finditer(sentence.text):
            start = sentence.start + match.start()
            if any(a.span.start <= start < a.span.end for a in actors):
                continue
            actors.append(
                Actor(
                    name=match.group(0),
                    kind=_kind(match.group(0), "GENERIC"),
                    role=_role(sentence.text),
                    span=Span(start, sentence.start + match.end(), sentence.position),
                )
            )
    return sorted(actors, key=lambda actor: actor.span.start)


_PERSONS = re.compile(
    r"\b(?:traffickers|recruit\w*|brokers|middlemen|intermediaries|gangs|syndicates)\b",
    re.I,
)
_EMPLOYERS = re.compile(
    r"\b(?:employers|owners|managers|supervisors|contractors)\b", re.I
)


def _kind(name: str, label: str) -> str:
    if _ARMED.search(name):
        return "armed_group"
    if _PUBLIC.search(name):
        return "public_body"
    if _COMPANY.search(name) or _EMPLOYERS.search(name):
        return "company"
    if label == "PERSON" or _PERSONS.search(name):
        return (
            "organisation" if re.search(r"gangs|syndicates", name, re.I) else "person"
        )
    return "organisation"


def _role(text: str) -> str | None:
    for role, pattern in _ROLES:
        if pattern.search(text):
            return role
    return None
