"""Ingest: turn files, folders and feeds into Documents.

``read_source`` yields a ``Document`` for each report it reads and a ``Problem``
for each input it cannot; it never touches the database.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import BinaryIO

from laborwatch.documents import Document
from laborwatch.ingest.html import looks_like_html, read_html
from laborwatch.ingest.jsonl import looks_like_jsonl, read_jsonl
from laborwatch.ingest.language import detect_language
from laborwatch.ingest.pdf import looks_like_pdf, read_pdf
from laborwatch.ingest.problems import InputError, Problem
from laborwatch.ingest.sources import SourceFile, discover
from laborwatch.ingest.text import read_text
from laborwatch.settings import Settings

__all__ = ["Problem", "SourceFile", "discover", "read_source"]

_SKIP_BYTES = 1024 * 1024


def read_source(source: SourceFile, settings: Settings) -> Iterator[Document | Problem]:
    """Read one input: one Document (a feed: many), or a Problem saying why not."""
    limit = settings.max_file_bytes
    if source.format == "jsonl" and source.path is not None:
        # Feeds may be large: stream them and apply the limit to each record.
        try:
            with source.path.open("rb") as file:
                yield from _with_language(
                    read_jsonl(
                        bounded_lines(file, limit),
                        source=source.location,
                        max_record_bytes=limit,
                    )
                )
        except OSError as err:
            yield Problem(source.location, f"cannot read ({err.strerror})", "failed")
        return
    if source.size is not None and source.size > limit:
        yield _too_large(source.location, source.size, limit)
        return
    try:
        data = _read_bytes(source, limit)
    except OSError as err:
        yield Problem(source.location, f"cannot read ({err.strerror or err})", "failed")
        return
    if len(data) > limit:
        yield _too_large(source.location, len(data), limit)
        return
    file_format = source.format or sniff_format(data)
    if file_format == "jsonl":
        yield from _with_language(
            read_jsonl(io.BytesIO(data), source=source.location, max_record_bytes=limit)
        )
        return
    try:
        document = _READERS[file_format](data, source.location)
    except InputError as err:
        yield Problem(source.location, err.reason, err.kind)
        return
    yield _set_language(document)


def bounded_lines(file: BinaryIO, limit: int) -> Iterator[bytes]:
    """The file's lines, each cut to ``limit + 1`` bytes: a longer line is never
    held whole, and what is yielded of it is still over the limit."""
    while line := file.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := file.readline(_SKIP_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield line


def sniff_format(data: bytes) -> str:
    """The format of content whose file name does not tell."""
    if looks_like_pdf(data):
        return "pdf"
    if looks_like_html(data):
        return "html"
    if looks_like_jsonl(data):
        return "jsonl"
    return "text"


def _read_bytes(source: SourceFile, limit: int) -> bytes:
    if source.path is None:
        return sys.stdin.buffer.read(limit + 1)
    with source.path.open("rb") as file:
        return file.read(limit + 1)


def _read_text_source(data: bytes, location: str) -> Document:
    media_type = (
        "text/markdown"
        if location.lower().endswith((".md", ".markdown"))
        else "text/plain"
    )
    return read_text(data, source=location, media_type=media_type)


_READERS: dict[str, Callable[[bytes, str], Document]] = {
    "text": _read_text_source,
    "html": lambda data, location: read_html(data, source=location),
    "pdf": lambda data, location: read_pdf(data, source=location),
}


def _too_large(location: str, size: int, limit: int) -> Problem:
    return Problem(
        location,
        f"{format_size(size)}, over the {format_size(limit)} limit "
        "(LABORWATCH_MAX_FILE_MB), skipped",
        "skipped",
    )


def format_size(size: int) -> str:
    """Bytes in KB or MB to three significant figures: ``200 MB``, ``1.98 KB``."""
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.3g} MB"
    return f"{size / 1024:.3g} KB"


def _set_language(document: Document) -> Document:
    return replace(document, language=detect_language(document.text))


def _with_language(
    results: Iterator[Document | Problem],
) -> Iterator[Document | Problem]:
    for result in results:
        yield _set_language(result) if isinstance(result, Document) else result
