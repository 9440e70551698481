"""Victims: the group affected, with sex, age or age band, minority and number."""

from __future__ import annotations

import re

from laborwatch.documents import Sentence
from laborwatch.extract.evidence import Span, Victim

_NUMBER_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "dozens": None,
    "hundreds": None,
    "thousands": None,
}
# "four or five workers", "80,000 to 120,000 persons", "more than 300 children":
# the text gives no one count, so the victims get none.
_APPROXIMATE = (
    r"(?i:(?P<approximate>(?:(?:more|fewer|less) than|over|about|around|nearly|almost"
    r"|approximately|at least|up to|some|roughly|an estimated)\s|"
    r"(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten)\s?(?:or|to|-|–)\s?)?)"
)
_GROUP = re.compile(
    r"\b"
    + _APPROXIMATE
    + r"(?P<number>(?i:\d{1,3}(?:,\d{3})+|\d+|two|three|four|five|six|seven|eight|nine|ten|twenty-\w+|dozens of|hundreds of|thousands of))?\s?"
    r"(?P<modifiers>(?:(?:young|teenage|female|male|migrant|foreign|local|child|school|ethnic|muslim|[A-Z][a-z]+)\s){0,2})"
    r"(?P<group>girls|boys|children|kids|students|schoolchildren|pupils|minors|women|men|workers|laborers|labourers|fishermen|fishers|miners|farmers|prisoners|detainees|migrants|refugees|families|crew members|crewmen|crew|soldiers|victims|persons|people|individuals|asylum-seekers|inmates|domestic workers|Uyghurs|Uighurs|Rohingya|North Koreans)\b"
)
_AGE = re.compile(
    r"\b(?:aged|as young as|ages?) (?P<age>\d{1,2}(?:\s?(?:to|and|-)\s?\d{1,2})?)|\b(?P<years>\d{1,2})[- ]years?[- ]old\b"
)
_FEMALE = {"girls", "women"}
_MALE = {"boys", "men", "fishermen"}
_MINORS = {
    "girls",
    "boys",
    "children",
    "kids",
    "students",
    "schoolchildren",
    "pupils",
    "minors",
}


# Groups named as the ones who do the harm: "three suspects were detained".
_PERPETRATOR_CONTEXT = re.compile(
    r"^\s*(?:were|was|have been|had been)\s+(?:arrested|detained|charged|convicted"
    r"|sentenced|indicted|prosecuted|accused)",
    re.I,
)


def find_victims(sentence: Sentence) -> list[Victim]:
    """Groups of people affected that a sentence names."""
    victims = []
    age_match = _AGE.search(sentence.text)
    age = (age_match.group("age") or age_match.group("years")) if age_match else None
    for match in _GROUP.finditer(sentence.text):
        group = match.group("group").lower()
        modifiers = (match.group("modifiers") or "").lower()
        text = match.group(0).strip()
        if not text or _PERPETRATOR_CONTEXT.match(sentence.text[match.end() :]):
            continue
        sex = (
            "female"
            if group in _FEMALE or "female" in modifiers
            else "male"
            if group in _MALE or "male " in modifiers
            else None
        )
        minor: bool | None = (
            True
            if group in _MINORS or "teenage" in modifiers or "child" in modifiers
            else None
        )
        if age is not None and minor is None:
            minor = int(re.split(r"\D+", age)[0]) < 18
        start = (
            sentence.start
            + match.start()
            + (len(match.group(0)) - len(match.group(0).lstrip()))
        )
        victims.append(
            Victim(
                text=text,
                group=group,
                sex=sex,
                age=age,
                minor=minor,
                number=None
                if match.group("approximate")
                else _number(match.group("number")),
                span=Span(start, start + len(text), sentence.position),
            )
        )
    return victims


def _number(value: str | None) -> int | None:
    if not value:
        return None
    value = value.lower().replace(",", "")
    if value.isdigit():
        return int(value)
    return _NUMBER_WORDS.get(value)
