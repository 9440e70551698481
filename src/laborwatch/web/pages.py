"""Server-rendered pages: dashboard, search with highlighted snippets, documents.

Templates autoescape everything. Where markup must wrap text (a search match, an
evidence sentence), the text is escaped first and the markup added around it.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from laborwatch.extract.indicators import CODES
from laborwatch.store import (
    count_documents,
    get_document,
    list_documents,
)
from laborwatch.store.evidence import count_indicators, get_evidence
from laborwatch.store.facets import Facets
from laborwatch.store.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchHit
from laborwatch.web.api import database, facets_from_query, run_search

router = APIRouter(default_response_class=HTMLResponse)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))


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
    counts = count_documents(db)
    indicator_counts = count_indicators(db)
    largest = max(indicator_counts.values(), default=1)
    return templates.TemplateResponse(
        request,
        "dashboard.html",
        {
            "counts": counts,
            "indicators": [
                (code, n, round(100 * n / largest))
                for code, n in indicator_counts.items()
            ],
            "recent": list_documents(db, limit=10),
        },
    )


@router.get("/search")
def search(
    request: Request,
    facets: Annotated[Facets, Depends(facets_from_query)],
    q: Annotated[str, Query(max_length=500)] = "",
    sentences: bool = True,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Any:
    hits: list[SearchHit] = []
    counts: dict[str, list[tuple[str, int]]] = {}
    if q.strip():
        hits, counts = run_search(database(request), q, sentences, 20, offset, facets)
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
            title = ", ".join(sorted({i["code"] for i in found}))
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
        paragraphs.append(Markup(block.replace("\n", "<br>")))
    return templates.TemplateResponse(
        request,
        "document.html",
        {
            "stored": stored,
            "paragraphs": paragraphs,
            "indicators": evidence["indicators"],
            "facts": evidence["facts"],
            "codes": CODES,
        },
    )
