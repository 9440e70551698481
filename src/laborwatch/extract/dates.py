"""Dates: the model's DATE entities, less durations, with an ISO 8601 value and a kind.

Reads the parsed section (spaCy ``Doc``) and the document's publication date; adds
one DateMention per date that places something in time. Durations and frequencies
("all day", "15 days", "for three years", "hours a day") and ages ("15 years old")
are not dates and are left out. A date without a year ("February 3", "last March")
takes the publication year, or the year before where that would put it after the
publication. Values: "2024-02-03", "2023-03", "2019", a range "2019/2021", or
"--02-03" (ISO 8601's month and day) when no year can be known.

Kinds: ``statement`` when something was said or reported on that date ("told Daily
NK on February 3"), ``publication`` when it is the document's own date, else
``event``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from laborwatch.extract.evidence import DateMention, Span

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"
_DAY = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMBER_WORDS = (
    r"\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty|thirty|several|few|many|some|couple of|dozen|dozens of|hundreds of"
)
_UNIT = r"(?:hours?|days?|nights?|weeks?|months?|years?|decades?|weekends?|shifts?)"
# What a duration, a frequency or an age looks like once the entity is lower-cased.
_NOT_A_DATE = re.compile(
    r"\b(?:all|whole|entire) (?:day|night|week|year)\b"
    r"|\b(?:every|each|per|a|an) (?:day|night|week|month|year|morning|evening)\b"
    r"|\b(?:daily|weekly|monthly|nightly|annually|yearly|hourly)\b"
    r"|\b(?:years?|months?)[- ]old\b|\baged?\b"
    r"|\b(?:day|night) (?:and|or) (?:night|day)\b"
    r"|^(?:the |for |over |during |within |about |around |nearly |almost |up to |"
    r"at least |more than |less than |only |just |another |the (?:past|last|next|"
    rf"first|following) )*(?:{_NUMBER_WORDS})"
    rf"(?:[- ](?:to|or|and)[- ](?:{_NUMBER_WORDS}))?"
    rf"[- ](?:more |additional |consecutive |straight |long )?{_UNIT}\b"
    r"|^(?:the )?(?:past|last|next|recent|coming|following) (?:\w+ )?"
    r"(?:days|weeks|months|years|decades)\b"
    r"|^(?:recent|many|several|some|a few|the) (?:years|months|days|weeks|decades)$"
    r"|\b(?:past|last|next|coming) decade\b"
    # A bare number the model took for a date ("37", "62"): an age or a count.
    r"|^\d{1,3}$"
    r"|^(?:the )?(?:day|days|night|nights|weekend|weekends|daytime|season|seasons)$"
)
_CAPITAL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
# Written dates found beside the model's entities; the month must be capitalised
# ("may" is a verb).
_WRITTEN_DATE = re.compile(
    rf"\b(?:\d{{1,2}} (?:of )?{_CAPITAL_MONTH},? (?:1[89]|20)\d{{2}}"
    rf"|{_CAPITAL_MONTH} \d{{1,2}}(?:st|nd|rd|th)?,? (?:1[89]|20)\d{{2}}"
    rf"|{_CAPITAL_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b(?!,? ?\d)"
    rf"|\d{{1,2}} {_CAPITAL_MONTH}(?![\w.])"
    r"|\d{1,2}\.\d{1,2}\.(?:1[89]|20)\d{2})(?![\w])"
)
_STATEMENT = re.compile(
    r"\b(?:told|tells|said|says|stated|states|reported|reports|announced|added"
    r"|explained|wrote|noted|commented|confirmed|denied|denies|claimed|declared"
    r"|interview(?:ed)?|statement|press release|spoke|speaking|testified|responded"
    r"|replied)\b[^.!?]{0,60}$",
    re.I,
)
# "On 3 February 2024, the company denied ...": the date opens the statement.
_STATED_AFTER = re.compile(
    r",? (?:the |a |an |its |his |her )?(?:[\w-]+ ){0,3}(?:told|said|stated|announced"
    r"|denied|reported|declared|confirmed|wrote)\b",
    re.I,
)
_PUBLICATION = re.compile(
    r"\b(?:published|posted|updated|released|dated|issued|copyright|©)\b"
    r"[^.!?]{0,30}$",
    re.I,
)


def find_dates(
    doc: Any, locate: Callable[[int], int], published: str | None
) -> list[DateMention]:
    """Dates among the DATE entities of ``doc``; ``published`` anchors partial ones."""
    anchor = _anchor(published)
    # Doc.text joins every token anew: read once, not once a date.
    whole = doc.text
    dates = []
    for start, end in _date_spans(doc, whole):
        text = whole[start:end]
        if is_duration(text):
            continue
        value = resolve_date(text, anchor)
        before = whole[max(0, start - 80) : start]
        after = whole[end : end + 50]
        dates.append(
            DateMention(
                text=text,
                value=value,
                span=Span(start, end, locate(start)),
                kind=_kind(before, after, value, anchor),
            )
        )
    return dates


def _date_spans(doc: Any, text: str) -> list[tuple[int, int]]:
    """DATE entities, and the written dates the model misses or cuts ("2 Feb 2023"
    read as "2023"), the longer kept where they overlap."""
    spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
    spans += [match.span() for match in _WRITTEN_DATE.finditer(text)]
    spans.sort(key=lambda span: (span[0], span[0] - span[1]))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            if end - start > kept[-1][1] - kept[-1][0]:
                kept[-1] = (start, end)
            continue
        kept.append((start, end))
    return kept


def is_duration(text: str) -> bool:
    """Whether a DATE entity is a length of time, a frequency or an age."""
    return bool(_NOT_A_DATE.search(_clean(text)))


def _clean(text: str) -> str:
    return " ".join(text.lower().replace("–", "-").replace("—", "-").split())


def _anchor(published: str | None) -> date | None:
    """The publication date; a month or year alone stands for its last day, so that
    "May 3" in a report of "2024-05" is of 2024."""
    if not published:
        return None
    text = published.strip()[:10]
    try:
        if re.fullmatch(r"\d{4}-\d{2}", text):
            year, month = int(text[:4]), int(text[5:])
            date(year, month, 1)  # "2024-13" is no month: ValueError, no anchor
            following = date(year + month // 12, month % 12 + 1, 1)
            return date.fromordinal(following.toordinal() - 1)
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 12, 31)
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def _kind(before: str, after: str, value: str | None, anchor: date | None) -> str:
    if anchor is not None and value == anchor.isoformat():
        return "publication"
    if _PUBLICATION.search(before):
        return "publication"
    if _STATEMENT.search(before) or _STATED_AFTER.match(after):
        return "statement"
    return "event"


_LEADING = re.compile(
    r"^(?:on|in|at|by|from|since|until|till|between|during|as of|the|of|early|late|"
    r"mid|end of|beginning of|start of|middle of|later|earlier|fiscal year|fy|"
    r"financial year|calendar year)(?:[- ]+|$)"
)


def resolve_date(text: str, anchor: date | None) -> str | None:
    """The ISO 8601 value of a date's text; ``anchor`` is the publication date."""
    cleaned = _clean(text)
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = _LEADING.sub("", cleaned)
    # "mid-2015 to mid-2019": the part of the year does not change its value.
    cleaned = re.sub(r"\b(?:early|late|mid)[- ]+(?=(?:1[89]|20)\d{2})", "", cleaned)
    for resolver in (_range, _full, _month_year, _decade, _year, _partial, _relative):
        value = resolver(cleaned, anchor)
        if value is not None:
            return value
    return _parsed(text, anchor)


