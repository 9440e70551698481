"""Server-rendered pages: dashboard, search with highlighted snippets, documents.

Templates autoescape everything. Where markup must wrap text (a search match, an
evidence sentence), the text is escaped first and the markup added around it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup, escape
from starlette.datastructures import UploadFile as StarletteUploadFile

from laborwatch.errors import BadInput, NotFound
from laborwatch.extract.evidence import fact_identity
from laborwatch.extract.indicators import CODES
from laborwatch.screen.diff import diff_stored
from laborwatch.screen.export import (
    csv_bytes,
    current_row,
    stored_run,
    stored_screenings,
    xlsx_bytes,
)
from laborwatch.screen.report import render_pack
from laborwatch.sheets import XLSX_MEDIA_TYPE
from laborwatch.store import (
    count_documents,
    get_document,
    list_documents,
)
from laborwatch.store.access import user_for
from laborwatch.store.evidence import count_indicators, get_evidence
from laborwatch.store.facets import Facets
from laborwatch.store.read_models import dashboard_counts, incident_records, map_counts
from laborwatch.store.screenings import (
    LEVELS,
    ScreeningRecord,
    get_screening,
    list_screenings,
    screening_record,
    stored_result,
)
from laborwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from laborwatch.web.auth import (
    TOKEN_COOKIE,
    can_see_sources,
    log,
    posted_form,
    require,
    set_token_cookie,
)
from laborwatch.web.charts import bars, scale_steps, timeline
from laborwatch.web.common import (
    CSV,
    IdQuery,
    LevelFilter,
    Offset,
    database,
    download,
    facets_from_query,
)
from laborwatch.web.entities import hit_reasons, relations_graph
from laborwatch.web.jobs import MAX_UPLOAD_BYTES
from laborwatch.web.labels import indicator_name
from laborwatch.web.reads import browse, entity_record, run_search
from laborwatch.web.security import policy_with_styles
from laborwatch.web.templating import templates

# Pages answer HTML; the OpenAPI document describes the API alone.
router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)


def highlight(snippet: str) -> Markup:
    """A search snippet as HTML: the text escaped, its matches in <mark>."""
    parts = snippet.replace(HIGHLIGHT_END, HIGHLIGHT_START).split(HIGHLIGHT_START)
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


@router.get("/")
def dashboard(request: Request) -> Any:
    db = database(request)
    grouped = dashboard_counts(db)
    # (element id, heading, the facet its values are, axis labels, bars): the
    # template labels the values through the facet and links each bar to it.
    charts = [
        (
            "indicator-chart",
            "Sentences carrying each indicator",
            "indicator",
            ("Indicator", "Sentences"),
            bars("indicator", list(count_indicators(db).items())),
        ),
        (
            "country-chart",
            "Reports with evidence, by country",
            "country",
            ("Country", "Reports with evidence"),
            bars("country", grouped["by_country"]),
        ),
        (
            "good-chart",
            "Reports with evidence, by good",
            "good",
            ("Good", "Reports with evidence"),
            bars("good", grouped["by_good"]),
        ),
    ]
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        {
            "counts": count_documents(db),
            "charts": charts,
            "timeline": timeline(grouped["by_year"]),
            "recent": list_documents(db, limit=10),
        },
    )


@router.get("/search")
def search(
    request: Request,
    facets: Annotated[Facets, Depends(facets_from_query)],
    q: Annotated[str, Query(max_length=500)] = "",
    sentences: bool = True,
    offset: Offset = 0,
) -> Any:
    hits: list[SearchHit] = []
    counts: dict[str, list[tuple[str, int]]] = {}
    if q.strip():
        hits, counts = run_search(database(request), q, sentences, 20, offset, facets)
    elif facets.any():
        # No words, only filters (a dashboard bar, a country on the map): the
        # documents that have them, newest first, with facets over the newest.
        hits, counts = browse(database(request), facets, offset)
    filters = {key: value for key, value in asdict(facets).items() if value}
    return templates.TemplateResponse(
        request,
        "search.html",
        {
            "q": q,
            "sentences": sentences,
            "offset": offset,
            "hits": [(hit, highlight(hit.snippet)) for hit in hits],
            "counts": counts,
            "filters": filters,
        },
    )


@router.get("/documents/{document_id}")
def document(request: Request, document_id: str) -> Any:
    db = database(request)
    stored = get_document(db, document_id)
    evidence = get_evidence(db, stored.document.id)
    codes: dict[int, list[dict[str, Any]]] = {}
    for indicator in evidence["indicators"]:
        codes.setdefault(indicator["sentence_position"], []).append(indicator)
    paragraphs = []
    text = stored.document.text
    cursor = 0
    parts: list[Markup] = []
    for sentence in stored.sentences:
        parts.append(escape(text[cursor : sentence.start]))
        found = codes.get(sentence.position)
        if found:
            names = " ".join(sorted({f"ind-{i['code']}" for i in found}))
            title = ", ".join(sorted({indicator_name(i["code"]) for i in found}))
            parts.append(
                Markup(
                    '<mark class="evidence {}" title="{}" id="s{}">{}</mark>'
                ).format(
                    names, title, sentence.position, text[sentence.start : sentence.end]
                )
            )
        else:
            parts.append(escape(text[sentence.start : sentence.end]))
        cursor = sentence.end
    parts.append(escape(text[cursor:]))
    for block in Markup("").join(parts).split("\n\n"):
        paragraphs.append(Markup("<br>").join(block.split("\n")))
    return templates.TemplateResponse(
        request,
        "document.html",
        {
            "stored": stored,
            "paragraphs": paragraphs,
            "indicators": evidence["indicators"],
            "facts": distinct_stored_facts(
                fact
                for fact in evidence["facts"]
                if fact["kind"] != "source" or can_see_sources(request)
            ),
            "show_sources": can_see_sources(request),
            "codes": CODES,
        },
    )


def distinct_stored_facts(rows: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stored fact rows (one per mention) as each distinct fact once
    (``fact_identity``, as ``analyze --json`` groups them), its first mention
    shown, with its ``count``."""
    grouped: dict[str, dict[str, Any]] = {}
    for row in rows:
        fact = grouped.setdefault(
            fact_identity(row["kind"], row.get("detail") or {}), {**row, "count": 0}
        )
        fact["count"] += 1
    return list(grouped.values())


