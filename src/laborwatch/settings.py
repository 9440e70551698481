"""Configuration, read once from the environment into a frozen ``Settings``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from laborwatch.errors import LaborwatchError


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, default and help line."""

    env: str
    default: str
    help: str


def _default_database_url() -> str:
    data_dir = Path(platformdirs.user_data_dir("laborwatch", appauthor=False))
    return f"sqlite:///{data_dir / 'laborwatch.db'}"


# The single list of settings; docs/configuration.md documents each (tests check).
SETTINGS: tuple[Setting, ...] = (
    Setting(
        "LABORWATCH_DB",
        "sqlite:///<user data dir>/laborwatch.db",
        "Database URL (sqlite:///PATH or postgresql+psycopg://...), or a file path "
        "for SQLite.",
    ),
    Setting(
        "LABORWATCH_MAX_FILE_MB",
        "50",
        "Largest input file, or JSON Lines record, that ingest reads, in megabytes.",
    ),
    Setting(
        "LABORWATCH_NEAR_DUPLICATE",
        "0.8",
        "Estimated Jaccard similarity of word shingles at or above which a document "
        "is recorded as a near-duplicate of one already stored.",
    ),
    Setting(
        "LABORWATCH_ALLOWED_HOSTS",
        "",
        "Host names, comma-separated, that the web app answers besides the address "
        "it listens on and the loopback names (a Host header naming any other is "
        "refused).",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Paths, limits and the database URL, passed down as an argument."""

    database_url: str = field(default_factory=_default_database_url)
    max_file_bytes: int = 50 * 1024 * 1024
    near_duplicate_threshold: float = 0.8
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        settings = cls()
        if env.get("LABORWATCH_DB"):
            settings = settings.with_database(env["LABORWATCH_DB"])
        if env.get("LABORWATCH_MAX_FILE_MB"):
            megabytes = _parse_number(env, "LABORWATCH_MAX_FILE_MB", minimum=0.001)
            settings = replace(settings, max_file_bytes=int(megabytes * 1024 * 1024))
        if env.get("LABORWATCH_NEAR_DUPLICATE"):
            threshold = _parse_number(env, "LABORWATCH_NEAR_DUPLICATE", minimum=0.01)
            if threshold > 1:
                raise LaborwatchError("LABORWATCH_NEAR_DUPLICATE: must be at most 1")
            settings = replace(settings, near_duplicate_threshold=threshold)
        if env.get("LABORWATCH_ALLOWED_HOSTS"):
            names = env["LABORWATCH_ALLOWED_HOSTS"].split(",")
            settings = replace(
                settings,
                allowed_hosts=tuple(n.strip().lower() for n in names if n.strip()),
            )
        return settings

    def with_database(self, url_or_path: str) -> Settings:
        """Return these settings with another database (a URL or an SQLite path)."""
        return replace(self, database_url=database_url(url_or_path))


def database_url(url_or_path: str) -> str:
    """Turn a plain file path into an SQLite URL; leave URLs as they are."""
    if "://" in url_or_path:
        return url_or_path
    return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"


def _parse_number(env: Mapping[str, str], name: str, minimum: float) -> float:
    try:
        value = float(env[name])
    except ValueError:
        raise LaborwatchError(f"{name}: not a number: {env[name]!r}") from None
    if value < minimum:
        raise LaborwatchError(f"{name}: must be at least {minimum}")
    return value
