"""API tokens (stored as SHA-256 only) with roles, and the audit log of writes."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError

from laborwatch.errors import LaborwatchError, NotFound
from laborwatch.store.database import Database
from laborwatch.store.tables import api_tokens, audit_log

ROLES = ("viewer", "editor", "admin")


@dataclass(frozen=True)
class User:
    name: str
    role: str

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class TokenHolder:
    """A token's holder and role (the token itself is never kept)."""

    name: str
    role: str
    created_at: datetime

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": self.role,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class AuditEntry:
    """One write made through the app: when, who, what, and its detail."""

    at: datetime
    who: str
    action: str
    detail: dict[str, Any]

    def record(self) -> dict[str, Any]:
        return {
            "at": self.at.isoformat(),
            "who": self.who,
            "action": self.action,
            "detail": self.detail,
        }


LOCAL_USER = User("local", "admin")  # the one user of an open app on 127.0.0.1


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(database: Database, name: str, role: str) -> str:
    """A new token for ``name``; returned once, stored only as its SHA-256."""
    if role not in ROLES:
        raise LaborwatchError(f"{role}: not a role ({', '.join(ROLES)})")
    if not name.strip():
        raise LaborwatchError("a token's holder needs a name, not an empty one")
    token = secrets.token_urlsafe(32)
    try:
        with database.writing() as connection:
            connection.execute(
                api_tokens.insert().values(
                    name=name,
                    role=role,
                    token_sha256=_digest(token),
                    created_at=datetime.now(UTC),
                )
            )
    except IntegrityError:
        raise LaborwatchError(
            f"{name}: a token with this name exists; revoke it first"
        ) from None
    return token


def revoke_token(database: Database, name: str) -> None:
    with database.writing() as connection:
        if not connection.execute(
            delete(api_tokens).where(api_tokens.c.name == name)
        ).rowcount:
            raise NotFound(f"{name}: no such token")


def list_tokens(database: Database) -> list[TokenHolder]:
    with database.reading() as connection:
        rows = connection.execute(
            select(api_tokens.c.name, api_tokens.c.role, api_tokens.c.created_at)
        ).all()
    return [TokenHolder(r.name, r.role, r.created_at) for r in rows]


def has_tokens(database: Database) -> bool:
    with database.reading() as connection:
        return bool(connection.scalar(select(func.count()).select_from(api_tokens)))


def user_for(database: Database, token: str) -> User | None:
    with database.reading() as connection:
        row = connection.execute(
            select(api_tokens.c.name, api_tokens.c.role).where(
                api_tokens.c.token_sha256 == _digest(token)
            )
        ).first()
    return User(row.name, row.role) if row else None


def log_write(
    database: Database, user: User, action: str, detail: dict[str, Any]
) -> None:
    with database.writing() as connection:
        connection.execute(
            audit_log.insert().values(
                at=datetime.now(UTC), who=user.name, action=action, detail=detail
            )
        )


def read_log(database: Database, limit: int = 100) -> list[AuditEntry]:
    """The newest ``limit`` writes, newest first."""
    with database.reading() as connection:
        rows = connection.execute(
            select(audit_log).order_by(audit_log.c.id.desc()).limit(limit)
        ).all()
    return [AuditEntry(r.at, r.who, r.action, r.detail) for r in rows]
