"""The REST API: JSON in the shapes ``--json`` prints (docs/cli.md), paginated;
each route's shape is declared in ``web/schemas.py`` for ``/openapi.json``."""

from __future__ import annotations

import threading
from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from laborwatch.countries import country_name
from laborwatch.export.risk import register_geojson
from laborwatch.match import DEFAULT_THRESHOLD, Matcher
from laborwatch.match import Query as NameQuery
from laborwatch.records import document_record, hit_record, list_record, summary_record
from laborwatch.screen.diff import diff_stored
from laborwatch.store import (
    Database,
    count_documents,
    get_document,
    list_documents,
    search_documents,
    search_sentences,
)
from laborwatch.store.access import read_log
from laborwatch.store.evidence import (
    actor_mentions,
    co_mentioned,
    count_indicators,
    dashboard_counts,
    get_evidence,
    incident_records,
    map_counts,
)
from laborwatch.store.facets import (
    Facets,
    documents_within,
    facet_counts,
    newest_documents,
)
from laborwatch.store.lists import list_lists, load_entries
from laborwatch.store.risk import RiskFilters, risk_register
from laborwatch.store.screenings import get_screening, list_screenings
from laborwatch.store.search import SearchHit, describe_hits
from laborwatch.web import schemas
from laborwatch.web.auth import can_see_sources, log, require
from laborwatch.web.jobs import MAX_UPLOAD_BYTES
from laborwatch.web.labels import place_name

router = APIRouter(responses=schemas.ERRORS)
Limit = Annotated[int, Query(ge=1, le=500)]
# A bound keeps an absurd offset from reaching the database as a 500.
MAX_OFFSET = 1_000_000_000
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
GEOJSON = "application/geo+json"
LevelFilter = Annotated[Literal["high", "medium", "low", "none"] | None, Query()]
_FACET_DOCUMENTS = 200  # facets count over the best 200 matching documents
# Each route declares its answer's shape (web/schemas.py) for /openapi.json; a key
# a route leaves out stays out rather than appearing as null. JSONResponse named
# keeps the answers' bytes: FastAPI's default path writes JSON in pydantic's Rust
# serialiser, which spells floats its own way (2e-6 where Python has 2e-06).
SHAPED: dict[str, Any] = {
    "response_model_exclude_unset": True,
    "response_class": JSONResponse,
}


def database(request: Request) -> Database:
    return request.app.state.database  # type: ignore[no-any-return]


@router.get("/stats", response_model=schemas.Stats, **SHAPED)
def stats(request: Request) -> dict[str, Any]:
    """Counts of documents, sentences and duplicates, and sentences per indicator."""
    db = database(request)
    return {
        **count_documents(db),
        "indicators": count_indicators(db),
        **dashboard_counts(db),
    }


