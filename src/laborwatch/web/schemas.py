"""The shapes the REST API answers with, so ``/openapi.json`` documents them.

Each model names the keys its route returns, in the order the route builds them
(a model serialises its fields in declaration order), so the JSON is the same as
before the models. A key that a route leaves out in some cases (a sentence hit's
position, a source's location for a viewer) has a default: routes are served
with ``response_model_exclude_unset``, so a key not given stays absent rather than
appearing as null (the search filters, given or not, are a ``TypedDict``).
Objects read back from stored JSON whose keys vary by kind (a fact's ``detail``, a
screening row's evidence) stay open objects.
"""

from __future__ import annotations

import builtins
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

# pydantic reads typing.TypedDict only from Python 3.12; typing_extensions is its own
# dependency.
from typing_extensions import TypedDict

from laborwatch.screen.findings import (
    CountryGoodFinding,
    EvidenceFinding,
    SanctionsFinding,
)

# Where a value may be an integer in JSON (a score from configuration, a stored
# coordinate), ``float`` alone would turn 1 into 1.0.
Number = float | int
Count = tuple[str, int]
# A document's date as its report gives it, never more precise than that.
PUBLISHED = Field(description="YYYY, YYYY-MM or YYYY-MM-DD, as the report gives it.")
# Fields a stored run and a run in a listing describe alike.
RERUN_OF = Field(description="The run whose input this run screened again, if a rerun.")
WATCHED = Field(
    description="Marked to be rerun by laborwatch watch (screenings watch)."
)


class Shape(BaseModel):
    """A response object: the keys its model names, nothing else.

    A key a route returns that its model lacks is dropped from the answer: add it
    here with the route (tests/web/test_openapi.py compares each route's bytes
    with the same function served without its model)."""


class ErrorDetail(Shape):
    status: int
    message: str


class Error(Shape):
    """Every error the API answers (``web/errors.py``), validation errors included."""

    error: ErrorDetail


# The errors each route may answer, as the OpenAPI document lists them; FastAPI
# would otherwise describe a 422 with its own ``{"detail": [...]}``.
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": Error, "description": description}
    for status, description in (
        (400, "bad input"),
        (401, "a valid API token is required"),
        (403, "the role does not allow this"),
        (404, "not found"),
        (422, "a parameter is invalid"),
    )
}


class Stats(Shape):
    documents: int
    sentences: int
    duplicates: int
    indicators: dict[str, int] = Field(
        description="Sentences per indicator code, most first."
    )
    by_country: list[Count] = Field(
        description="[country code, reports with evidence], most first."
    )
    by_good: list[Count]
    by_year: list[Count] = Field(description="[year, reports with evidence].")


class DocumentSummary(Shape):
    id: str
    title: str | None
    published: str | None = PUBLISHED
    site: str | None
    language: str | None
    media_type: str
    chars: int
    sentences: int
    source: str | None = Field(description="Null unless the caller may see sources.")
    ingested_at: str


class DocumentPage(Shape):
    limit: int
    offset: int
    documents: list[DocumentSummary]


class Sentence(Shape):
    position: int
    start: int
    end: int
    page: int | None
    text: str


class Source(Shape):
    """Where a document was read; ``location``, ``content_id`` and ``similarity``
    only for callers who may see sources."""

    location: str | None = None
    content_id: str | None = None
    relation: str
    similarity: float | None = None
    seen_at: str


class StoredIndicator(Shape):
    sentence_position: int
    code: str
    cue: str
    start: int
    end: int
    confidence: float
    model_confidence: float | None
    rule: str


class StoredFact(Shape):
    sentence_position: int
    kind: str
    text: str
    key: str | None
    start: int
    end: int
    detail: dict[str, Any]


class Document(Shape):
    id: str
    title: str | None
    author: str | None
    published: str | None = PUBLISHED
    url: str | None
    site: str | None
    language: str | None
    media_type: str
    ingested_at: str
    page_starts: list[int]
    text: str
    sentences: list[Sentence]
    sources: list[Source]
    indicators: list[StoredIndicator]
    facts: list[StoredFact]


class SearchFilters(TypedDict, total=False):
    """The facets the search was narrowed by (``store.facets.Facets``): only those
    given appear, each a non-empty string."""

    indicator: str
    country: str
    subdivision: str
    good: str
    actor: str
    source: str
    published_from: str
    published_to: str


class SearchResult(Shape):
    """A hit; ``sentence_position``, ``start``, ``end`` and ``page`` only when
    searching sentences. ``highlights`` are [start, end) ranges in ``snippet``."""

    document_id: str
    title: str | None
    score: float
    snippet: str
    highlights: list[list[int]]
    published: str | None = PUBLISHED
    site: str | None
    sentence_position: int | None = None
    start: int | None = None
    end: int | None = None
    page: int | None = None
    indicators: list[str]
    countries: list[str]


