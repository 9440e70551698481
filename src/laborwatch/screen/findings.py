"""What a screened row found, as typed records: sanctions hits, DOL pairs, evidence.

A screening builds these. Their fields, in order, are the JSON shape stored with
the run, printed by ``screen --json`` and documented in docs/screening.md;
pydantic writes them out and reads stored ones back (``FindingList``), including
those an older version stored, which lack some keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import Field, TypeAdapter

from laborwatch.match import Feature, Hit


@dataclass(frozen=True)
class ReportRef:
    """The stored report a finding quotes: its id and source."""

    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class Quote:
    """An evidence sentence quoted from a report, with its span and source (quotes
    stored by older versions carry no source)."""

    sentence: int  # its position in the document
    start: int
    end: int
    text: str
    indicators: tuple[str, ...] = ()
    confidence: float | None = None  # the highest of its indicators'
    document: str | None = None
    title: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, kw_only=True)
class SanctionsFinding:
    """A list entry that what was ``screened`` (supplier, parent company, address
    or identifier) matched: the matcher's hit, flattened.

    ``country_conflict``: the entry is in another country and no identifier or
    address agrees, so the name alone counts low. Hits stored by the first
    versions carry no schema."""

    screened: str
    list_id: Annotated[str, Field(alias="list")]
    entry_id: str
    schema: str = ""
    caption: str
    matched_name: str
    score: float
    countries: tuple[str, ...] = ()
    programs: tuple[str, ...] = ()
    features: tuple[Feature, ...] = ()
    country_conflict: bool = False

    @classmethod
    def of(
        cls, screened: str, hit: Hit, country_conflict: bool = False
    ) -> SanctionsFinding:
        values = {item.name: getattr(hit, item.name) for item in fields(hit)}
        return cls(screened=screened, country_conflict=country_conflict, **values)


@dataclass(frozen=True)
class CountryGoodFinding:
    """A pair on the US DOL list: the supplier's country and good, and the labour."""

    list_id: Annotated[str, Field(alias="list")]
    good: str
    country: str
    labour: tuple[str, ...] = ()
    derived_from: str | None = None


@dataclass(frozen=True, kw_only=True)
class NamedEvidence:
    """A stored report that names the supplier (or the entry it matched)."""

    kind: Literal["named"] = "named"
    document: ReportRef
    actor: str = ""
    score: float = 0.0
    quotes: tuple[Quote, ...] = ()
    north_korea: bool = False


@dataclass(frozen=True, kw_only=True)
class RegisterEvidence:
    """A risk register row for the supplier's country (or province) and good, with
    the reports it quotes; ``document`` is the first of them. Items stored before
    the register carry no strength, sources or dates."""

    kind: Literal["country_good"] = "country_good"
    document: ReportRef
    good: str
    country: str
    quotes: tuple[Quote, ...] = ()
    subdivision: str | None = None
    strength: str | None = None
    independent_sources: int | None = None
    publishers: tuple[str, ...] = ()
    first_date: str | None = None
    last_date: str | None = None
    state_imposed: bool = False
    children: bool = False


EvidenceFinding = NamedEvidence | RegisterEvidence

Finding = TypeVar("Finding")


class FindingList(Generic[Finding]):
    """Writes a row's findings of one kind as JSON-ready records, and reads stored
    ones back (keys a stored record lacks take their defaults)."""

    def __init__(self, item_type: Any) -> None:
        self._adapter: TypeAdapter[list[Finding]] = TypeAdapter(list[item_type])

    def records(self, items: Iterable[Finding]) -> list[dict[str, Any]]:
        return self._adapter.dump_python(list(items), mode="json", by_alias=True)  # type: ignore[no-any-return]

    def read(self, records: object) -> list[Finding]:
        return self._adapter.validate_python(records or [])


SANCTIONS_HITS: FindingList[SanctionsFinding] = FindingList(SanctionsFinding)
COUNTRY_GOOD: FindingList[CountryGoodFinding] = FindingList(CountryGoodFinding)
EVIDENCE: FindingList[EvidenceFinding] = FindingList(
    Annotated[EvidenceFinding, Field(discriminator="kind")]
)