@router.get("/documents", response_model=schemas.DocumentPage, **SHAPED)
def documents(
    request: Request, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    summaries = list_documents(database(request), limit=limit, offset=offset)
    records = [summary_record(s) for s in summaries]
    if not can_see_sources(request):
        # Where a file was read is a source's identity, as on the detail route.
        for record in records:
            record["source"] = None
    return {"limit": limit, "offset": offset, "documents": records}


@router.get("/documents/{document_id}", response_model=schemas.Document, **SHAPED)
def document(request: Request, document_id: str) -> dict[str, Any]:
    db = database(request)
    record = document_record(get_document(db, document_id))
    evidence = get_evidence(db, record["id"])
    record["indicators"] = [
        {
            k: row[k]
            for k in (
                "sentence_position",
                "code",
                "cue",
                "start",
                "end",
                "confidence",
                "model_confidence",
                "rule",
            )
        }
        for row in evidence["indicators"]
    ]
    record["facts"] = [
        {
            k: row[k]
            for k in (
                "sentence_position",
                "kind",
                "text",
                "key",
                "start",
                "end",
                "detail",
            )
        }
        for row in evidence["facts"]
        if row["kind"] != "source" or can_see_sources(request)
    ]
    if not can_see_sources(request):
        record["sources"] = [
            {"relation": s["relation"], "seen_at": s["seen_at"]}
            for s in record["sources"]
        ]
    return record


def facets_from_query(
    indicator: str | None = None,
    country: str | None = None,
    subdivision: str | None = None,
    good: str | None = None,
    actor: str | None = None,
    source: str | None = None,
    published_from: Annotated[str | None, Query(pattern=DATE)] = None,
    published_to: Annotated[str | None, Query(pattern=DATE)] = None,
) -> Facets:
    """The search facets, from query parameters."""
    return Facets(
        indicator,
        country,
        subdivision,
        good,
        actor,
        source,
        published_from,
        published_to,
    )


@router.get("/search", response_model=schemas.SearchPage, **SHAPED)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    facets: Annotated[Facets, Depends(facets_from_query)],
    sentences: bool = False,
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Full-text search (the query language of ``laborwatch docs search``), narrowed
    by facets; ``facets`` counts what the matching documents hold."""
    hits, counts = run_search(database(request), q, sentences, limit, offset, facets)
    return {
        "query": q,
        "limit": limit,
        "offset": offset,
        "filters": {key: value for key, value in asdict(facets).items() if value},
        "hits": [
            {
                **hit_record(hit),
                "indicators": list(hit.indicators),
                "countries": list(hit.countries),
            }
            for hit in hits
        ],
        "facets": {
            name: [{"value": value, "documents": n} for value, n in pairs]
            for name, pairs in counts.items()
        },
    }


def run_search(
    db: Database, q: str, sentences: bool, limit: int, offset: int, facets: Facets
) -> tuple[list[SearchHit], dict[str, list[tuple[str, int]]]]:
    """The hits for a query within the facets, with their indicators and countries
    (``describe_hits``), and facet counts over all matches."""
    only = documents_within(db, facets)
    find = search_sentences if sentences else search_documents
    hits = describe_hits(db, find(db, q, limit=limit, offset=offset, only=only))
    matching = search_documents(
        db, q, limit=_FACET_DOCUMENTS, only=only, snippets=False
    )
    return hits, facet_counts(db, [hit.document_id for hit in matching])


def browse(
    db: Database, facets: Facets, offset: int
) -> tuple[list[SearchHit], dict[str, list[tuple[str, int]]]]:
    """The documents within the facets, newest first, 20 from ``offset``, described
    as search hits are, and facet counts over the newest of them."""
    hits = describe_hits(db, newest_documents(db, facets, limit=20, offset=offset))
    newest = newest_documents(db, facets, limit=_FACET_DOCUMENTS)
    return hits, facet_counts(db, [hit.document_id for hit in newest])


@router.get("/map", response_model=schemas.MapData, **SHAPED)
def map_data(request: Request) -> dict[str, Any]:
    """Documents with evidence per country (with its ISO numeric code, as the
    bundled Natural Earth boundaries are keyed) and per located place."""
    import pycountry

    counts = map_counts(database(request))
    countries = []
    for code, n in sorted(counts["countries"].items()):
        country = pycountry.countries.get(alpha_2=code)
        countries.append(
            {
                "code": code,
                "numeric": country.numeric if country else None,
                "name": country_name(code),
                "documents": n,
            }
        )
    points = [
        {**point, "place": place_name(point["code"])} for point in counts["points"]
    ]
    return {"countries": countries, "points": points}


@router.get("/incidents", response_model=schemas.IncidentPage, **SHAPED)
def incidents(
    request: Request, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    return {
        "limit": limit,
        "offset": offset,
        "incidents": incident_records(database(request), limit, offset),
    }


@router.get(
    "/risk-areas",
    response_model=schemas.RiskRegister,
    responses={
        200: {
            "content": {
                GEOJSON: {
                    "schema": schemas.inline_schema(schemas.RiskFeatureCollection)
                }
            }
        }
    },
    **SHAPED,
)
def risk_areas(
    request: Request,
    country: Annotated[str | None, Query(max_length=100)] = None,
    good: Annotated[str | None, Query(max_length=100)] = None,
    since: Annotated[str | None, Query(pattern=DATE)] = None,
    min_sources: Annotated[int, Query(ge=1, le=1000)] = 1,
    compare_dol: bool = False,
    format: Literal["json", "geojson"] = "json",
) -> Any:
    """The risk register (``laborwatch risk-areas --format json``): areas and goods
    with evidence, their independent sources and supporting sentences; with
    ``format=geojson``, a GeoJSON FeatureCollection of the rows."""
    register = risk_register(
        database(request),
        RiskFilters(country, good, since, min_sources),
        compare_dol=compare_dol,
    )
    if format == "geojson":
        # A Response of its own: the answer is not the JSON model's shape.
        return JSONResponse(register_geojson(register), media_type=GEOJSON)
    return register.record()


@router.get("/entities/{name:path}", response_model=schemas.Entity, **SHAPED)
def entity(request: Request, name: str) -> dict[str, Any]:
    """An actor: its mentions across reports, its list hits, who it appears with."""
    db = database(request)
    mentions = actor_mentions(db, name)
    hits = _matcher(request).match(NameQuery(name), limit=5)
    documents = list(dict.fromkeys(m["document_id"] for m in mentions))
    return {
        "name": name,
        "mentions": mentions,
        "list_hits": [hit.record() for hit in hits],
        "related": [
            {"name": other, "documents": n}
            for other, n in co_mentioned(db, documents, name)
        ],
    }


@router.get("/lists", response_model=schemas.Lists, **SHAPED)
def lists(request: Request) -> dict[str, Any]:
    return {
        "lists": [list_record(summary) for summary in list_lists(database(request))]
    }


@router.get("/match", response_model=schemas.MatchResult, **SHAPED)
def match(
    request: Request,
    name: Annotated[str, Query(min_length=1, max_length=500)],
    schema: str | None = None,
    country: str | None = None,
    threshold: Annotated[float, Query(ge=0, le=1)] = DEFAULT_THRESHOLD,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    matcher = _matcher(request)
    hits = matcher.match(
        NameQuery(name, schema, country), threshold=threshold, limit=limit
    )
    return {
        "query": {"name": name, "schema": schema, "country": country},
        "hits": [h.record() for h in hits],
    }


class Matchers:
    """The matcher over the loaded lists, rebuilt when their editions change.

    Lists are loaded and removed by other processes while the app runs; the lists
    table is small, so each request reads its (id, checksum, loaded at) rows and
    compares them with those the kept matcher was built from.
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.editions: tuple[tuple[str, str, object], ...] | None = None
        self.matcher: Matcher | None = None

    def get(self, db: Database) -> Matcher:
        with self.lock:
            # Read before the entries: a list loaded in between changes the
            # editions again, so the next request rebuilds rather than keeps it.
            editions = tuple(
                (summary.id, summary.checksum, summary.loaded_at)
                for summary in list_lists(db)
            )
            if self.matcher is None or editions != self.editions:
                self.matcher = Matcher(load_entries(db))
                self.editions = editions
            return self.matcher


def _matcher(request: Request) -> Matcher:
    return request.app.state.matchers.get(database(request))  # type: ignore[no-any-return]


@router.post("/screen", status_code=202, response_model=schemas.Job, **SHAPED)
async def start_screening(request: Request, file: UploadFile) -> dict[str, Any]:
    """Upload a supplier file (CSV or XLSX) to screen; poll ``/api/screen/{job}``."""
    require(request, "editor")
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    job = request.app.state.jobs.start(file.filename or "upload", data)
    log(request, "screen", {"file": job.name, "job": job.id})
    return asdict(job)


@router.get("/screen/{job_id}", response_model=schemas.Job, **SHAPED)
def screening_job(request: Request, job_id: str) -> dict[str, Any]:
    """A screening job's progress; once complete, ``screening`` is its stored id."""
    return asdict(request.app.state.jobs.get(job_id))


@router.get("/audit", response_model=schemas.AuditLog, **SHAPED)
def audit(request: Request, limit: Limit = 100) -> dict[str, Any]:
    """Writes made through the app, newest first: who, what, when (admins only)."""
    require(request, "admin")
    return {"log": read_log(database(request), limit)}


@router.get("/screenings", response_model=schemas.ScreeningPage, **SHAPED)
def screenings(
    request: Request, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Stored screening runs, newest first, with their lists and counts by level."""
    runs = list_screenings(database(request), limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "screenings": runs}


@router.get(
    "/screenings/{old_id}/diff/{new_id}",
    response_model=schemas.ScreeningDiff,
    **SHAPED,
)
def screening_diff(request: Request, old_id: int, new_id: int) -> dict[str, Any]:
    """What changed from run ``old_id`` to run ``new_id``, supplier by supplier
    (the shape of ``screenings diff --json``)."""
    return diff_stored(database(request), old_id, new_id)


@router.get("/screenings/{screening_id}", response_model=schemas.Screening, **SHAPED)
def screening(
    request: Request, screening_id: int, level: LevelFilter = None
) -> dict[str, Any]:
    """A stored run: its audit record and its rows (those of ``level`` if given)."""
    return get_screening(database(request), screening_id, level)
