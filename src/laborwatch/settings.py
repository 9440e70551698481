"""Configuration, read once from the environment into a frozen ``Settings``."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

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
        "LABORWATCH_XLSX_MAX_PART_MB",
        "256",
        "Largest unpacked size of any one part (XML file) of an XLSX supplier file, "
        "in megabytes.",
    ),
    Setting(
        "LABORWATCH_XLSX_MAX_CELL_CHARS",
        "32767",
        "Longest cell or shared string of an XLSX supplier file, in characters.",
    ),
    Setting(
        "LABORWATCH_XLSX_MAX_SHARED_STRINGS",
        "2000000",
        "Most shared strings an XLSX supplier file may hold.",
    ),
    Setting(
        "LABORWATCH_XLSX_MAX_ROWS",
        "1048576",
        "Highest row number of an XLSX supplier file's worksheet.",
    ),
    Setting(
        "LABORWATCH_XLSX_MAX_COLUMNS",
        "1024",
        "Most columns with values in an XLSX supplier file's worksheet.",
    ),
    Setting(
        "LABORWATCH_ALLOWED_HOSTS",
        "",
        "Host names, comma-separated, that the web app answers besides the address "
        "it listens on and the loopback names (a Host header naming any other is "
        "refused).",
    ),
    Setting(
        "LABORWATCH_FEED_TIMEOUT",
        "30",
        "Seconds that any one request of feeds poll or ingest --feed (robots.txt, "
        "feed, article) may take in all.",
    ),
    Setting(
        "LABORWATCH_FEED_MAX_MB",
        "10",
        "Largest response (feed, article, robots.txt) that feeds poll or ingest "
        "--feed reads, in megabytes; a larger one is refused.",
    ),
    Setting(
        "LABORWATCH_FEED_MAX_ITEMS",
        "100",
        "Most new items of one feed that one poll fetches; the rest wait for the "
        "next poll.",
    ),
    Setting(
        "LABORWATCH_FEED_CONTACT",
        "",
        "A URL or e-mail address added to the User-Agent of feed requests, so a "
        "site's operator can reach whoever runs the poll.",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Paths, limits and the database URL, passed down as an argument."""

    database_url: str = field(default_factory=_default_database_url)
    max_file_bytes: int = 50 * 1024 * 1024
    near_duplicate_threshold: float = 0.8
    # XLSX supplier files: a small zip can unpack to gigabytes, so each is bounded.
    xlsx_max_part_bytes: int = 256 * 1024 * 1024
    xlsx_max_cell_chars: int = 32_767  # Excel's own limit for a cell
    xlsx_max_shared_strings: int = 2_000_000
    xlsx_max_rows: int = 1_048_576  # Excel's own limit for a sheet
    xlsx_max_columns: int = 1024
    allowed_hosts: tuple[str, ...] = ()
    # Feed polling: every request is bounded in time and size, so one slow or
    # hostile site cannot hold up or swamp a poll.
    feed_timeout: float = 30.0
    feed_max_bytes: int = 10 * 1024 * 1024
    feed_contact: str = ""
    # A feed can list any number of items, each an article request to any host.
    feed_max_items: int = 100

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
        if env.get("LABORWATCH_XLSX_MAX_PART_MB"):
            megabytes = _parse_number(env, "LABORWATCH_XLSX_MAX_PART_MB", minimum=0.001)
            settings = replace(
                settings, xlsx_max_part_bytes=int(megabytes * 1024 * 1024)
            )
        if env.get("LABORWATCH_ALLOWED_HOSTS"):
            names = env["LABORWATCH_ALLOWED_HOSTS"].split(",")
            settings = replace(
                settings,
                allowed_hosts=tuple(n.strip().lower() for n in names if n.strip()),
            )
        if env.get("LABORWATCH_FEED_TIMEOUT"):
            seconds = _parse_number(env, "LABORWATCH_FEED_TIMEOUT", minimum=0.1)
            settings = replace(settings, feed_timeout=seconds)
        if env.get("LABORWATCH_FEED_MAX_MB"):
            megabytes = _parse_number(env, "LABORWATCH_FEED_MAX_MB", minimum=0.001)
            settings = replace(settings, feed_max_bytes=int(megabytes * 1024 * 1024))
        if env.get("LABORWATCH_FEED_CONTACT"):
            contact = env["LABORWATCH_FEED_CONTACT"].strip()
            # It goes into an HTTP header: printable ASCII only, no line breaks.
            if not all(" " <= char <= "~" for char in contact):
                raise LaborwatchError(
                    "LABORWATCH_FEED_CONTACT: printable ASCII only (a URL or address)"
                )
            settings = replace(settings, feed_contact=contact)
        counts: dict[str, Any] = {
            attribute: int(_parse_number(env, name, minimum=1))
            for name, attribute in _COUNTS
            if env.get(name)
        }
        return replace(settings, **counts)

    def with_database(self, url_or_path: str) -> Settings:
        """Return these settings with another database (a URL or an SQLite path)."""
        return replace(self, database_url=database_url(url_or_path))


_COUNTS = (
    ("LABORWATCH_FEED_MAX_ITEMS", "feed_max_items"),
    ("LABORWATCH_XLSX_MAX_CELL_CHARS", "xlsx_max_cell_chars"),
    ("LABORWATCH_XLSX_MAX_SHARED_STRINGS", "xlsx_max_shared_strings"),
    ("LABORWATCH_XLSX_MAX_ROWS", "xlsx_max_rows"),
    ("LABORWATCH_XLSX_MAX_COLUMNS", "xlsx_max_columns"),
)


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