class FacetValue(Shape):
    value: str
    documents: int


class SearchFacets(Shape):
    indicator: list[FacetValue]
    country: list[FacetValue]
    subdivision: list[FacetValue]
    good: list[FacetValue]
    actor: list[FacetValue]
    source: list[FacetValue]


class SearchPage(Shape):
    query: str
    limit: int
    offset: int
    filters: SearchFilters
    hits: list[SearchResult]
    facets: SearchFacets


class MapCountry(Shape):
    code: str
    numeric: str | None = Field(description="ISO 3166 numeric code.")
    name: str
    documents: int


class MapPoint(Shape):
    name: str | None
    code: str
    latitude: Number
    longitude: Number
    documents: int
    place: str


class MapSubdivision(Shape):
    code: str = Field(description="ISO 3166-2 code, as admin1.json is keyed.")
    name: str
    country: str = Field(description="ISO 3166 alpha-2 code of its country.")
    documents: int


class MapData(Shape):
    countries: list[MapCountry]
    subdivisions: list[MapSubdivision]
    points: list[MapPoint]


class Incident(Shape):
    id: int
    document_id: str
    title: str | None
    published: str | None = PUBLISHED
    indicators: list[str]
    actors: list[str]
    victims: list[str]
    countries: list[str]
    subdivisions: list[str]
    goods: list[str]
    dates: list[str]
    sentences: list[int]


class IncidentPage(Shape):
    limit: int
    offset: int
    incidents: list[Incident]


class Feature(Shape):
    name: str
    value: Number
    detail: dict[str, Any]


class ListHit(Shape):
    """A list entry a name matches, with the features of its score."""

    list_id: str = Field(alias="list")
    entry_id: str
    schema_: str = Field(alias="schema")
    caption: str
    matched_name: str
    score: Number
    countries: list[str]
    programs: list[str]
    features: list[Feature]


class Mention(Shape):
    document_id: str
    title: str | None
    name: str
    kind: str | None
    role: str | None
    sentence: str


class Related(Shape):
    name: str
    documents: int


class Entity(Shape):
    name: str
    mentions: list[Mention]
    list_hits: list[ListHit]
    related: list[Related]


class ListSummary(Shape):
    id: str
    title: str
    format: str
    publisher: str
    published: str | None
    loaded_at: str
    checksum: str
    sources: list[str]
    entries: int


class Lists(Shape):
    lists: list[ListSummary]


class MatchQuery(Shape):
    name: str
    schema_: str | None = Field(alias="schema")
    country: str | None


class MatchResult(Shape):
    query: MatchQuery
    hits: list[ListHit]


class Job(Shape):
    id: str
    name: str
    status: str = Field(description="running, complete or failed.")
    rows_done: int
    screening: int | None = Field(description="The stored run, once complete.")
    error: str | None


class AuditEntry(Shape):
    at: str
    who: str
    action: str
    detail: dict[str, Any]


class AuditLog(Shape):
    log: list[AuditEntry]


class LevelCounts(Shape):
    high: int
    medium: int
    low: int
    none: int
    rows: int


class ListEdition(Shape):
    """A list as it stood when a run screened against it."""

    id: str
    title: str
    published: str | None
    checksum: str
    loaded_at: str


class RunInput(Shape):
    """What every description of a run opens with: which run, when, on which file."""

    id: int
    created_at: str
    input_name: str = Field(description="The supplier file's name as it was given.")
    input_checksum: str = Field(description="SHA-256 of the supplier file, in hex.")


class ScreeningRun(RunInput):
    status: str = Field(description="running, complete, failed or interrupted.")
    summary: LevelCounts
    error: str | None
    lists: list[ListEdition]
    rerun_of: int | None = RERUN_OF
    watched: bool = WATCHED
    complete: bool


class ScreeningPage(Shape):
    limit: int
    offset: int
    screenings: list[ScreeningRun]


class Supplier(Shape):
    """The row's input, as read from the file (empty for rows stored without it)."""

    name: str | None = None
    country: str | None = None
    country_text: str | None = None
    address: str | None = None
    product: str | None = None
    hs: str | None = None
    identifier: str | None = None
    parent: str | None = None


class ScreenedRow(Shape):
    """A supplier row's result, as ``screen --json`` gives it (docs/screening.md)."""

    row: int
    name: str
    level: str
    reasons: list[str]
    rules: list[str]
    sanctions_hits: list[SanctionsFinding]
    country_good: list[CountryGoodFinding]
    evidence: list[Annotated[EvidenceFinding, Field(discriminator="kind")]]
    supplier: Supplier


