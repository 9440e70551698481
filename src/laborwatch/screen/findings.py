"""What a screened row found, as typed records: sanctions hits, DOL pairs, evidence.

A screening builds these; ``record()`` gives each one's JSON shape (stored with
the run, printed by ``screen --json``, documented in docs/screening.md), and
``from_record`` reads a stored one back, including those stored by older
versions, which lack some keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from laborwatch.match import Feature, Hit

Record = Mapping[str, Any]


def _text(record: Record, key: str) -> str | None:
    value = record.get(key)
    return None if value is None else str(value)


def _strings(record: Record, key: str) -> tuple[str, ...]:
    return tuple(str(value) for value in record.get(key) or ())


@dataclass(frozen=True)
class ReportRef:
    """The stored report a finding quotes: its id and source."""

    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "url": self.url,
            "site": self.site,
        }

    @classmethod
    def from_record(cls, record: Record) -> ReportRef:
        return cls(
            id=str(record.get("id") or ""),
            title=_text(record, "title"),
            published=_text(record, "published"),
            url=_text(record, "url"),
            site=_text(record, "site"),
        )


@dataclass(frozen=True)
class Quote:
    """An evidence sentence quoted from a report, with its span and source."""

    sentence: int
    start: int
    end: int
    text: str
    indicators: tuple[str, ...]
    confidence: float | None = None
    document: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "indicators": list(self.indicators),
            "confidence": self.confidence,
            "document": self.document,
            "title": self.title,
            "published": self.published,
            "url": self.url,
        }

    @classmethod
    def from_record(cls, record: Record) -> Quote:
        confidence = record.get("confidence")
        return cls(
            sentence=int(record["sentence"]),
            start=int(record["start"]),
            end=int(record["end"]),
            text=str(record["text"]),
            indicators=_strings(record, "indicators"),
            confidence=None if confidence is None else float(confidence),
            document=_text(record, "document"),
            title=_text(record, "title"),
            published=_text(record, "published"),
            url=_text(record, "url"),
        )


@dataclass(frozen=True)
class SanctionsFinding:
    """A list entry the supplier, its parent, address or identifier matched.

    ``country_conflict``: the entry is in another country and no identifier or
    address agrees, so the name alone counts low."""

    screened: str
    hit: Hit
    country_conflict: bool = False

    def record(self) -> dict[str, Any]:
        return {
            "screened": self.screened,
            **self.hit.record(),
            "country_conflict": self.country_conflict,
        }

    @classmethod
    def from_record(cls, record: Record) -> SanctionsFinding:
        hit = Hit(
            list_id=str(record["list"]),
            entry_id=str(record["entry_id"]),
            schema=str(record.get("schema") or ""),
            caption=str(record["caption"]),
            matched_name=str(record.get("matched_name") or record["caption"]),
            score=float(record["score"]),
            features=tuple(
                Feature(
                    str(feature["name"]),
                    float(feature["value"]),
                    dict(feature.get("detail") or {}),
                )
                for feature in record.get("features") or ()
            ),
            countries=_strings(record, "countries"),
            programs=_strings(record, "programs"),
        )
        return cls(
            screened=str(record.get("screened") or "supplier"),
            hit=hit,
            country_conflict=bool(record.get("country_conflict")),
        )


@dataclass(frozen=True)
class CountryGoodFinding:
    """A pair on the US DOL list: the supplier's country and good, and the labour."""

    list_id: str
    good: str
    country: str
    labour: tuple[str, ...]
    derived_from: str | None = None

    def record(self) -> dict[str, Any]:
        return {
            "list": self.list_id,
            "good": self.good,
            "country": self.country,
            "labour": list(self.labour),
            "derived_from": self.derived_from,
        }

    @classmethod
    def from_record(cls, record: Record) -> CountryGoodFinding:
        return cls(
            list_id=str(record["list"]),
            good=str(record["good"]),
            country=str(record["country"]),
            labour=_strings(record, "labour"),
            derived_from=_text(record, "derived_from"),
        )


@dataclass(frozen=True)
class NamedEvidence:
    """A stored report that names the supplier (or the entry it matched)."""

    document: ReportRef
    actor: str
    score: float
    quotes: tuple[Quote, ...]
    north_korea: bool = False

    kind: ClassVar[str] = "named"

    def record(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document": self.document.record(),
            "actor": self.actor,
            "score": self.score,
            "quotes": [quote.record() for quote in self.quotes],
            "north_korea": self.north_korea,
        }

    @classmethod
    def from_record(cls, record: Record) -> NamedEvidence:
        return cls(
            document=ReportRef.from_record(record.get("document") or {}),
            actor=str(record.get("actor") or ""),
            score=float(record.get("score") or 0.0),
            quotes=tuple(Quote.from_record(q) for q in record.get("quotes") or ()),
            north_korea=bool(record.get("north_korea")),
        )


@dataclass(frozen=True)
class RegisterEvidence:
    """A risk register row for the supplier's country (or province) and good, with
    the reports it quotes; ``document`` is the first of them. Items stored before
    the register carry no strength, sources or dates."""

    document: ReportRef
    good: str
    country: str
    quotes: tuple[Quote, ...]
    subdivision: str | None = None
    strength: str | None = None
    independent_sources: int | None = None
    publishers: tuple[str, ...] = ()
    first_date: str | None = None
    last_date: str | None = None
    state_imposed: bool = False
    children: bool = False

    kind: ClassVar[str] = "country_good"

    def record(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document": self.document.record(),
            "good": self.good,
            "country": self.country,
            "quotes": [quote.record() for quote in self.quotes],
            "subdivision": self.subdivision,
            "strength": self.strength,
            "independent_sources": self.independent_sources,
            "publishers": list(self.publishers),
            "first_date": self.first_date,
            "last_date": self.last_date,
            "state_imposed": self.state_imposed,
            "children": self.children,
        }

    @classmethod
    def from_record(cls, record: Record) -> RegisterEvidence:
        sources = record.get("independent_sources")
        return cls(
            document=ReportRef.from_record(record.get("document") or {}),
            good=str(record.get("good") or ""),
            country=str(record.get("country") or ""),
            quotes=tuple(Quote.from_record(q) for q in record.get("quotes") or ()),
            subdivision=_text(record, "subdivision"),
            strength=_text(record, "strength"),
            independent_sources=None if sources is None else int(sources),
            publishers=_strings(record, "publishers"),
            first_date=_text(record, "first_date"),
            last_date=_text(record, "last_date"),
            state_imposed=bool(record.get("state_imposed")),
            children=bool(record.get("children")),
        )


EvidenceFinding = NamedEvidence | RegisterEvidence


def evidence_from_record(record: Record) -> EvidenceFinding:
    if record.get("kind") == RegisterEvidence.kind:
        return RegisterEvidence.from_record(record)
    return NamedEvidence.from_record(record)
