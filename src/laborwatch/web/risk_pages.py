"""The risk register's page (table, map layer, downloads) and the spreadsheet
downloads of the register and of incidents.

The page reads the register as ``/api/risk-areas`` does, with the same filters;
the map is drawn by ``static/risk_map.js`` from data the page lists (the
countries' strongest rows, the subdivisions' points), so the page reads without
the script and no inline script is needed under the CSP.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, StreamingResponse

from laborwatch.countries import country_name
from laborwatch.export.incidents import incidents, incidents_csv, incidents_xlsx
from laborwatch.export.risk import place_point, register_csv, register_xlsx
from laborwatch.sheets import XLSX_MEDIA_TYPE
from laborwatch.store.risk import RiskFilters, RiskRegister, RiskRow, risk_register
from laborwatch.store.sentence_refs import document_titles, sentence_texts
from laborwatch.web.common import CSV, DateField, attachment, database, download
from laborwatch.web.templating import templates

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
# The register's strengths (docs/risk-areas.md), weakest first, with their colour
# on the map and in its legend.
STRENGTHS: tuple[tuple[str, str], ...] = (
    ("single source", "#f5b041"),
    ("single source, state-imposed", "#e67e22"),
    ("corroborated", "#c0392b"),
    ("corroborated, state-imposed", "#641e16"),
)
_RANK = {strength: rank for rank, (strength, _) in enumerate(STRENGTHS)}
_COLOUR = dict(STRENGTHS)
# A row lists this many of its sentences; the search has the rest.
_SENTENCES_SHOWN = 10
# Form fields arrive as "" when left empty: the same as not given.
Text = Annotated[str, Query(max_length=100)]
Since = DateField
MinSources = Annotated[int, Query(ge=1, le=1000)]
Subdivision = Annotated[str, Query(max_length=10)]
Spreadsheet = Literal["csv", "xlsx"]


@dataclass(frozen=True)
class RiskForm:
    """The register page's form fields, as given: the page shows them again, and
    it and the download read the register through ``filters``."""

    country: Text = ""
    good: Text = ""
    since: Since = ""
    min_sources: MinSources = 1
    subdivision: Subdivision = ""

    def filters(self) -> RiskFilters:
        return RiskFilters(
            self.country.strip() or None,
            self.good.strip() or None,
            self.since or None,
            self.min_sources,
            self.subdivision.strip() or None,
        )


def _query(filters: RiskFilters, **more: str) -> str:
    """The filters as a query string, empty ones left out."""
    pairs = {
        "country": filters.country or "",
        "good": filters.good or "",
        "since": filters.since or "",
        "min_sources": str(filters.min_sources) if filters.min_sources > 1 else "",
        "subdivision": filters.subdivision or "",
        **more,
    }
    return urlencode({key: value for key, value in pairs.items() if value})


@router.get("/risk-areas")
def risk_areas_page(request: Request, form: Annotated[RiskForm, Depends()]) -> Any:
    """The register's rows, filtered by a GET form, each opening its sentences;
    ``subdivision`` (a province's link on the map) keeps that province's rows."""
    filters = form.filters()
    register = risk_register(database(request), filters)
    return templates.TemplateResponse(
        request,
        "risk_areas.html",
        {
            "form": asdict(form),
            "rows": _row_views(request, register),
            "countries": _countries(register, filters),
            "subdivisions": _subdivisions(register, filters),
            "strengths": STRENGTHS,
            "query": _query(filters),
        },
    )


def _row_views(request: Request, register: RiskRegister) -> list[dict[str, Any]]:
    """Each row with what the page shows of it: its first sentences with their
    documents' titles, its search link and its point where it is a subdivision."""
    shown = {id(row): row.sentences[:_SENTENCES_SHOWN] for row in register.rows}
    refs = [(ref.document_id, ref.position) for refs in shown.values() for ref in refs]
    db = database(request)
    texts = sentence_texts(db, refs)
    titles = document_titles(db, (document_id for document_id, _ in refs))
    views = []
    for row in register.rows:
        point = place_point(row.country, row.subdivision) if row.subdivision else None
        views.append(
            {
                "row": row,
                "colour": _COLOUR.get(row.strength, "#888"),
                "point": point if point and point[2] == "subdivision" else None,
                "search": "/search?" + urlencode(_search_facets(row)),
                "sentences": [
                    {
                        "href": f"/documents/{ref.document_id}#s{ref.position}",
                        "title": titles.get(ref.document_id) or ref.document_id[:12],
                        "text": texts.get((ref.document_id, ref.position), ""),
                    }
                    for ref in shown[id(row)]
                ],
                "more": len(row.sentences) - len(shown[id(row)]),
            }
        )
    return views


def _search_facets(row: RiskRow) -> dict[str, str]:
    """The search facets of a row's reports: its place and its good."""
    place = {"subdivision": row.subdivision} if row.subdivision else {}
    return {"country": row.country, **place, "good": row.good}


def _countries(register: RiskRegister, filters: RiskFilters) -> list[dict[str, Any]]:
    """Each country of the rows with its strongest row's strength and colour, its
    ISO numeric code (the bundled boundaries' key) and the link to its rows."""
    import pycountry

    strongest: dict[str, RiskRow] = {}
    for row in register.rows:
        best = strongest.get(row.country)
        if best is None or _rank(row) > _rank(best):
            strongest[row.country] = row
    countries = []
    ranked = sorted(strongest.items(), key=lambda item: _rank(item[1]), reverse=True)
    for code, row in ranked:
        found = pycountry.countries.get(alpha_2=code)
        countries.append(
            {
                "code": code,
                "name": country_name(code),
                "numeric": found.numeric if found else "",
                "strength": row.strength,
                "colour": _COLOUR.get(row.strength, "#888"),
                "href": "/risk-areas?"
                + _query(
                    RiskFilters(code, filters.good, filters.since, filters.min_sources)
                ),
            }
        )
    return countries


def _subdivisions(register: RiskRegister, filters: RiskFilters) -> list[dict[str, Any]]:
    """Each subdivision of the rows with its strongest row's strength and colour
    and the link to its rows; the map shades it on the bundled provinces."""
    strongest: dict[str, RiskRow] = {}
    for row in register.rows:
        if row.subdivision:
            best = strongest.get(row.subdivision)
            if best is None or _rank(row) > _rank(best):
                strongest[row.subdivision] = row
    ranked = sorted(strongest.items(), key=lambda item: _rank(item[1]), reverse=True)
    return [
        {
            "code": code,
            "strength": row.strength,
            "colour": _COLOUR.get(row.strength, "#888"),
            "href": "/risk-areas?"
            + _query(
                RiskFilters(
                    None, filters.good, filters.since, filters.min_sources, code
                )
            ),
        }
        for code, row in ranked
    ]


def _rank(row: RiskRow) -> tuple[int, int]:
    return _RANK.get(row.strength, -1), row.sources


@router.get("/risk-areas.{kind}")
def risk_areas_download(
    request: Request,
    kind: Spreadsheet,
    form: Annotated[RiskForm, Depends()],
    compare_dol: bool = False,
) -> Any:
    """The register with the page's filters as CSV or XLSX to download."""
    register = risk_register(database(request), form.filters(), compare_dol=compare_dol)
    name = f"risk-areas.{kind}"
    if kind == "csv":
        return download(register_csv(register).encode("utf-8"), CSV, name)
    return download(register_xlsx(register, name), XLSX_MEDIA_TYPE, name)


@router.get("/incidents.{kind}")
def incidents_download(
    request: Request,
    kind: Spreadsheet,
    country: Text = "",
    indicator: Text = "",
) -> Any:
    """Stored incidents (of a country, an indicator) as CSV or XLSX to download."""
    records = incidents(database(request), country or None, indicator or None)
    name = f"incidents.{kind}"
    if kind == "csv":
        # Streamed: a large store's incidents never sit in memory as one text.
        lines = (line.encode("utf-8") for line in incidents_csv(records))
        return StreamingResponse(lines, media_type=CSV, headers=attachment(name))
    return download(incidents_xlsx(records, name), XLSX_MEDIA_TYPE, name)
