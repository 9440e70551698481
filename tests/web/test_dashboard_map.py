"""The dashboard's charts and the map's legend lead to the evidence: each bar and
each shaded country links to the search narrowed to it. On stored documents with
hand-made evidence, so what the extractor decides does not move the tests."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from laborwatch.documents import Document
from laborwatch.extract import split_sentences
from laborwatch.extract.evidence import Evidence, Indicator, Place, Span
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.settings import Settings
from laborwatch.store import Database, open_database, save_document
from laborwatch.store.evidence import replace_evidence
from laborwatch.web import create_app

# (title, published, country, indicator): 2022 has none, so the timeline shows
# the gap; China has three reports, India one.
REPORTS = (
    ("Brick kilns <b>one</b>", "2021-03-01", "IN", "debt_bondage"),
    ("Cotton gins", "2023-06-10", "CN", "withheld_wages"),
    ("Cotton farms", "2023-09-02", "CN", "withheld_wages"),
    ("Polysilicon plants", "2024-01-15", "CN", "retained_documents"),
)


def _store(
    database: Database, title: str, published: str, country: str, code: str
) -> None:
    text = f"The company withheld wages from the workers at {title}."
    document = Document.create(
        text,
        source=f"{title}.txt",
        media_type="text/plain",
        title=title,
        published=published,
        site="example.org",
    )
    sentences = split_sentences(document)
    save_document(
        database,
        document,
        sentences,
        minhash_signature(document.text),
        near_duplicate_threshold=0.8,
    )
    sentence = sentences[0]
    found = Evidence(document.id, "test", "en", True, sentences=sentences)
    found.indicators.append(
        Indicator(code, "withheld wages", Span.within(sentence, 12, 26), 0.9, "cue")
    )
    found.places.append(Place(country, country, None, None, None, None, Span(0, 3, 0)))
    replace_evidence(database, document, found)


@pytest.fixture(scope="module")
def client(module_database_url: str) -> TestClient:
    database = open_database(module_database_url)
    for report in REPORTS:
        _store(database, *report)
    database.close()
    app = create_app(Settings(database_url=module_database_url))
    return TestClient(app, base_url="http://127.0.0.1:8000")


def _query(href: str) -> tuple[str, dict[str, list[str]]]:
    parts = urlsplit(unescape(href))
    return parts.path, parse_qs(parts.query)


def test_dashboard_charts_name_their_axes(client: TestClient) -> None:
    page = client.get("/").text
    for label in ("Indicator", "Sentences", "Country", "Reports with evidence"):
        assert re.search(rf'class="axis[^"]*"[^>]*>{label}<', page), label
    timeline = page[page.index('id="timeline"') :]
    assert ">Year of publication<" in timeline
    assert ">Documents with evidence<" in timeline


def test_each_indicator_bar_links_to_its_search(client: TestClient) -> None:
    chart = client.get("/").text.split('id="indicator-chart"')[1].split("</table>")[0]
    # The label and the bar link to the same search; each row once.
    hrefs = dict.fromkeys(re.findall(r'<a href="([^"]+)"', chart))
    links = [_query(href) for href in hrefs]
    assert ("/search", {"indicator": ["withheld_wages"]}) in links
    assert ("/search", {"indicator": ["debt_bondage"]}) in links
    assert len(links) == 3


def test_country_bars_link_to_their_search(client: TestClient) -> None:
    chart = client.get("/").text.split('id="country-chart"')[1].split("</table>")[0]
    links = [_query(href) for href in re.findall(r'<a href="([^"]+)"', chart)]
    assert links[0] == ("/search", {"country": ["CN"]})
    assert ">3<" in chart  # the count, in a cell of its own that does not wrap


def test_timeline_has_a_bar_per_year_linking_to_that_years_search(
    client: TestClient,
) -> None:
    page = client.get("/").text
    timeline = page[page.index('id="timeline"') :].split("</svg>")[0]
    bars = re.findall(r'<a href="([^"]+)"[^>]*>\s*<title>([^<]+)</title>', timeline)
    years = [title.split(":")[0] for _, title in bars]
    assert years == ["2021", "2022", "2023", "2024"]
    counts = [title.split(": ")[1] for _, title in bars]
    assert counts == ["1 document", "0 documents", "2 documents", "1 document"]
    path, query = _query(bars[2][0])
    assert path == "/search"
    assert query == {"published_from": ["2023"], "published_to": ["2023"]}


def test_recent_documents_are_listed_by_title_escaped(client: TestClient) -> None:
    page = client.get("/").text
    recent = page.split(">Recently ingested<")[1]
    assert "Brick kilns &lt;b&gt;one&lt;/b&gt;" in recent
    assert "<b>one</b>" not in page


def test_a_bar_link_opens_the_narrowed_documents_without_a_query(
    client: TestClient,
) -> None:
    page = client.get("/search", params={"country": "IN"}).text
    assert "Brick kilns" in page
    assert "Cotton gins" not in page
    years = client.get(
        "/search", params={"published_from": "2023", "published_to": "2023"}
    ).text
    assert "Cotton gins" in years and "Cotton farms" in years
    assert "Brick kilns" not in years and "Polysilicon" not in years


def test_map_page_has_a_legend_with_the_scale_steps(client: TestClient) -> None:
    page = client.get("/map").text
    legend = page[page.index('id="map-scale"') :].split("</figure>")[0]
    steps = re.findall(
        r'class="step"[^>]*>.*?<span class="count">(\d+)</span>', legend, re.S
    )
    assert steps[0] == "1" and steps[-1] == "3"
    assert steps == sorted(steps, key=int)
    assert "No reports" in legend
    assert re.search(r'fill-opacity="1(\.0+)?"', legend)  # the darkest, as the map


def test_map_lists_countries_linking_to_their_evidence(client: TestClient) -> None:
    script = client.get("/static/map.js").text
    assert "/search?country=" in script
    assert "innerHTML" not in script
