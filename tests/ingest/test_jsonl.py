import io
from pathlib import Path

from laborwatch.documents import Document
from laborwatch.ingest import SourceFile, bounded_lines, read_source
from laborwatch.ingest.jsonl import read_jsonl
from laborwatch.ingest.problems import Problem
from laborwatch.settings import Settings
from tests.conftest import REPORTS


def read(data: bytes, limit: int = 10_000) -> list[Document | Problem]:
    return list(
        read_jsonl(io.BytesIO(data), source="feed.jsonl", max_record_bytes=limit)
    )


def test_reads_each_record_as_a_document() -> None:
    results = read((REPORTS / "feed.jsonl").read_bytes())
    assert [type(result) for result in results] == [Document, Document]
    first, second = results
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.title == "Garment workers locked in"
    assert first.site == "Test Feed"
    assert first.url == "https://feed.example.com/1"
    assert first.published == "2024-03-05"
    assert second.published == "2024-03-05"  # "5 March 2024"
    assert first.source == "feed.jsonl:1"
    assert second.source == "feed.jsonl:2"


def test_bad_lines_are_reported_by_line_and_the_rest_read() -> None:
    data = b"\n".join(
        [
            b'{"text": "Line one is fine."}',
            b"{not json",
            b'["a list"]',
            b'{"title": "no text"}',
            b'{"text": "Line five is fine.", "published": 2024}',
            b'{"text": "   "}',
            b'{"text": "Line seven is fine."}',
        ]
    )
    results = read(data)
    problems = {
        r.location: (r.kind, r.reason) for r in results if isinstance(r, Problem)
    }
    assert problems["feed.jsonl:2"][0] == "failed"
    assert "not valid JSON" in problems["feed.jsonl:2"][1]
    assert "not a JSON object" in problems["feed.jsonl:3"][1]
    assert "no 'text'" in problems["feed.jsonl:4"][1]
    assert "'published' is not a string" in problems["feed.jsonl:5"][1]
    assert problems["feed.jsonl:6"] == ("skipped", "empty document, skipped")
    documents = [r.text for r in results if isinstance(r, Document)]
    assert documents == ["Line one is fine.", "Line seven is fine."]


def test_a_url_that_is_no_usable_url_is_dropped_and_the_record_kept() -> None:
    data = b"\n".join(
        [
            b'{"text": "Line one is fine.", "url": "http://[::1/x"}',
            b'{"text": "Line two is fine.", "url": "http://xn--/x"}',
            b'{"text": "Line three is fine.", "url": "http://127.0.0.1:99999/x"}',
            b'{"text": "Line four is fine.", "url": "https://example.org/4"}',
            b'{"text": "Line five is fine.", "url": "  "}',
            b'{"text": "Line six is fine.", "url": "www.example.org/report"}',
            # a tab inside the host is cleaned to a space, which is no host
            b'{"text": "Line seven is fine.", "url": "http://exa\\tmple.org/x"}',
        ]
    )
    results = read(data)
    assert [r for r in results if isinstance(r, Problem)] == []
    documents = [(r.text, r.url) for r in results if isinstance(r, Document)]
    assert documents == [
        ("Line one is fine.", None),
        ("Line two is fine.", None),
        ("Line three is fine.", None),
        ("Line four is fine.", "https://example.org/4"),
        ("Line five is fine.", None),
        ("Line six is fine.", None),
        ("Line seven is fine.", None),
    ]


def test_record_over_the_size_limit_is_skipped() -> None:
    big = b'{"text": "' + b"x" * 200 + b'"}'
    (result,) = read(big, limit=100)
    assert isinstance(result, Problem)
    assert result.kind == "skipped"


def test_non_utf8_line_fails() -> None:
    (result,) = read('{"text": "caf\u00e9"}'.encode("latin-1"))
    assert isinstance(result, Problem)
    assert "UTF-8" in result.reason


def test_hostile_records_fail_one_by_one_and_the_rest_is_read() -> None:
    deep = b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    huge_number = b'{"text": "x", "n": ' + b"9" * 5_000 + b"}"
    data = b"\n".join(
        [
            deep,
            huge_number,
            b'{"text": "Lone \\ud800 surrogate.", "title": "Bad \\udfff title\\u0000"}',
            b'{"text": "The last line is read."}',
        ]
    )
    results = read(data, limit=1_000_000)
    problems = {r.location: r.reason for r in results if isinstance(r, Problem)}
    assert "nested too deeply" in problems["feed.jsonl:1"]
    assert "not readable JSON" in problems["feed.jsonl:2"]
    documents = [r for r in results if isinstance(r, Document)]
    assert [d.text for d in documents] == [
        "Lone \ufffd surrogate.",
        "The last line is read.",
    ]
    # Every stored string can be encoded, and carries no NUL.
    assert documents[0].title == "Bad \ufffd title"
    for document in documents:
        for value in (document.text, document.title or "", document.source):
            value.encode("utf-8")


def test_a_line_over_the_limit_is_never_read_whole(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    long_record = b'{"text": "' + b"x" * 5_000_000 + b'"}\n'
    good = b'{"title": "After", "text": "Workers were paid nothing."}\n'
    feed.write_bytes(long_record + good)
    with feed.open("rb") as file:
        lines = list(bounded_lines(file, 1000))
    assert [len(line) for line in lines] == [1001, len(good)]
    results = list(
        read_source(
            SourceFile("feed.jsonl", feed, "jsonl", None), Settings(max_file_bytes=1000)
        )
    )
    assert isinstance(results[0], Problem)
    assert results[0].location == "feed.jsonl:1"
    assert "size limit" in results[0].reason
    assert isinstance(results[1], Document) and results[1].title == "After"


def test_a_date_keeps_only_the_parts_the_record_gives() -> None:
    lines = [
        b'{"text": "Workers were locked in.", "published": "2024"}',
        b'{"text": "Workers were not paid.", "published": "March 2024"}',
        b'{"text": "Workers were beaten.", "published": "March 3"}',
    ]
    results = read(b"\n".join(lines))
    assert [getattr(result, "published", "?") for result in results] == [
        "2024",
        "2024-03",
        None,
    ]
