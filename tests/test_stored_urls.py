"""A URL stored unchecked by an older version (one that does not parse) is read
as no URL by everything that reads it: the risk register, screening, the FtM
export and the web pages; nothing raises."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from fastapi.testclient import TestClient

from laborwatch.documents import Document
from laborwatch.export.ftm import write_ftm
from laborwatch.pipeline import ingest_document
from laborwatch.screen.config import default_config
from laborwatch.screen.context import build_context
from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.store.risk import risk_register
from laborwatch.web import create_app

TEXTS = {
    "http://[::1/x": "Children were forced to pick cotton in Lebap province, "
    "Turkmenistan, and their wages were withheld.",
    "http://xn--/x": "Teachers in Turkmenistan said officials made them harvest "
    "cotton each autumn under threat of dismissal.",
    "http://127.0.0.1:99999/x": "Doctors and nurses were sent to the cotton fields "
    "of Turkmenistan and fined when they missed their quotas.",
}


@pytest.fixture
def stored(database: Database, settings: Settings) -> Database:
    # Document.create drops such URLs now; set afterwards, as an older version
    # stored them.
    for number, (url, text) in enumerate(TEXTS.items()):
        document = Document.create(
            text,
            source=f"old/feed.jsonl:{number + 1}",
            media_type="application/jsonl",
            url=url,
            site="Old Wire",
        )
        assert document.url is None
        document = replace(document, url=url)
        assert ingest_document(document, database, settings).outcome == "ingested"
    return database


def test_the_register_takes_a_bad_stored_url_for_none(stored: Database) -> None:
    rows = risk_register(stored).rows
    assert rows and all(row.country == "TM" for row in rows)
    # The site names the publisher, as for a document without a URL.
    assert {row.publishers for row in rows} == {("old wire",)}


def test_screening_reads_a_bad_stored_url(stored: Database) -> None:
    build_context(stored, default_config())


def test_the_ftm_export_takes_a_bad_stored_url_for_none(stored: Database) -> None:
    out = io.StringIO()
    assert write_ftm(stored, out)[0] == 3
    entities = [json.loads(line) for line in out.getvalue().splitlines()]
    files = [e["properties"] for e in entities if e["schema"] == "Document"]
    assert sorted(p["fileName"][0] for p in files) == [
        "feed.jsonl:1",
        "feed.jsonl:2",
        "feed.jsonl:3",
    ]
    assert not any("sourceUrl" in e["properties"] for e in entities)


def test_the_web_risk_pages_read_a_bad_stored_url(
    stored: Database, settings: Settings
) -> None:
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        for path in ("/risk-areas", "/api/risk-areas", "/risk-areas.csv"):
            response = client.get(path)
            assert response.status_code == 200, path
        assert "old wire" in client.get("/api/risk-areas").text
