"""The page of ``laborwatch watch`` passes: what each found, newest first, each
change linking to what it is about (a document, a screening diff)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from laborwatch.store.sentence_refs import document_titles
from laborwatch.store.watch import list_watch_runs
from laborwatch.web.common import Offset, database
from laborwatch.web.templating import templates

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)
_PASSES_PER_PAGE = 20


@router.get("/watch")
def watch_page(request: Request, offset: Offset = 0) -> Any:
    """Passes of ``laborwatch watch``, newest first, with their changes."""
    # One more than shown says whether there is a next page.
    passes = list_watch_runs(database(request), _PASSES_PER_PAGE + 1, offset)
    shown = passes[:_PASSES_PER_PAGE]
    documents = [
        document_id
        for one in shown
        for change in one["changes"]
        if change["kind"] == "documents"
        for document_id in change["documents"]
    ]
    return templates.TemplateResponse(
        request,
        "watch.html",
        {
            "passes": shown,
            "titles": document_titles(database(request), documents),
            "offset": offset,
            "more": len(passes) > _PASSES_PER_PAGE,
            "per_page": _PASSES_PER_PAGE,
        },
    )
