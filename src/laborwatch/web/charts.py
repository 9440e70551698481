"""What the dashboard's charts and the map's legend draw: plain numbers for the
templates, which draw them as SVG (the page's policy allows no inline style, so a
bar's size is an SVG attribute, never a styled width).

Every bar carries the search URL that lists its evidence, so a chart is a way in.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

# The timeline's drawing, in SVG units: the plot sits inside these margins, the
# left one for the count axis and its label, the bottom one for years and label.
TIMELINE_WIDTH = 640
TIMELINE_HEIGHT = 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 56, 8, 12, 48
# A gap of more than this many years (a misread date) is not filled with empty
# years, which would squeeze the real ones into slivers.
_LONGEST_TIMELINE = 60
# The map's shading (static/map.js uses the same): a country's fill opacity grows
# from _LIGHTEST for one report to 1 for the most reported country.
_LIGHTEST = 0.25
SCALE_STEPS = 5


def search_url(**filters: str) -> str:
    """The search page narrowed to ``filters`` (its query parameters)."""
    return "/search?" + urlencode(filters)


@dataclass(frozen=True)
class Bar:
    """One bar of a horizontal chart: a value, its count, its length in percent of
    the longest bar, and the search that lists its evidence."""

    value: str
    count: int
    width: int
    href: str


def bars(facet: str, pairs: list[tuple[str, int]]) -> list[Bar]:
    """A chart of ``(value, count)`` pairs, each bar linking to the search with
    ``facet=value``."""
    largest = max((n for _, n in pairs), default=1) or 1
    return [
        Bar(value, n, round(100 * n / largest), search_url(**{facet: value}))
        for value, n in pairs
    ]


@dataclass(frozen=True)
class Column:
    """One year of the timeline, placed in SVG units."""

    year: str
    count: int
    x: float
    y: float
    width: float
    height: float
    href: str


@dataclass(frozen=True)
class Timeline:
    columns: list[Column]
    largest: int
    # Where the plot's edges are, for the axes and their labels.
    left: int = _LEFT
    right: int = TIMELINE_WIDTH - _RIGHT
    top: int = _TOP
    bottom: int = TIMELINE_HEIGHT - _BOTTOM
    width: int = TIMELINE_WIDTH
    height: int = TIMELINE_HEIGHT
    # Years are labelled every ``label_every`` columns so that they do not overlap.
    label_every: int = 1


def timeline(pairs: list[tuple[str, int]]) -> Timeline:
    """Documents with evidence per publication year as columns, the years between
    those given filled with empty columns, so that a gap shows as a gap."""
    counts = {year: n for year, n in pairs if year.isdigit()}
    years = sorted(counts)
    if years and int(years[-1]) - int(years[0]) < _LONGEST_TIMELINE:
        years = [str(y) for y in range(int(years[0]), int(years[-1]) + 1)]
    largest = max(counts.values(), default=0)
    plot_width = TIMELINE_WIDTH - _LEFT - _RIGHT
    plot_height = TIMELINE_HEIGHT - _TOP - _BOTTOM
    step = plot_width / max(len(years), 1)
    columns = []
    for index, year in enumerate(years):
        n = counts.get(year, 0)
        height = round(plot_height * n / largest, 1) if largest else 0.0
        columns.append(
            Column(
                year,
                n,
                round(_LEFT + index * step + step * 0.1, 1),
                round(TIMELINE_HEIGHT - _BOTTOM - height, 1),
                round(step * 0.8, 1),
                height,
                search_url(published_from=year, published_to=year),
            )
        )
    # About 40 units a label keeps four-digit years apart.
    return Timeline(columns, largest, label_every=max(1, round(40 / step)))


@dataclass(frozen=True)
class Step:
    """A step of the map's colour scale: a count and the opacity it is shaded."""

    count: int
    opacity: float


def shade(count: int, largest: int) -> float:
    """The fill opacity of a country with ``count`` reports (as static/map.js)."""
    return round(_LIGHTEST + (1 - _LIGHTEST) * count / max(largest, 1), 2)


def scale_steps(largest: int) -> list[Step]:
    """Up to SCALE_STEPS counts from 1 to ``largest``, evenly spaced, with the
    shade the map gives each; none when no country has a report."""
    if largest < 1:
        return []
    counts = sorted(
        {
            round(1 + (largest - 1) * index / (SCALE_STEPS - 1))
            for index in range(SCALE_STEPS)
        }
    )
    return [Step(n, shade(n, largest)) for n in counts]
