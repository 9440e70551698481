"""The web application: ``create_app(settings)`` plus one router per area.

Open on 127.0.0.1 unless told otherwise. Every page is rendered with autoescaping
(reports contain arbitrary HTML), no request makes the server fetch a URL, and no
page loads anything from the internet (the API's docs included). ``security.Guard``
stands in front of every route: see docs/web.md for what it refuses.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from laborwatch.errors import Unauthorized
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.access import LOCAL_USER, has_tokens, user_for
from laborwatch.version import __version__
from laborwatch.web import api, pages, risk_pages, watch_pages
from laborwatch.web.auth import TOKEN_COOKIE
from laborwatch.web.errors import HANDLERS, error_response
from laborwatch.web.jobs import Jobs
from laborwatch.web.reads import Matchers
from laborwatch.web.security import LOOPBACK_HOSTS, Guard

STATIC = Path(__file__).parent / "static"


_OPEN_PATHS = ("/static/", "/login", "/favicon.ico")


def create_app(
    settings: Settings,
    *,
    require_tokens: bool = False,
    allowed_hosts: Iterable[str] = (),
) -> FastAPI:
    """The app over ``settings``' database. With ``require_tokens``, or once any API
    token exists, every request needs one (``Authorization: Bearer`` or the login
    cookie); otherwise the app is open, as its one local user.

    It answers requests whose Host header names a loopback address, one of
    ``settings.allowed_hosts`` or one of ``allowed_hosts`` ("*" for any), and
    refuses the rest: a hostile web page that rebinds its own name to 127.0.0.1
    still sends that name.
    """
    database = open_database(settings.database_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        lifespan=lifespan,
        title="laborwatch",
        version=__version__,
        description="Sourced evidence of forced and child labour; supplier screening.",
        # Served from the package by pages.api_docs, not from a CDN.
        docs_url=None,
        redoc_url=None,
        exception_handlers=HANDLERS,
    )
    app.state.database = database
    app.state.jobs = Jobs(database, settings)
    app.state.matchers = Matchers()
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.include_router(risk_pages.router)
    app.include_router(watch_pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.middleware("http")
    async def authenticate(request: Request, call_next: Any) -> Any:
        request.state.user = LOCAL_USER
        if request.url.path.startswith(_OPEN_PATHS):
            return await call_next(request)
        if require_tokens or has_tokens(database):
            header = request.headers.get("authorization", "")
            token = header.removeprefix("Bearer ").strip() or request.cookies.get(
                TOKEN_COOKIE, ""
            )
            user = user_for(database, token) if token else None
            if user is None:
                if request.url.path.startswith("/api/"):
                    return error_response(
                        request,
                        Unauthorized.status,
                        "a valid API token is required",
                        # RFC 9110: a 401 names the scheme that would be accepted.
                        {"WWW-Authenticate": "Bearer"},
                    )
                return RedirectResponse("/login", status_code=303)
            request.state.user = user
        return await call_next(request)

    # Added after the authentication middleware, so outermost: it sees every
    # request, and every answer, first.
    app.add_middleware(
        Guard,
        allowed_hosts=(*LOOPBACK_HOSTS, *settings.allowed_hosts, *allowed_hosts),
    )
    return app
