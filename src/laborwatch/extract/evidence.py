"""What extraction finds in a document. Every fact keeps its sentence and span."""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass, field
from typing import Any

from laborwatch.documents import Sentence


@dataclass(frozen=True)
class Span:
    """Where a fact was found: character offsets into the document text, and the
    position of the sentence that holds it."""

    start: int
    end: int
    sentence: int

    @classmethod
    def within(cls, sentence: Sentence, start: int, end: int) -> Span:
        """The span of ``sentence.text[start:end]`` in the document."""
        return cls(sentence.start + start, sentence.start + end, sentence.position)


def fact_fields(fact: Any) -> dict[str, Any]:
    """A fact's own fields, without its span: what is stored and shown of it."""
    return {
        key: value for key, value in dataclasses.asdict(fact).items() if key != "span"
    }


# Kinds whose fields do not say which fact it is: their words do ("North Korean
# workers" and "Bangladeshi workers" are both of group "workers").
_NAMED_BY_TEXT = {"victim", "victims", "source", "sources", "denial", "denials"}
_DETERMINERS = re.compile(r"^(?:the|these|those|their|its|such|many|some|all)\s+", re.I)


def fact_identity(kind: str, fields: dict[str, Any]) -> str:
    """What makes two mentions one fact of a document: their fields, less the
    words as written and an actor's part in each sentence; for victims, sources,
    denials and dates without a value, the words too (case and a leading "the"
    aside)."""
    same = {key: value for key, value in fields.items() if key not in ("text", "role")}
    if kind in _NAMED_BY_TEXT or (
        kind in ("date", "dates") and not fields.get("value")
    ):
        words = " ".join(str(fields.get("text") or "").lower().split())
        same["text"] = _DETERMINERS.sub("", words)
    return json.dumps([kind, same], sort_keys=True, default=str)


@dataclass(frozen=True)
class Indicator:
    """An indicator code supported by a sentence, the cue that triggered it, how
    sure the rule is (0 to 1), and the sentence classifier's probability."""

    code: str
    cue: str
    span: Span
    confidence: float
    rule: str
    model_confidence: float | None = None


@dataclass(frozen=True)
class Actor:
    """An actor: ``name`` is its longest name in the document, ``text`` the
    mention as written; ``role`` what its sentence says it does, if it says."""

    name: str
    kind: str  # public_body, company, organisation, person, armed_group, vessel
    role: str | None
    span: Span
    text: str = ""


@dataclass(frozen=True)
class Place:
    text: str
    country: str
    subdivision: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    span: Span
    # "work site", "origin" (where the workers come from), "destination" (where
    # goods go), or None where the sentence does not say.
    role: str | None = None


@dataclass(frozen=True)
class Good:
    text: str
    good: str  # its name in data/goods.csv (the DOL list's name where it has one)
    hs: str | None  # HS heading or chapter, where data/goods.csv gives one
    sector: str
    span: Span


@dataclass(frozen=True)
class Money:
    """An amount, or a range ``amount`` to ``amount_max``; currency is ISO 4217, or
    "%" for a share of wages. A ``conversion`` restates the amount before it in
    another currency ("$300 (£240)") and is not a fact of its own."""

    text: str
    amount: float
    currency: str | None
    period: str | None  # hour, day, week, month, year
    # wage, fee, debt, deduction, owed_wages, fine, price, share, other
    kind: str
    span: Span
    amount_max: float | None = None
    conversion: bool = False


@dataclass(frozen=True)
class Victim:
    text: str
    group: str
    sex: str | None
    age: str | None
    minor: bool | None
    number: int | None
    span: Span


@dataclass(frozen=True)
class DateMention:
    """A date in the text; ``value`` is ISO 8601 ("2024-02-03", "2023-03", "2019",
    "--02-03" when the year is unknown, "2019/2021" for a range)."""

    text: str
    value: str | None
    span: Span
    kind: str = "event"  # event, statement, publication


@dataclass(frozen=True)
class CitedSource:
    """Who said it: the informant or body quoted, where and when."""

    text: str
    speaker: str
    outlet: str | None
    date: str | None
    span: Span


@dataclass(frozen=True)
class Denial:
    """An accused party rejecting the claims; not evidence of an indicator."""

    text: str
    by: str | None
    span: Span


@dataclass(frozen=True)
class Incident:
    """What a report says happened: who, to whom, where, when, in which good."""

    indicators: tuple[str, ...]
    actors: tuple[str, ...]
    victims: tuple[str, ...]
    countries: tuple[str, ...]
    subdivisions: tuple[str, ...]
    goods: tuple[str, ...]
    dates: tuple[str, ...]
    sentences: tuple[int, ...]


@dataclass
class Evidence:
    """Everything extracted from one document."""

    document_id: str
    extractor_version: str
    language: str | None
    analysed: bool
    note: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    goods: list[Good] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    sources: list[CitedSource] = field(default_factory=list)
    denials: list[Denial] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)

    def codes(self) -> set[str]:
        return {indicator.code for indicator in self.indicators}
