"""The REST API: JSON in the shapes ``--json`` prints (docs/cli.md), paginated;
each route's shape is declared in ``web/schemas.py`` for ``/openapi.json``."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from laborwatch.countries import country_name, subdivision_name
from laborwatch.export.risk import register_geojson
from laborwatch.match import DEFAULT_THRESHOLD
from laborwatch.match import Query as NameQuery
from laborwatch.records import document_record, hit_record, list_record, summary_record
from laborwatch.screen.diff import diff_stored
from laborwatch.screen.export import stored_run
from laborwatch.store import count_documents, get_document, list_documents
from laborwatch.store.access import read_log
from laborwatch.store.evidence import count_indicators, get_evidence
from laborwatch.store.facets import Facets
from laborwatch.store.lists import list_lists
from laborwatch.store.read_models import dashboard_counts, incident_records, map_counts
from laborwatch.store.risk import RiskFilters, risk_register
from laborwatch.store.screenings import list_screenings
from laborwatch.web import schemas
from laborwatch.web.auth import can_see_sources, log, require
from laborwatch.web.common import (
    GEOJSON,
    SHAPED,
    CountryQuery,
    DateQuery,
    LevelFilter,
    Limit,
    Offset,
    database,
    facets_from_query,
)
from laborwatch.web.jobs import MAX_UPLOAD_BYTES
from laborwatch.web.labels import place_name
from laborwatch.web.reads import entity_record, matcher, run_search

router = APIRouter(responses=schemas.ERRORS)


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


@router.get("/map", response_model=schemas.MapData, **SHAPED)
def map_data(request: Request) -> dict[str, Any]:
    """Documents with evidence per country (with its ISO numeric code, as the
    bundled Natural Earth boundaries are keyed), per subdivision (its ISO 3166-2
    code, as the bundled provinces are) and per located place."""
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
    subdivisions = [
        {
            "code": code,
            "name": subdivision_name(code),
            "country": code[:2],
            "documents": n,
        }
        for code, n in sorted(counts["subdivisions"].items())
    ]
    points = [
        {**point, "place": place_name(point["code"])} for point in counts["points"]
    ]
    return {"countries": countries, "subdivisions": subdivisions, "points": points}


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
    since: DateQuery = None,
    min_sources: Annotated[int, Query(ge=1, le=1000)] = 1,
    compare_dol: bool = False,
    format: Literal["json", "geojson"] = "json",
    subdivision: Annotated[str | None, Query(max_length=10)] = None,
) -> Any:
    """The risk register (``laborwatch risk-areas --format json``): areas and goods
    with evidence, their independent sources and supporting sentences; with
    ``format=geojson``, a GeoJSON FeatureCollection of the rows."""
    register = risk_register(
        database(request),
        RiskFilters(country, good, since, min_sources, subdivision),
        compare_dol=compare_dol,
    )
    if format == "geojson":
        # A Response of its own: the answer is not the JSON model's shape.
        return JSONResponse(register_geojson(register), media_type=GEOJSON)
    return register.record()


@router.get("/entities/{name:path}", response_model=schemas.Entity, **SHAPED)
def entity(request: Request, name: str) -> dict[str, Any]:
    """An actor: its mentions across reports, its list hits, who it appears with."""
    return entity_record(request, name)


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
    country: CountryQuery = None,
    threshold: Annotated[float, Query(ge=0, le=1)] = DEFAULT_THRESHOLD,
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> dict[str, Any]:
    hits = matcher(request).match(
        NameQuery(name, schema, country), threshold=threshold, limit=limit
    )
    return {
        "query": {"name": name, "schema": schema, "country": country},
        "hits": [h.record() for h in hits],
    }


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
    return {"log": [entry.record() for entry in read_log(database(request), limit)]}


@router.get("/screenings", response_model=schemas.ScreeningPage, **SHAPED)
def screenings(
    request: Request, limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Stored screening runs, newest first, with their lists and counts by level."""
    runs = list_screenings(database(request), limit=limit, offset=offset)
    return {
        "limit": limit,
        "offset": offset,
        "screenings": [run.listing() for run in runs],
    }


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
    return stored_run(database(request), screening_id, level).record()