def _range(text: str, anchor: date | None) -> str | None:
    years = re.fullmatch(
        r"((?:1[89]|20)\d{2}) ?(?:-|to|and|through|until) ?((?:1[89]|20)?\d{2})", text
    )
    if years:
        low, high = years.group(1), years.group(2)
        if len(high) == 2:
            high = low[:2] + high
        return f"{low}/{high}" if high > low else None
    months = re.fullmatch(
        _MONTH.replace("month", "low")
        + r" ?(?:-|to|and|through|until) ?"
        + _MONTH.replace("month", "high")
        + r",? "
        + _YEAR,
        text,
    )
    if months:
        year = months.group("year")
        low_month = _MONTHS[months.group("low")]
        high_month = _MONTHS[months.group("high")]
        return f"{year}-{low_month:02d}/{year}-{high_month:02d}"
    return None


def _full(text: str, anchor: date | None) -> str | None:
    for pattern in (
        rf"{_MONTH} {_DAY},? {_YEAR}",
        rf"{_DAY} (?:of )?{_MONTH},? {_YEAR}",
        rf"{_YEAR}-(?P<nmonth>\d{{2}})-(?P<nday>\d{{2}})",
        # "07.06.2021": day, month, year, as written outside the United States.
        rf"(?P<nday>\d{{1,2}})\.(?P<nmonth>\d{{1,2}})\.{_YEAR}",
    ):
        match = re.fullmatch(pattern, text)
        if match:
            groups = match.groupdict()
            month = int(groups["nmonth"]) if groups.get("nmonth") else 0
            month = month or _MONTHS[groups["month"]]
            day = int(groups.get("nday") or groups["day"])
            return _iso(int(match.group("year")), month, day)
    return None


