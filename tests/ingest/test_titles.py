"""Every ingested document gets a readable title, whatever its format gives."""

import io
import json
from pathlib import Path

import pytest

from laborwatch.documents import Document
from laborwatch.ingest.html import read_html
from laborwatch.ingest.jsonl import read_jsonl
from laborwatch.ingest.pdf import read_pdf
from laborwatch.ingest.text import read_text
from laborwatch.ingest.titles import first_sentence_title, read_headers, usable_title
from tests.fixtures.generate import write_pdf

LONG_SENTENCE = (
    "Crew members on a squid jigger said the captain confiscated their passports "
    "on the first day and kept them for two years at sea."
)


def test_text_without_a_heading_is_titled_by_its_first_sentence() -> None:
    document = read_text(f"{LONG_SENTENCE} They worked at night.".encode(), source="x")
    assert document.title is not None
    assert document.title.endswith("…")
    assert len(document.title) <= 81
    assert LONG_SENTENCE.startswith(document.title[:-1])
    assert not document.title[:-1].endswith(" ")


def test_text_header_lines_give_title_url_and_date() -> None:
    data = (
        b"# SOURCE: https://news.example.org/2021/07/prison-8\n"
        b"# TITLE: unknown (Archives News on the Prison No. 8 report)\n"
        b"# DATE: 2021-07 (cites the broadcast of the 23rd)\n"
        b"# LICENCE: news excerpt\n"
        b"Prisoners were made to work twelve hours a day.\n"
    )
    document = read_text(data, source="reports/prison.txt")
    assert document.title == "Archives News on the Prison No. 8 report"
    assert document.url == "https://news.example.org/2021/07/prison-8"
    assert document.published == "2021-07"


def test_leading_source_line_keeps_the_url_and_is_not_the_title() -> None:
    data = f"SOURCE: https://a.example/kiln\n\n{LONG_SENTENCE}".encode()
    document = read_text(data, source="kiln.txt")
    assert document.url == "https://a.example/kiln"
    assert document.title is not None and document.title.startswith("Crew members")


@pytest.mark.parametrize(
    "url", ["http://[::1/x", "http://xn--/x", "https://127.0.0.1:99999/x"]
)
def test_a_source_line_whose_url_does_not_parse_gives_no_url(url: str) -> None:
    data = f"SOURCE: {url}\n\n{LONG_SENTENCE}".encode()
    document = read_text(data, source="kiln.txt")
    assert document.url is None
    assert document.title is not None and document.title.startswith("Crew members")


def test_html_without_title_takes_first_sentence_and_og_url() -> None:
    page = (
        '<html><head><meta property="og:url" content="https://x.example.org/a/b">'
        f"</head><body><article><p>{LONG_SENTENCE}</p><p>They were beaten when "
        "they were slow, three former crew members said.</p></article></body></html>"
    ).encode()
    document = read_html(page, source="saved/page.html")
    assert document.title is not None and document.title.startswith("Crew members")
    assert document.url == "https://x.example.org/a/b"


def test_html_converter_title_gives_way_to_the_heading() -> None:
    page = (
        "<html><head><title>Microsoft Word - report.docx</title></head><body>"
        f"<article><h2>Brick kiln debts</h2><p>{LONG_SENTENCE}</p></article>"
        "</body></html>"
    ).encode()
    assert read_html(page, source="x.html").title == "Brick kiln debts"


@pytest.mark.parametrize("title", [None, "", "Microsoft Word - kiln_final.docx"])
def test_pdf_without_a_real_title_takes_its_first_line(
    tmp_path: Path, title: str | None
) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(
        path,
        [["Kiln workers' accounts", "Workers said the owner kept their cards."]],
        title=title,
    )
    document = read_pdf(path.read_bytes(), source="report.pdf")
    assert document.title == "Kiln workers' accounts"


def test_jsonl_record_without_title_is_titled_and_keeps_url() -> None:
    record = {"text": LONG_SENTENCE, "url": "https://feed.example.com/9"}
    (document,) = read_jsonl(
        io.BytesIO(json.dumps(record).encode()),
        source="feed.jsonl",
        max_record_bytes=10_000,
    )
    assert isinstance(document, Document)
    assert document.title is not None and document.title.startswith("Crew members")
    assert document.url == "https://feed.example.com/9"


def test_text_of_no_sentence_is_titled_by_its_heading_line() -> None:
    document = read_text(b"Field notes\n\n- item one\n- item two", source="d/n.md")
    assert document.title == "Field notes"


@pytest.mark.parametrize(
    "value",
    ["", "  ", "Untitled", "Microsoft Word", "Document1", "kiln_final.docx", "1234"],
)
def test_placeholder_metadata_titles_are_not_used(value: str) -> None:
    assert usable_title(value) is None


def test_first_sentence_short_enough_is_kept_whole() -> None:
    assert first_sentence_title("Workers were paid nothing. Then more.") == (
        "Workers were paid nothing."
    )


def test_prose_starting_with_source_is_not_a_header() -> None:
    assert read_headers("Source: a defector who left in 2019.\nMore.").lines == 0


def test_a_header_line_with_a_long_run_of_spaces_is_read_at_once() -> None:
    from laborwatch.ingest.titles import read_headers

    headers = read_headers("TITLE: a" + " " * 50_000 + "b\n\nText.")
    assert (headers.title or "").endswith("b")