class Screening(RunInput):
    """A stored run: its audit record, then its rows (those of one level if asked)."""

    laborwatch_version: str = Field(description="The laborwatch that screened.")
    extractor_version: str = Field(
        description="The evidence extractor's version when the run screened."
    )
    lists: list[ListEdition]
    config: dict[str, Any]
    status: str
    summary: LevelCounts
    error: str | None
    rerun_of: int | None = RERUN_OF
    watched: bool = WATCHED
    complete: bool
    results: list[ScreenedRow]


class DiffRun(RunInput):
    """One of the two runs a diff compares."""

    rerun_of: int | None
    summary: LevelCounts


class DiffEdition(Shape):
    id: str
    published: str | None
    checksum: str
    loaded_at: str | None


class DiffListChange(Shape):
    id: str
    old: DiffEdition
    new: DiffEdition


class DiffLists(Shape):
    added: list[DiffEdition] = Field(description="Lists loaded for the new run only.")
    dropped: list[DiffEdition] = Field(description="Lists loaded for the old run only.")
    changed: list[DiffListChange] = Field(description="Lists whose edition changed.")


class DiffLevel(Shape):
    old: str | None
    new: str | None
    up: bool
    reasons: list[str]


class DiffHit(Shape):
    list: str
    entry_id: str
    name: str
    screened: str
    score: float | None
    reason: str
    list_change: str | None = Field(
        description="Why it may have come or gone: the list loaded or dropped, the "
        "edition that added or removed the entry, or the list's edition change."
    )


class DiffEvidence(Shape):
    kind: str | None
    document: str | None
    title: str | None
    actor: str | None
    good: str | None
    reason: str


class DiffCountryGood(Shape):
    list: str | None
    country: str | None
    good: str | None
    labour: builtins.list[str]  # ``list`` here is the field above
    reason: str


class DiffSupplier(Shape):
    row: int
    name: str
    change: str = Field(description="changed, new or dropped.")
    level: DiffLevel | None
    new_hits: list[DiffHit]
    dropped_hits: list[DiffHit]
    new_evidence: list[DiffEvidence]
    dropped_evidence: list[DiffEvidence]
    new_country_goods: list[DiffCountryGood]
    dropped_country_goods: list[DiffCountryGood]


class ScreeningDiff(Shape):
    """What changed from one run to another, as ``screenings diff --json``."""

    old: DiffRun
    new: DiffRun
    lists: DiffLists
    suppliers: list[DiffSupplier]
    changed: int
    unchanged: int


class RiskSentence(Shape):
    document_id: str
    sentence: int


class RiskRow(Shape):
    """A row of the risk register (docs/risk-areas.md)."""

    country: str
    subdivision: str | None
    good: str
    hs: str | None
    strength: str
    sources: int
    documents: int
    publishers: list[str]
    first_evidence: str | None
    last_evidence: str | None
    state_imposed: bool
    children: bool
    indicators: list[str]
    sentences: list[RiskSentence]
    dol: bool | None = Field(
        default=None, description="with compare_dol: a loaded DOL list names the pair"
    )


class DolPairWithoutEvidence(Shape):
    list_id: str
    country: str
    good: str
    forced_labour: bool
    child_labour: bool


class RiskRegister(Shape):
    rows: list[RiskRow]
    dol_without_evidence: list[DolPairWithoutEvidence] | None = Field(
        default=None, description="with compare_dol: DOL pairs no row supports"
    )


class RiskPoint(Shape):
    type: Literal["Point"]
    coordinates: list[Number] = Field(description="[longitude, latitude]")


class RiskFeatureProperties(RiskRow):
    point: str | None = Field(
        description="what the point stands for: subdivision, subdivision city, "
        "country or country city (docs/risk-areas.md); null with no geometry"
    )


class RiskFeature(Shape):
    type: Literal["Feature"]
    geometry: RiskPoint | None
    properties: RiskFeatureProperties


class RiskFeatureCollection(Shape):
    """The risk register as GeoJSON (``format=geojson``): a feature per row."""

    type: Literal["FeatureCollection"]
    features: list[RiskFeature]


def inline_schema(model: type[BaseModel]) -> dict[str, Any]:
    """``model``'s JSON schema with its definitions written in place, for an
    answer's second media type, which FastAPI does not add to the components."""
    schema = model.model_json_schema()
    definitions = schema.pop("$defs", {})

    def resolve(value: Any) -> Any:
        if isinstance(value, dict):
            if "$ref" in value:
                return resolve(definitions[value["$ref"].rsplit("/", 1)[1]])
            return {key: resolve(item) for key, item in value.items()}
        if isinstance(value, list):
            return [resolve(item) for item in value]
        return value

    return resolve(schema)  # type: ignore[no-any-return]
