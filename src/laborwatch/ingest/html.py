"""HTML pages saved from news sites: the article text and its metadata."""

from __future__ import annotations

from laborwatch.documents import Document
from laborwatch.ingest.problems import InputError, empty_input
from laborwatch.ingest.titles import with_title


def read_html(data: bytes, *, source: str) -> Document:
    """A Document from an HTML page: main text, title, author, date, URL, site."""
    import trafilatura  # slow to import; only HTML needs it

    if not data.strip():
        raise empty_input()
    try:
        extracted = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
        )
    except (ValueError, TypeError) as err:  # lxml's parse errors are ValueErrors
        raise InputError(f"unreadable HTML ({err})") from None
    if extracted is not None and not isinstance(extracted, dict):
        extracted = extracted.as_dict()
    if not extracted or not str(extracted.get("text") or "").strip():
        raise InputError("no article text found in the HTML page", kind="skipped")
    document = Document.create(
        str(extracted["text"]),
        source=source,
        media_type="text/html",
        title=extracted.get("title") or None,
        author=extracted.get("author") or None,
        published=extracted.get("date") or None,
        url=extracted.get("url") or None,
        site=extracted.get("sitename") or None,
    )
    # trafilatura reads the URL from the canonical link or og:url; a page with
    # no <title> gets a heading or first sentence instead of its hash.
    return with_title(document)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head
