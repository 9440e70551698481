"""Readable titles and header lines: every document gets a title a person can read.

Lists, search hits, pages and evidence packs show a document by its title; one
without falls back to its hash there. The order follows what a reader would use:
the file's own metadata title, a first heading line, the first sentence cut short,
and last the file name.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath

from laborwatch.documents import Document, clean_field
from laborwatch.urls import url_problem

TITLE_MAX_CHARS = 80
# A first line longer than this is a paragraph, not a headline.
HEADING_MAX_CHARS = 120
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
# Converters put the program and file name where the title belongs:
# "Microsoft Word - report.docx", "Untitled-1", "Document1".
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:(?:microsoft\s+)?(?:word|powerpoint|excel)(?:\s*-.*)?|untitled\S*(?:\s+document)?"
    r"|document\s*\d*|no\s+title|title|none|null|unknown|n/?a|slide\s*\d+|page\s*\d+)$",
    re.I,
)
_FILE_NAME = re.compile(
    r"\.(?:docx?|pdf|rtf|odt|pptx?|xlsx?|indd|txt|html?|qxd|ai|eps)$", re.I
)
_LETTER = re.compile(r"[^\W\d_]")
# "# SOURCE: https://…", "TITLE: …", "# DATE: 2021-07": header lines that some
# collections put above the text. Without "#" only upper-case keys count, so a
# first line of prose ("Source: a defector") is not read as one.
_HEADER = re.compile(
    r"^(?:#\s*(?P<hkey>[A-Za-z]+)|(?P<key>[A-Z]+))\s*:\s*(?P<value>.*)$"
)
_HEADER_KEYS = {"source", "url", "title", "date", "published", "author", "licence"}
_HEADER_KEYS |= {"license", "language", "site"}
_URL = re.compile(r"^https?://\S+$")
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?(?!\d)")
_UNKNOWN_WRAPPED = re.compile(r"^unknown\s*\((?P<inner>.+)\)$", re.I)
# A sentence ends at . ! ? or … (closing quotes kept) before a space and a capital
# or an opening quote; good enough for a title, which is then cut anyway.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Headers:
    """What leading header lines say of a text file, and where its body starts."""

    title: str | None = None
    url: str | None = None
    published: str | None = None
    lines: int = 0


def read_headers(text: str) -> Headers:
    """The ``SOURCE:``/``TITLE:``/``DATE:`` lines at the top of a text, if any."""
    title = url = published = None
    count = 0
    for line in _lines(text):
        match = _HEADER.match(line.strip())
        if not match:
            break
        key = (match.group("hkey") or match.group("key")).lower()
        if key not in _HEADER_KEYS:
            break
        count += 1
        value = match.group("value")
        if key in ("source", "url") and url is None and _URL.match(value):
            # A header that is no usable URL is not one, as a date that does not
            # parse is no date.
            url = None if url_problem(value) else value
        elif key == "title":
            title = _unwrap_unknown(value)
        elif key in ("date", "published") and (date := _ISO_DATE.match(value)):
            published = date.group()
    return Headers(title, url, published, count)


def _unwrap_unknown(value: str) -> str | None:
    """``unknown (Archive News on the report)`` says what the title would be."""
    wrapped = _UNKNOWN_WRAPPED.match(value)
    return wrapped.group("inner") if wrapped else usable_title(value)


def usable_title(value: str | None) -> str | None:
    """A metadata title worth showing, or None for an empty or placeholder one."""
    cleaned = clean_field(value)
    if not cleaned or not _LETTER.search(cleaned):
        return None
    if _PLACEHOLDER_TITLE.match(cleaned) or _FILE_NAME.search(cleaned):
        return None
    return cleaned


def guess_title(text: str, header_lines: int | None = None) -> str | None:
    """The first line, when it is short enough to be a headline; header lines
    (``# SOURCE: …``, ``header_lines`` of them if the caller has counted) are
    passed over."""
    for line in _lines_after_headers(text, header_lines):
        line = _MARKDOWN_HEADING.sub("", line.strip())
        if line:
            return line if len(line) <= HEADING_MAX_CHARS else None
    return None


def first_sentence_title(text: str, header_lines: int | None = None) -> str | None:
    """The text's first sentence, cut at a word to about ``TITLE_MAX_CHARS``.

    Only the first words are read: a sentence is cut at ``TITLE_MAX_CHARS``, so the
    words past it cannot change the title, and a long document is not re-spaced
    whole to find one sentence.
    """
    first_words: list[str] = []
    length = -1
    for line in _lines_after_headers(text, header_lines):
        for word in line.split():
            first_words.append(word)
            length += len(word) + 1
            if length > TITLE_MAX_CHARS + 1:
                break
        if length > TITLE_MAX_CHARS + 1:
            break
    words = " ".join(first_words)
    if not words:
        return None
    sentence = _SENTENCE_END.split(words, maxsplit=1)[0]
    if len(sentence) <= TITLE_MAX_CHARS:
        return sentence
    cut = sentence.rfind(" ", 0, TITLE_MAX_CHARS)
    head = sentence[: cut if cut > TITLE_MAX_CHARS // 2 else TITLE_MAX_CHARS]
    return head.rstrip(" ,;:-–—") + "…"


def _lines_after_headers(text: str, header_lines: int | None) -> Iterator[str]:
    """The text's lines after its header lines."""
    skipped = read_headers(text).lines if header_lines is None else header_lines
    return itertools.islice(_lines(text), skipped, None)


def _lines(text: str) -> Iterator[str]:
    """The text's lines, as ``text.split("\\n")`` gives them, one at a time: only
    the first few are read, and a long document is not split whole for them."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def file_title(source: str) -> str:
    """A file name from a source location: a path, a URL or ``FILE:LINE``."""
    name = PurePath(source.split("?")[0].rstrip("/")).name or source
    return name


def readable_title(
    metadata: tuple[str | None, ...],
    text: str,
    source: str,
    header_lines: int | None = None,
) -> str:
    """The title to show: the first usable metadata title, else a heading line,
    else the first sentence, else the file name."""
    for candidate in metadata:
        if title := usable_title(candidate):
            return title
    return (
        guess_title(text, header_lines)
        or first_sentence_title(text, header_lines)
        or file_title(source)
    )


def with_title(document: Document, metadata: str | None = None) -> Document:
    """The document with a readable title, and the URL and date its header lines
    give where the reader found none."""
    headers = read_headers(document.text)
    title = readable_title(
        (metadata, document.title, headers.title),
        document.text,
        document.source,
        headers.lines,
    )
    return replace(
        document,
        title=clean_field(title),
        url=document.url or clean_field(headers.url),
        published=document.published or headers.published,
    )
