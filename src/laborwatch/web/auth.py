"""Who is asking, and may they: roles checked per request, writes logged."""

from __future__ import annotations

import secrets
from typing import Any

from fastapi import Request
from starlette.datastructures import FormData

from laborwatch.errors import Forbidden
from laborwatch.store.access import User, log_write
from laborwatch.web.security import CSRF_COOKIE

TOKEN_COOKIE = "laborwatch_token"


def user_of(request: Request) -> User:
    return request.state.user  # type: ignore[no-any-return]


def require(request: Request, role: str) -> User:
    user = user_of(request)
    if not user.can(role):
        raise Forbidden(
            f"{user.name} ({user.role}) may not do this; it needs the {role} role"
        )
    return user


async def posted_form(request: Request) -> FormData:
    """The posted form, refused unless the app's own page posted it: that carries
    the CSRF cookie's value in its ``csrf`` field, and another site can neither
    read the cookie nor set it."""
    form = await request.form()
    token = str(form.get("csrf", ""))
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if (
        not token
        or not cookie
        or not secrets.compare_digest(token.encode(), cookie.encode())
    ):
        raise Forbidden("form: expired or forged (reload the page and try again)")
    return form


def set_token_cookie(request: Request, response: Any, token: str) -> None:
    """The sign-in cookie: never read by scripts, never sent cross-site, and over
    TLS never sent in the clear."""
    response.set_cookie(
        TOKEN_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
    )


def log(request: Request, action: str, detail: dict[str, Any]) -> None:
    log_write(request.app.state.database, user_of(request), action, detail)


def can_see_sources(request: Request) -> bool:
    """A source's identity (who told a reporter, where a file was read) is shown
    to editors and admins only."""
    return user_of(request).can("editor")
