"""Evidence quotes: a report's strongest sentences, each with the report's source."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import delete, update

from laborwatch.documents import Document, Sentence
from laborwatch.extract.evidence import Actor, Evidence, Good, Indicator, Place, Span
from laborwatch.extract.incidents import roll_up_incidents
from laborwatch.ingest import read_pdf
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.screen import Screening, screen_file
from laborwatch.screen.report import pdf_pack, render_pack
from laborwatch.store import Database, open_database, save_document
from laborwatch.store.tables import indicators
from tests.conftest import run_cli

SUPPLIER = "Sunrise Gem Trading Company"

# Two reports written for these tests. In each the first indicator sentence is
# weak (the classifier barely decided it) and a later one is strong.
NAMING = (
    f"{SUPPLIER} workers said their managers were strict.",
    "The weather in the region was cold that winter.",
    f"{SUPPLIER} took the girls' identity cards in Sunchon and forced them to "
    "polish gems twelve hours a day.",
)
ABOUT = (
    "Officials said some workers in the province might have been paid late.",
    "Gem workshops in South Pyongan kept children at the wheels for fourteen hours "
    "and beat those who tried to leave.",
    "Traders abroad bought the stones.",
)


def store(
    database: Database,
    lines: tuple[str, ...],
    confidences: dict[int, float],
    *,
    title: str,
    published: str | None,
    url: str | None,
    actor_in: tuple[int, ...] = (),
    about_in: tuple[int, ...] | None = None,
) -> str:
    """Store a report whose sentence ``i`` carries an indicator of confidence
    ``confidences[i]``, names the supplier when ``i`` is in ``actor_in``, and
    names North Korea and gems when in ``about_in`` (by default, when strong)."""
    document = Document.create(
        " ".join(lines),
        source=f"{title}.txt",
        media_type="text/plain",
        title=title,
        published=published,
        url=url,
    )
    sentences, start = [], 0
    for position, line in enumerate(lines):
        start = document.text.index(line, start)
        sentences.append(
            Sentence(document.id, position, start, start + len(line), line)
        )
        start += len(line)

    def span(position: int) -> Span:
        sentence = sentences[position]
        return Span(sentence.start, sentence.end, position)

    if about_in is None:
        about_in = tuple(p for p, value in confidences.items() if value >= 0.9)
    evidence = Evidence(
        document_id=document.id,
        extractor_version="test",
        language="en",
        analysed=True,
        indicators=[
            Indicator("coercion", "forced", span(p), value, "model", value)
            for p, value in confidences.items()
        ],
        actors=[Actor(SUPPLIER, "company", None, span(p)) for p in actor_in],
        places=[
            Place("South Pyongan", "KP", "KP-02", None, None, None, span(p))
            for p in about_in
        ],
        goods=[Good("gems", "gems", "7103", "mining", span(p)) for p in about_in],
    )
    # As the pipeline stores it: the risk register reads the incident.
    evidence.incidents = roll_up_incidents(evidence)
    save_document(
        database,
        document,
        sentences,
        minhash_signature(document.text),
        near_duplicate_threshold=0.8,
        evidence=evidence,
    )
    return document.id


def write_suppliers(folder: Path) -> Path:
    path = folder / "suppliers.csv"
    path.write_text(f"name,country,product\n{SUPPLIER},KP,gems\n", encoding="utf-8")
    return path


def test_packs_and_json_quote_the_strongest_sentence_first_with_its_source(
    database_url: str, tmp_path: Path
) -> None:
    database = open_database(database_url)
    try:
        named = store(
            database,
            NAMING,
            {0: 0.41, 2: 0.97},
            title="Girls polish gems for export company",
            published="2023-05-04",
            url="https://example.org/gems",
            actor_in=(0, 2),
        )
        about = store(
            database,
            ABOUT,
            {0: 0.38, 1: 0.95},
            title="Gem workshops in South Pyongan",
            published=None,
            url=None,
        )
    finally:
        database.close()
    result = run_cli(
        "--db",
        database_url,
        "screen",
        str(write_suppliers(tmp_path)),
        "--json",
        "--report",
        str(tmp_path / "packs"),
    )
    assert result.returncode == 0, result.stderr
    (row,) = json.loads(result.stdout)["rows"]
    evidence = {item["document"]["id"]: item for item in row["evidence"]}
    assert evidence[named]["kind"] == "named"
    assert evidence[about]["kind"] == "country_good"

    first, second = evidence[named]["quotes"]
    assert first["text"] == NAMING[2] and first["confidence"] == 0.97
    assert second["text"] == NAMING[0]
    assert first["title"] == "Girls polish gems for export company"
    assert first["published"] == "2023-05-04"
    assert first["url"] == "https://example.org/gems"

    strongest = evidence[about]["quotes"][0]
    assert strongest["text"] == ABOUT[1]
    assert strongest["title"] == "Gem workshops in South Pyongan"
    assert strongest["published"] is None and strongest["url"] is None

    (html,) = (tmp_path / "packs").glob("*.html")
    page = html.read_text(encoding="utf-8")
    # The strong sentence is quoted before the weak one, with its source.
    assert page.index("polish gems twelve hours") < page.index("managers were strict")
    assert page.index("fourteen hours") < page.index("paid late")
    assert "confidence 0.97" in page
    assert "date unknown" in page
    (pdf,) = (tmp_path / "packs").glob("*.pdf")
    text = " ".join(read_pdf(pdf.read_bytes(), source=pdf.name).text.split())
    assert text.index("polish gems twelve hours") < text.index("managers were strict")
    assert (
        "Girls polish gems for export company, 2023-05-04; https://example.org/gems"
        in text
    )
    assert "Gem workshops in South Pyongan, date unknown; sentence 1" in text


def test_a_sentence_naming_the_good_and_country_is_preferred(
    database: Database, tmp_path: Path
) -> None:
    """Of two sentences alike in confidence, the one about the supplier's good and
    country comes first, though it comes later in the report."""
    lines = (
        "Workers at the site were forced to work without pay.",
        "Gem workshops in South Pyongan forced girls to polish stones.",
    )
    # Only the second sentence names gems and North Korea (strong ones do).
    store(
        database,
        lines,
        {0: 0.89, 1: 0.9},
        title="Unpaid work",
        published="2022-01-01",
        url=None,
    )
    screened: list[Screening] = []
    screen_file(write_suppliers(tmp_path), database, on_row=screened.append)
    (item,) = screened[0].evidence
    assert [quote.text for quote in item.quotes] == [lines[1], lines[0]]


def test_a_new_analysis_is_quoted_by_the_next_run(
    database: Database, tmp_path: Path
) -> None:
    """Quotes are read per run: a re-analysis between runs is not hidden by a
    cache of the previous run's."""
    document_id = store(
        database,
        ABOUT,
        {0: 0.38, 1: 0.95},
        title="Gem workshops in South Pyongan",
        published=None,
        url=None,
        about_in=(0, 1),
    )
    suppliers = write_suppliers(tmp_path)

    def quoted() -> list[str]:
        screened: list[Screening] = []
        screen_file(suppliers, database, on_row=screened.append)
        (item,) = screened[0].evidence
        return [quote.text for quote in item.quotes]

    assert set(quoted()) == {ABOUT[0], ABOUT[1]}
    with database.writing() as connection:
        # As a re-analysis would: sentence 1 no longer carries an indicator and
        # sentence 0 is now decided with more confidence.
        connection.execute(
            delete(indicators).where(
                indicators.c.document_id == document_id,
                indicators.c.sentence_position == 1,
            )
        )
        connection.execute(
            update(indicators)
            .where(indicators.c.document_id == document_id)
            .values(confidence=0.99, model_confidence=0.99)
        )
    assert quoted() == [ABOUT[0]]


