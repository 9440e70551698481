"""Publication dates as ISO 8601 strings."""

from __future__ import annotations

from dateutil import parser


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` for a date written in any common way, else None."""
    if not value:
        return None
    try:
        return parser.parse(value).date().isoformat()
    except (ValueError, OverflowError):
        return None
