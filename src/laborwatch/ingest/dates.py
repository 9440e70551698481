"""Publication dates as ISO 8601 strings."""

from __future__ import annotations

from datetime import datetime

from dateutil import parser

# Two defaults that differ in every part: a part of the date the text leaves out
# comes out differently under each, so the date keeps only the parts it gives.
_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


def iso_date(value: str | None) -> str | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY`` for a date written in any common way,
    as precise as the text gives it ("2024" stays a year), else None."""
    if not value:
        return None
    try:
        first, second = (parser.parse(value, default=day) for day in _DEFAULTS)
    except (ValueError, OverflowError):
        return None
    if first.year != second.year:
        return None  # no year: "March 3" is no publication date
    if first.month != second.month:
        return f"{first.year:04d}"
    if first.day != second.day:
        return f"{first.year:04d}-{first.month:02d}"
    return first.date().isoformat()