@router.get("/screen")
def screen_form(request: Request) -> Any:
    """The upload form; its ``csrf`` field repeats the CSRF cookie (security.py)."""
    return templates.TemplateResponse(request, "screen.html", {})


@router.post("/screen")
async def screen_upload(request: Request) -> Any:
    form = await posted_form(request)
    require(request, "editor")
    upload = form.get("file")
    if not isinstance(upload, StarletteUploadFile) or not upload.filename:
        raise BadInput("form: choose a CSV or XLSX file")
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    job = request.app.state.jobs.start(upload.filename, data)
    log(request, "screen", {"file": job.name, "job": job.id})
    return RedirectResponse(f"/screen/{job.id}", status_code=303)


@router.get("/screen/{job_id}")
def screen_progress(request: Request, job_id: str) -> Any:
    job = request.app.state.jobs.get(job_id)
    return templates.TemplateResponse(request, "progress.html", {"job": job})


_RUNS_PER_PAGE = 50
_ROWS_PER_PAGE = 500


@router.get("/screenings")
def screenings_page(request: Request, offset: Offset = 0) -> Any:
    """Past screenings, newest first: file, time, lists and editions, counts."""
    # One more than shown says whether there is a next page.
    runs = list_screenings(database(request), _RUNS_PER_PAGE + 1, offset)
    return templates.TemplateResponse(
        request,
        "screenings.html",
        {
            "runs": [
                (run, run_view(run.input_name, run.created_at, run.lists))
                for run in runs[:_RUNS_PER_PAGE]
            ],
            "offset": offset,
            "per_page": _RUNS_PER_PAGE,
            "more": len(runs) > _RUNS_PER_PAGE,
        },
    )


@router.get("/screenings/{screening_id}")
def screening_page(
    request: Request, screening_id: int, level: LevelFilter = None, offset: Offset = 0
) -> Any:
    """A run's rows, those of one level if asked, a page at a time."""
    stored = get_screening(database(request), screening_id, level)
    record, results = stored.run, stored.results
    return templates.TemplateResponse(
        request,
        "screening.html",
        {
            "record": record,
            "run": run_view(record.input_name, record.created_at, record.lists),
            "level": level,
            "levels": LEVELS,
            "results": [
                current_row(result)
                for result in results[offset : offset + _ROWS_PER_PAGE]
            ],
            "matching": len(results),
            "offset": offset,
            "per_page": _ROWS_PER_PAGE,
        },
    )


@router.get("/screenings/{screening_id}/diff")
def screening_compare(request: Request, screening_id: int, other: IdQuery) -> Any:
    """The compare form's answer: the diff of the two runs, older first."""
    old_id, new_id = sorted((screening_id, other))
    return RedirectResponse(f"/screenings/{old_id}/diff/{new_id}", status_code=303)


@router.get("/screenings/{old_id}/diff/{new_id}")
def screening_diff_page(request: Request, old_id: int, new_id: int) -> Any:
    """What changed from one run to another, supplier by supplier."""
    diff = diff_stored(database(request), old_id, new_id)
    return templates.TemplateResponse(
        request,
        "diff.html",
        {
            "diff": diff,
            "old": run_view(diff["old"]["input_name"], diff["old"]["created_at"]),
            "new": run_view(diff["new"]["input_name"], diff["new"]["created_at"]),
        },
    )


