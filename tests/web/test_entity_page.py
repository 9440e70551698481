"""The entity page: possible list matches with reasons, the relations graph, and
the document page's links to it."""

import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from laborwatch.lists import load_list
from laborwatch.match import DEFAULT_THRESHOLD
from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.web import create_app
from laborwatch.web.entities import (
    CHARACTER_WIDTH,
    LABEL_HEIGHT,
    entity_url,
    relations_graph,
)
from tests.conftest import FIXTURES

# Two reports written for these tests: an English one naming two employers (one
# of them on the OFAC fixture list) and a Korean one naming the listed bank in
# Hangul.
ENGLISH = (
    "Workers at Korea Daesong Bank said the manager confiscated their passports. "
    "The Hanil Fishing Company forced crews to work 20 hours a day without pay.\n"
)
KOREAN = (
    "대성은행 관리자가 노동자들의 여권을 빼앗았다. 노동자들은 임금을 받지 못했다.\n"
)


@pytest.fixture(scope="module")
def client(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> TestClient:
    folder = tmp_path_factory.mktemp("entities")
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "korean.txt").write_text(KOREAN, encoding="utf-8")
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    ingest_paths([str(folder)], database, settings)
    save_list(database, load_list(FIXTURES / "lists" / "ofac"))
    database.close()
    return TestClient(create_app(settings), base_url="http://127.0.0.1:8000")


def section(page: str, heading: str) -> str:
    """The page's text from ``heading`` to the next heading."""
    start = page.index(f"<h2>{heading}</h2>")
    end = page.find("<h2>", start + 1)
    return page[start : end if end > 0 else None]


def test_entity_page_shows_possible_list_matches_with_score_and_reasons(
    client: TestClient,
) -> None:
    page = client.get(f"/entities/{quote('Korea Daesong Bank')}").text
    matches = section(page, "Possible list matches")
    assert "On lists" not in page
    assert "KOREA DAESONG BANK" in matches
    assert "score 1.00" in matches
    # The reason names the words that agree, pair by pair.
    reasons = re.findall(r'<ul class="reasons">(.*?)</ul>', matches, re.S)
    assert reasons and "daesong = daesong" in reasons[0]


def test_entity_page_gives_the_reading_that_matched_a_hangul_name(
    client: TestClient,
) -> None:
    page = client.get(f"/entities/{quote('대성은행')}").text
    matches = section(page, "Possible list matches")
    assert "KOREA DAESONG BANK" in matches
    assert "read as" in matches


def test_entity_page_without_a_hit_above_the_threshold_says_so(
    client: TestClient,
) -> None:
    name = "Daesong Fishing Company"
    # The matcher finds entries below the default threshold; the page hides them.
    weak = client.get("/api/match", params={"name": name, "threshold": 0}).json()
    assert weak["hits"] and all(h["score"] < DEFAULT_THRESHOLD for h in weak["hits"])
    page = client.get(f"/entities/{quote(name)}").text
    assert "Possible list matches" not in page
    assert "KOREA DAESONG" not in page
    assert "No list entry matches this name" in page
    unlisted = client.get(f"/entities/{quote('Hanil Fishing Company')}").text
    assert "Possible list matches" not in unlisted
    assert "No list entry matches this name" in unlisted


@pytest.mark.parametrize("name", ["Korea Daesong Bank", "대성은행"])
def test_document_page_links_each_actor_to_its_entity_page(
    client: TestClient, name: str
) -> None:
    documents = client.get("/api/documents").json()["documents"]
    pages = [client.get(f"/documents/{d['id']}").text for d in documents]
    href = f"/entities/{quote(name)}"
    assert any(f'<a href="{href}">{name}</a>' in page for page in pages)
    assert f"<h1>{name}</h1>" in client.get(href).text


def graph(page: str) -> str:
    found = re.search(r'<svg id="relations".*?</svg>', page, re.S)
    assert found
    return found.group(0)


def test_relations_graph_draws_edges_before_labels_in_a_fitted_view(
    client: TestClient,
) -> None:
    svg = graph(client.get(f"/entities/{quote('Korea Daesong Bank')}").text)
    assert "Hanil Fishing Company" in svg
    x, y, width, height = map(float, re.search(r'viewBox="([^"]+)"', svg)[1].split())
    # Every edge is drawn before any label, so no edge crosses a label.
    assert svg.rindex("<line") < svg.index("<text")
    for cx, cy in re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)"', svg):
        assert x <= float(cx) <= x + width and y <= float(cy) <= y + height
    # Sized to its nodes: two nodes make a view narrower than a fixed 600 wide.
    assert width < 600


def test_entity_page_escapes_the_name_everywhere(client: TestClient) -> None:
    page = client.get(f"/entities/{quote('<img src=x onerror=alert(1)> & co')}").text
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; co" in page


def test_entity_page_of_a_name_with_a_slash(client: TestClient) -> None:
    # An actor's link quotes "/" as %2F, which the server decodes before routing.
    name = "Daesong Q/S Bank"
    assert entity_url(name) == "/entities/Daesong%20Q%2FS%20Bank"
    page = client.get(entity_url(name))
    assert page.status_code == 200
    assert f"<h1>{name}</h1>" in page.text
    api = client.get(f"/api/entities/{quote(name, safe='')}")
    assert api.status_code == 200 and api.json()["name"] == name


def test_relations_graph_keeps_labels_apart_and_inside_its_view() -> None:
    related = [
        {"name": f"{word} Fishing Company of the Eastern Sea", "documents": n % 4 + 1}
        for n, word in enumerate("ABCDEFGHIJKL")
    ]
    layout = relations_graph("Pyongyang Trading Corporation", related)
    left, top, width, height = map(float, layout.view_box.split())
    boxes = []
    for node in [layout.centre, *layout.nodes]:
        size = len(node.label) * CHARACTER_WIDTH
        start = {"start": 0, "middle": size / 2, "end": size}[node.anchor]
        box = (node.label_x - start, node.label_y - LABEL_HEIGHT, size, LABEL_HEIGHT)
        assert left <= box[0] and box[0] + box[2] <= left + width
        assert top <= box[1] and box[1] + box[3] <= top + height
        boxes.append(box)
    for n, (x1, y1, w1, h1) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[n + 1 :]:
            apart = x1 + w1 <= x2 or x2 + w2 <= x1 or y1 + h1 <= y2 or y2 + h2 <= y1
            assert apart
