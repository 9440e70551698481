"""What the API and the pages share: the app's database, the query parameter types
and the route options every API answer uses."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import AfterValidator

from laborwatch.countries import country_code
from laborwatch.store import Database
from laborwatch.store.facets import DATE_PATTERN, NOT_A_DATE, Facets, is_date
from laborwatch.store.rows import MAX_ID, MAX_OFFSET, MIN_ID

Limit = Annotated[int, Query(ge=1, le=500)]
# A bound keeps an absurd offset from reaching the database as a 500.
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]
# A stored record's id given as a query parameter; in a path, an id out of range
# is no such record (a 404, from the store).
IdQuery = Annotated[int, Query(ge=MIN_ID, le=MAX_ID)]
GEOJSON = "application/geo+json"
CSV = "text/csv; charset=utf-8"
LevelFilter = Annotated[Literal["high", "medium", "low", "none"] | None, Query()]
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


def attachment(name: str) -> dict[str, str]:
    """The headers that have a browser save the answer as the file ``name``."""
    return {"Content-Disposition": f'attachment; filename="{name}"'}


def download(data: bytes, media_type: str, name: str) -> Response:
    """``data`` as the file ``name`` to download."""
    return Response(data, media_type=media_type, headers=attachment(name))


def _real_date(value: str | None) -> str | None:
    if value is not None and not is_date(value):
        raise ValueError(NOT_A_DATE)
    return value


# A date facet: the pattern for /openapi.json, and a real day ("2024-13" would
# compare as a string and silently find nothing).
DateQuery = Annotated[
    str | None, Query(pattern=DATE_PATTERN), AfterValidator(_real_date)
]


def _real_date_or_blank(value: str) -> str:
    return value if value == "" else _real_date(value) or ""


# The same for a GET form's field, which a browser sends empty when left blank.
DateField = Annotated[
    str, Query(pattern=DATE_PATTERN + "|^$"), AfterValidator(_real_date_or_blank)
]


def _real_country(value: str | None) -> str | None:
    if value is not None and country_code(value) is None:
        raise ValueError("not a country code or name")
    return value


# A country a name is matched with, as `match --country` takes it.
CountryQuery = Annotated[
    str | None, Query(max_length=100), AfterValidator(_real_country)
]


def facets_from_query(
    indicator: str | None = None,
    country: str | None = None,
    subdivision: str | None = None,
    good: str | None = None,
    actor: str | None = None,
    source: str | None = None,
    published_from: DateQuery = None,
    published_to: DateQuery = None,
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