def _month_year(text: str, anchor: date | None) -> str | None:
    match = re.fullmatch(rf"{_MONTH},? (?:of )?{_YEAR}", text)
    if match:
        return f"{match.group('year')}-{_MONTHS[match.group('month')]:02d}"
    return None


def _decade(text: str, anchor: date | None) -> str | None:
    match = re.fullmatch(r"((?:1[89]|20)\d)0'?s", text)
    if match:
        return f"{match.group(1)}0/{match.group(1)}9"
    return None


def _year(text: str, anchor: date | None) -> str | None:
    if re.fullmatch(r"(?:year )?" + _YEAR, text):
        return text[-4:]
    if anchor is not None:
        shift = {"this year": 0, "last year": -1, "next year": 1, "previous year": -1}
        if text in shift:
            return str(anchor.year + shift[text])
        months = {"this month": 0, "last month": -1, "next month": 1}
        if text in months:
            index = anchor.year * 12 + anchor.month - 1 + months[text]
            return f"{index // 12}-{index % 12 + 1:02d}"
    return None


def _partial(text: str, anchor: date | None) -> str | None:
    """A month and day, or a month, without a year: "February 3", "last March"."""
    day_match = re.fullmatch(rf"{_MONTH} {_DAY}", text) or re.fullmatch(
        rf"{_DAY} (?:of )?{_MONTH}", text
    )
    month_match = re.fullmatch(rf"(?:last |this |past )?{_MONTH}", text)
    if day_match:
        month, day = _MONTHS[day_match.group("month")], int(day_match.group("day"))
        if anchor is None:
            # No year to give it: month and day alone, if a leap year has them.
            return f"--{month:02d}-{day:02d}" if _iso(2000, month, day) else None
        year = anchor.year
        if (month, day) > (anchor.month, anchor.day):
            year -= 1
        return _iso(year, month, day)
    if month_match:
        month = _MONTHS[month_match.group("month")]
        if anchor is None:
            return f"--{month:02d}"
        last = text.startswith(("last", "past"))
        year = anchor.year
        if month > anchor.month or (last and month == anchor.month):
            year -= 1
        return f"{year}-{month:02d}"
    return None


def _relative(text: str, anchor: date | None) -> str | None:
    """Weekdays and "yesterday", counted back from the publication date."""
    if anchor is None or not re.fullmatch(
        r"(?:last |this |on |past )?(?:monday|tuesday|wednesday|thursday|friday|"
        r"saturday|sunday|yesterday|today|last week|last month)",
        text,
    ):
        return None
    return _parsed(text, anchor)


def _parsed(text: str, anchor: date | None) -> str | None:
    """What dateparser makes of the rest, at the day it states, never in the future."""
    if anchor is None and not re.search(r"\b(?:1[89]|20)\d{2}\b", text):
        return None
    import dateparser  # imported here: loading its locale data takes a second

    base = datetime(anchor.year, anchor.month, anchor.day) if anchor else None
    settings: dict[str, Any] = {
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["year"] if anchor is None else [],
        "RETURN_TIME_AS_PERIOD": False,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    try:
        found = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if not isinstance(found, datetime):
        return None
    return found.date().isoformat()


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
