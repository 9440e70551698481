"""What the matching tests share."""

from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query


def first(
    matcher: Matcher, query: Query, threshold: float = DEFAULT_THRESHOLD
) -> str | None:
    """The entry id of the best hit at or above ``threshold``, or None."""
    hits = matcher.match(query, threshold=threshold)
    return hits[0].entry_id if hits else None