def run_view(
    input_name: str, created_at: str, lists: Sequence[Mapping[str, Any]] = ()
) -> dict[str, Any]:
    """What the pages show of a stored run: its file's name (a CLI run records the
    path it was given), its time in UTC, and its lists with their editions."""
    return {
        "file": input_name.replace("\\", "/").rsplit("/", 1)[-1] or input_name,
        "when": _when(created_at),
        "lists": [
            (f"{item['title']} ({item['id']})" if item.get("title") else item["id"])
            + f", edition {item.get('published') or 'unknown'}"
            for item in lists
        ],
    }


def _when(created_at: str) -> str:
    moment = datetime.fromisoformat(created_at)
    if moment.tzinfo is None:  # SQLite hands back naive times; all are stored UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


@router.get("/screenings/{screening_id}/results.{kind}")
def screening_download(
    request: Request,
    screening_id: int,
    kind: Literal["csv", "xlsx", "json"],
    level: LevelFilter = None,
) -> Any:
    """A run's rows (those of ``level`` if given) as CSV, XLSX or JSON to download."""
    # The CSV and XLSX read each row once (``stored_screenings``); only the JSON
    # gives the rows themselves, in this version's shape.
    stored = (stored_run if kind == "json" else get_screening)(
        database(request), screening_id, level
    )
    name = f"screening-{screening_id}{'-' + level if level else ''}.{kind}"
    if kind == "csv":
        return download(csv_bytes(stored_screenings(stored.results)), CSV, name)
    if kind == "xlsx":
        data = xlsx_bytes(stored_screenings(stored.results), name)
        return download(data, XLSX_MEDIA_TYPE, name)
    data = json.dumps(stored.record(), ensure_ascii=False, indent=1).encode("utf-8")
    return download(data, "application/json", name)


def _screened_row(
    request: Request, screening_id: int, row: int
) -> tuple[ScreeningRecord, dict[str, Any]]:
    """A stored run's record (as the pack templates read it) and one of its rows,
    as stored (the packs read it in this version's shape)."""
    run = screening_record(database(request), screening_id)
    result = stored_result(database(request), screening_id, row)
    if result is None:
        raise NotFound(f"{screening_id}/{row}: no such screened row")
    return run, result


@router.get("/screenings/{screening_id}/rows/{row}")
def evidence_pack(request: Request, screening_id: int, row: int) -> Any:
    """The evidence pack of one screened row, as HTML."""
    run, result = _screened_row(request, screening_id, row)
    html = render_pack(run, result)
    return HTMLResponse(
        html, headers={"Content-Security-Policy": policy_with_styles(html)}
    )


@router.get("/screenings/{screening_id}/rows/{row}/pack.pdf")
def evidence_pack_pdf(request: Request, screening_id: int, row: int) -> Any:
    """The evidence pack of one screened row, as a PDF to download."""
    import tempfile

    from laborwatch.screen.report import pdf_pack

    run, result = _screened_row(request, screening_id, row)
    with tempfile.TemporaryDirectory() as folder:
        data = pdf_pack(run, result, Path(folder) / "pack.pdf")
    return download(data, "application/pdf", f"screening-{screening_id}-row-{row}.pdf")


@router.get("/map")
def map_page(request: Request) -> Any:
    """The map is drawn by static/map.js; its colour scale's legend is drawn here,
    so it reads without the script."""
    countries = map_counts(database(request))["countries"]
    largest = max(countries.values(), default=0)
    return templates.TemplateResponse(
        request, "map.html", {"steps": scale_steps(largest)}
    )


@router.get("/incidents")
def incidents_page(request: Request, offset: Offset = 0) -> Any:
    records = incident_records(database(request), limit=50, offset=offset)
    return templates.TemplateResponse(
        request, "incidents.html", {"incidents": records, "offset": offset}
    )


@router.get("/entities/{name:path}")
def entity_page(request: Request, name: str) -> Any:
    """An actor's mentions, its possible list matches with their reasons, and the
    actors named with it."""
    record = entity_record(request, name)
    return templates.TemplateResponse(
        request,
        "entity.html",
        {
            "e": record,
            "hits": [(hit, hit_reasons(hit)) for hit in record["list_hits"]],
            "graph": relations_graph(name, record["related"]),
        },
    )


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    """Browsers ask for /favicon.ico before reading the page's icon link."""
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/login")
def login_form(request: Request) -> Any:
    return templates.TemplateResponse(request, "login.html", {})


@router.post("/login")
async def login(request: Request) -> Any:
    form = await request.form()
    token = str(form.get("token", ""))
    if not user_for(database(request), token):
        return templates.TemplateResponse(
            request, "login.html", {"failed": True}, status_code=401
        )
    response = RedirectResponse("/", status_code=303)
    set_token_cookie(request, response, token)
    return response


@router.post("/logout")
async def logout(request: Request) -> Any:
    """Forget the sign-in cookie; the form carries the CSRF token, so another site
    cannot sign a user out."""
    await posted_form(request)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(
        TOKEN_COOKIE,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )
    return response


@router.get("/docs", include_in_schema=False)
def api_docs(request: Request) -> Any:
    """Swagger UI over /openapi.json, from the package's own copy."""
    return templates.TemplateResponse(request, "api_docs.html", {})