def test_a_pack_of_an_older_run_cites_each_quote_by_its_report(tmp_path: Path) -> None:
    """Quotes stored before they carried their source take their report's."""
    run = SimpleNamespace(
        id=1,
        input_name="suppliers.csv",
        created_at="2024-01-01T00:00:00+00:00",
        input_checksum="0" * 64,
        lists=[],
        status="complete",
        error=None,
    )
    quote = {"sentence": 2, "start": 10, "end": 40, "text": NAMING[2]}
    # A row as an older version stored it: no rules, no supplier, no quote sources.
    result = {
        "row": 2,
        "name": SUPPLIER,
        "level": "high",
        "reasons": ["a stored report names it"],
        "sanctions_hits": [],
        "country_good": [],
        "evidence": [
            {
                "kind": "named",
                "document": {
                    "id": "ab" * 32,
                    "title": "Girls polish gems",
                    "published": "2023-05-04",
                    "url": "https://example.org/gems",
                },
                "quotes": [{**quote, "indicators": ["coercion"]}],
            }
        ],
    }
    page = render_pack(run, result)
    assert "<cite>Girls polish gems</cite>,\n2023-05-04," in page
    assert 'href="https://example.org/gems"' in page
    text = " ".join(
        read_pdf(
            pdf_pack(run, result, tmp_path / "pack.pdf"), source="pack"
        ).text.split()
    )
    assert "Girls polish gems, 2023-05-04; https://example.org/gems; sentence 2" in text
