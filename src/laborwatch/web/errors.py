"""One error model for the pages and the API.

The API, and any client that does not ask for HTML, gets
``{"error": {"status": N, "message": "..."}}``; a browser asking for a page gets
the message in the app's own layout, with the same status. ``HANDLERS`` maps each
exception the app can raise to the handler that answers it; the status comes from
the exception's class (``laborwatch.errors``), never from its message.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Mapping
from http import HTTPStatus
from typing import Any

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from laborwatch.errors import LaborwatchError
from laborwatch.web.templating import templates

# As FastAPI's ``exception_handlers`` takes them.
Handler = Callable[[Request, Any], Coroutine[Any, Any, Response]]


def is_api(path: str) -> bool:
    return path.startswith("/api/")


def accepts_html(accept: str) -> bool:
    """Whether an Accept header asks for HTML, as a browser's does for a page.

    ``*/*`` alone is a script or a command-line client: it gets JSON.
    """
    for item in accept.lower().split(","):
        media_type, _, params = item.partition(";")
        if media_type.strip() in ("text/html", "application/xhtml+xml"):
            return _quality(params) > 0
    return False


def _quality(params: str) -> float:
    """The ``q`` of an Accept item's parameters (``q=0`` refuses the type)."""
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip() == "q":
            try:
                return float(value)
            except ValueError:
                return 0.0
    return 1.0


def wants_page(request: Request) -> bool:
    return not is_api(request.url.path) and accepts_html(
        request.headers.get("accept", "")
    )


def error_response(
    request: Request,
    status: int,
    message: str,
    headers: Mapping[str, str] | None = None,
) -> Response:
    """The one error answer: a page for a browser, the JSON shape for the rest."""
    if wants_page(request):
        return templates.TemplateResponse(
            request,
            "error.html",
            {"status": status, "title": _title(status), "message": message},
            status_code=status,
            headers=headers,
        )
    return JSONResponse(
        {"error": {"status": status, "message": message}},
        status_code=status,
        headers=headers,
    )


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def user_error(request: Request, err: LaborwatchError) -> Response:
    return error_response(request, err.status, str(err))


async def invalid_request(request: Request, err: RequestValidationError) -> Response:
    """FastAPI's validation errors in the one shape, naming each bad parameter,
    instead of pydantic's ``{"detail": [...]}``."""
    problems = "; ".join(
        f"{'.'.join(str(part) for part in e['loc'][1:]) or 'request'}: "
        # A validator's own message, without pydantic's "Value error, " before it.
        + e["msg"].removeprefix("Value error, ")
        for e in err.errors()
    )
    return error_response(request, 422, problems)


async def http_error(request: Request, err: HTTPException) -> Response:
    """Starlette's own errors: an unknown route (404), a wrong method (405)."""
    message = err.detail
    if message == _title(err.status_code):
        # Its default detail is the bare reason phrase: say what was asked for.
        target = request.url.path
        if err.status_code == 405:
            target = f"{request.method} {target}"
        message = f"{target}: {message.lower()}"
    return error_response(request, err.status_code, message, err.headers)


HANDLERS: dict[int | type[Exception], Handler] = {
    LaborwatchError: user_error,
    RequestValidationError: invalid_request,
    HTTPException: http_error,
}
