"""JSON Lines feeds: one ``{title, text, url, published, source}`` record a line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from laborwatch.documents import Document
from laborwatch.ingest.dates import iso_date
from laborwatch.ingest.problems import Problem
from laborwatch.ingest.titles import with_title

FIELDS = ("title", "text", "url", "published", "source")


def read_jsonl(
    lines: Iterable[bytes], *, source: str, max_record_bytes: int
) -> Iterator[Document | Problem]:
    """Documents from a feed, one per line; a bad line is a Problem, not the end.

    Each record's location is ``FILE:LINE``. The ``source`` field names the
    publisher and is kept as the document's site.
    """
    for number, raw in enumerate(lines, start=1):
        location = f"{source}:{number}"
        if len(raw) > max_record_bytes:
            yield Problem(location, "record larger than the size limit", "skipped")
            continue
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            yield Problem(location, "not UTF-8 (JSON Lines must be UTF-8)", "failed")
            continue
        except json.JSONDecodeError as err:
            yield Problem(location, f"not valid JSON ({err.msg})", "failed")
            continue
        except RecursionError:
            yield Problem(location, "JSON nested too deeply", "failed")
            continue
        except ValueError as err:  # e.g. an integer of more than 4,300 digits
            yield Problem(location, f"not readable JSON ({err})", "failed")
            continue
        problem = _check_record(record)
        if problem:
            yield Problem(location, problem, "failed")
            continue
        document = Document.create(
            record["text"],
            source=location,
            media_type="application/jsonl",
            title=_optional_str(record.get("title")),
            url=_optional_str(record.get("url")),
            published=iso_date(_optional_str(record.get("published"))),
            site=_optional_str(record.get("source")),
        )
        if not document.text:
            yield Problem(location, "empty document, skipped", "skipped")
            continue
        yield with_title(document)


def _check_record(record: object) -> str | None:
    if not isinstance(record, dict):
        return "record is not a JSON object"
    if not isinstance(record.get("text"), str):
        return "record has no 'text' string"
    for field in FIELDS:
        value = record.get(field)
        if value is not None and not isinstance(value, str):
            return f"field {field!r} is not a string"
    return None


def _optional_str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def looks_like_jsonl(data: bytes) -> bool:
    first_line = data.lstrip()[:65536].split(b"\n", 1)[0]
    try:
        record = json.loads(first_line)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and "text" in record
