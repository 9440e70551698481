"""What the matching tests share."""

from laborwatch.lists.entry import ListEntry
from laborwatch.match import DEFAULT_THRESHOLD, Matcher, Query


def first(
    matcher: Matcher, query: Query, threshold: float = DEFAULT_THRESHOLD
) -> str | None:
    """The entry id of the best hit at or above ``threshold``, or None."""
    hits = matcher.match(query, threshold=threshold)
    return hits[0].entry_id if hits else None


def listed_body(entry_id: str, name: str, country: str, *aliases: str) -> ListEntry:
    """A body as a list gives it, under the DPRK programme where it is North
    Korean."""
    return ListEntry(
        entry_id,
        "Organization",
        name,
        aliases=aliases,
        countries=(country,),
        programs=("DPRK" if country == "KP" else "SDN",),
    )


def listed_person(entry_id: str, name: str, country: str, *aliases: str) -> ListEntry:
    return ListEntry(entry_id, "Person", name, aliases=aliases, countries=(country,))
