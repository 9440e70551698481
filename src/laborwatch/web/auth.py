"""Who is asking, and may they: roles checked per request, writes logged."""

from __future__ import annotations

from typing import Any

from fastapi import Request

from laborwatch.store.access import User, log_write

TOKEN_COOKIE = "laborwatch_token"


class Forbidden(Exception):
    """The user's role does not allow this."""


def user_of(request: Request) -> User:
    return request.state.user  # type: ignore[no-any-return]


def require(request: Request, role: str) -> User:
    user = user_of(request)
    if not user.can(role):
        raise Forbidden(
            f"{user.name} ({user.role}) may not do this; it needs the {role} role"
        )
    return user


def log(request: Request, action: str, detail: dict[str, Any]) -> None:
    log_write(request.app.state.database, user_of(request), action, detail)


def can_see_sources(request: Request) -> bool:
    """A source's identity (who told a reporter, where a file was read) is shown
    to editors and admins only."""
    return user_of(request).can("editor")
