"""The web application: ``create_app(settings)`` plus one router per area.

Read-only and open; it listens on 127.0.0.1 unless told otherwise. Every page is
rendered with autoescaping (reports contain arbitrary HTML), and no request makes
the server fetch a URL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from laborwatch import __version__
from laborwatch.errors import LaborwatchError
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.web import api, pages
from laborwatch.web.jobs import Jobs

STATIC = Path(__file__).parent / "static"


def create_app(settings: Settings) -> FastAPI:
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
    )
    app.state.database = database
    app.state.jobs = Jobs(database)
    app.include_router(api.router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(LaborwatchError)
    async def user_error(request: Request, err: LaborwatchError) -> JSONResponse:
        # One error shape; "no such" is a missing resource, anything else bad input.
        status = 404 if "no such" in str(err) else 400
        return JSONResponse(
            {"error": {"status": status, "message": str(err)}}, status_code=status
        )

    return app
