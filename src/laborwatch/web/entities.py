"""The entity page's view: a list hit's reasons in words, and the relations graph
laid out on the server, so the page needs no script to draw it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

LABEL_CHARACTERS = 28  # longer names are cut, the full name is the node's title
CHARACTER_WIDTH = 6.6  # of the 11px sans-serif labels, on average, to size the view
LABEL_HEIGHT = 11.0
LABEL_GAP = 5.0  # between a node and its label
MARGIN = 6.0
CENTRE_RADIUS = 12.0


def entity_url(name: str) -> str:
    """The entity page of ``name``; a "/" or "?" in a name stays in the path."""
    return "/entities/" + quote(name, safe="")


def hit_reasons(hit: dict[str, Any]) -> list[str]:
    """Why a list entry matched, a line per reason, from the hit's features."""
    reasons: list[str] = []
    for feature in hit["features"]:
        name, value, detail = feature["name"], feature["value"], feature["detail"]
        if name == "name":
            reasons += _name_reasons(detail, hit["caption"])
        elif name == "reading":
            reasons.append(f"read as “{detail['read']}” ({detail['how']})")
        elif name == "initials":
            reasons.append(
                f"{detail['acronym'].upper()} is the initials of “{detail['of']}”"
            )
        elif name == "hangul":
            continue  # the same as "reading", kept for scripts
        elif name == "country":
            reasons.append(f"country agrees: {detail['query']}")
        elif name == "country in name":
            reasons.append(
                f"the name says {', '.join(detail['words'])}, the list "
                f"{', '.join(detail['list'])} (×{value:g})"
            )
        elif name == "weak alias":
            reasons.append(f"a weak alias on the list (×{value:g})")
        elif value < 1:
            reasons.append(f"{name} (×{value:g})")
        else:
            reasons.append(name)
    return reasons


def _name_reasons(detail: dict[str, Any], caption: str) -> list[str]:
    words = ", ".join(
        f"{pair['query']} = {pair['list']}"
        if pair["how"] == "exact"
        else f"{pair['query']} ≈ {pair['list']} ({pair['how']})"
        for pair in detail.get("pairs", [])
    )
    reasons = [f"words agree: {words}"] if words else []
    if detail.get("kind") not in (None, "name") and detail.get("matched") != caption:
        kind = "weak alias" if detail["kind"] == "weak_alias" else detail["kind"]
        reasons.append(f"matched the {kind} “{detail['matched']}”")
    if detail.get("unmatched_query"):
        reasons.append(f"only in this name: {' '.join(detail['unmatched_query'])}")
    if detail.get("unmatched_list"):
        reasons.append(f"only in the listed name: {' '.join(detail['unmatched_list'])}")
    return reasons


@dataclass(frozen=True)
class Node:
    name: str
    label: str
    documents: int
    x: float
    y: float
    radius: float
    label_x: float
    label_y: float
    anchor: str  # the SVG text-anchor that puts the label outside the circle


@dataclass(frozen=True)
class Graph:
    centre: Node
    nodes: list[Node]
    view_box: str
    width: float
    height: float


def relations_graph(name: str, related: list[dict[str, Any]]) -> Graph:
    """The entity at the centre, the actors named with it on a circle around it.

    Edges run from the centre out to each node and every label lies beyond its
    node, on the far side from the centre, so no edge runs through a label; the
    view box is the extent of the nodes and their labels.
    """
    # The circle grows with the nodes so that neighbouring labels keep apart.
    ring = max(90.0, 13.0 * len(related))
    nodes = []
    for index, other in enumerate(related):
        # Start at the top and go round clockwise, half a step off the vertical
        # so that two nodes are not stacked one above the other.
        angle = 2 * math.pi * (index + 0.5) / len(related) - math.pi / 2
        cos, sin = math.cos(angle), math.sin(angle)
        radius = 5.0 + min(int(other["documents"]), 6)
        nodes.append(
            _node(
                other["name"],
                int(other["documents"]),
                ring * cos,
                ring * sin,
                radius,
                cos,
                sin,
            )
        )
    # The centre's label sits above it, on its halo, where edges pass beneath.
    centre = _node(name, 0, 0.0, 0.0, CENTRE_RADIUS, 0.0, -1.0)
    left, top, right, bottom = _extent([centre, *nodes])
    width, height = right - left, bottom - top
    return Graph(
        centre=centre,
        nodes=nodes,
        view_box=f"{left:.1f} {top:.1f} {width:.1f} {height:.1f}",
        width=round(width, 1),
        height=round(height, 1),
    )


def _node(
    name: str, documents: int, x: float, y: float, radius: float, cos: float, sin: float
) -> Node:
    label = (
        name if len(name) <= LABEL_CHARACTERS else name[: LABEL_CHARACTERS - 1] + "…"
    )
    # Beside the node on the left and right; above or below it near the top and
    # bottom, running away from the vertical, so that neighbours there part.
    anchor = "start" if cos > 0.05 else "end" if cos < -0.05 else "middle"
    distance = radius + LABEL_GAP
    label_x = x + cos * distance
    # SVG places text by its baseline: move it down by a third of its height to
    # centre it beside a node, by all of it to hang it below one.
    if abs(cos) > 0.35:
        label_y = y + sin * distance + LABEL_HEIGHT / 3
    elif sin < 0:
        label_y = y - distance
    else:
        label_y = y + distance + LABEL_HEIGHT
    return Node(
        name=name,
        label=label,
        documents=documents,
        x=round(x, 1),
        y=round(y, 1),
        radius=radius,
        label_x=round(label_x, 1),
        label_y=round(label_y, 1),
        anchor=anchor,
    )


def _extent(nodes: list[Node]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of the circles and labels, with a margin."""
    xs: list[float] = []
    ys: list[float] = []
    for node in nodes:
        xs += [node.x - node.radius, node.x + node.radius]
        ys += [node.y - node.radius, node.y + node.radius]
        width = len(node.label) * CHARACTER_WIDTH
        start = {
            "start": node.label_x,
            "middle": node.label_x - width / 2,
            "end": node.label_x - width,
        }[node.anchor]
        xs += [start, start + width]
        ys += [node.label_y - LABEL_HEIGHT, node.label_y + LABEL_HEIGHT / 3]
    return (
        min(xs) - MARGIN,
        min(ys) - MARGIN,
        max(xs) + MARGIN,
        max(ys) + MARGIN,
    )
