"""The Document and Sentence models that every stage passes along."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from laborwatch.urls import web_url

# C0 and C1 controls except tab and newline, and the byte-order mark. PostgreSQL
# refuses NUL in text, and the others only break spans and displays.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
# Lone surrogates (from "\ud800" in JSON) cannot be encoded as UTF-8: they would
# fail the id hash, the database and the JSON output.
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """Canonical form of a document's text: the text spans point into and ids hash.

    NFC, ``\\n`` line ends, no control characters, no trailing spaces on a line, at
    most one blank line in a row, no leading or trailing blank space.
    """
    text = unicodedata.normalize("NFC", _SURROGATES.sub("\ufffd", text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_CHARACTERS.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def clean_field(value: str | None) -> str | None:
    """A metadata string as stored: the body's cleaning, on one line, or None."""
    if value is None:
        return None
    cleaned = " ".join(normalise_text(value).split())
    return cleaned or None


def clean_location(value: str) -> str:
    """A source location (a path, a URL, FILE:LINE) as stored: without what cannot
    be stored (NUL, control characters, lone surrogates), spaces kept as they are."""
    return _CONTROL_CHARACTERS.sub("", _SURROGATES.sub("\ufffd", value))


def document_id(normalised_text: str) -> str:
    """SHA-256 of the normalised text, in hex: a document's id."""
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


class SourceMetadata(TypedDict, total=False):
    """What a source says of itself (``Document.create`` cleans each)."""

    title: str | None
    author: str | None
    published: str | None
    url: str | None
    site: str | None


@dataclass(frozen=True)
class Document:
    """One report as ingested: its normalised text and what is known of its origin.

    ``pages`` holds the character offset at which each page starts (page 1 first);
    it is empty for sources without pages.
    """

    id: str
    text: str
    source: str  # the path or URL it was read from; FILE:LINE for a JSON Lines record
    media_type: str
    title: str | None = None
    author: str | None = None
    published: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as precise as given
    url: str | None = None  # where it is published, where known
    site: str | None = None  # the publisher or site's name
    language: str | None = None  # ISO 639-1
    pages: tuple[int, ...] = ()

    @classmethod
    def create(
        cls,
        text: str,
        *,
        source: str,
        media_type: str,
        language: str | None = None,
        pages: tuple[int, ...] = (),
        **metadata: Unpack[SourceMetadata],
    ) -> Document:
        """Build a Document from raw text: normalise it and derive its id.

        Every string field gets the text's cleaning (no NUL or other control
        characters, no lone surrogates), so anything stored can be encoded.
        """
        if unknown := metadata.keys() - SourceMetadata.__optional_keys__:
            raise TypeError(f"Document.create: unexpected keywords {sorted(unknown)}")
        normalised = normalise_text(text)
        return cls(
            id=document_id(normalised),
            text=normalised,
            source=clean_location(source),
            media_type=media_type,
            title=clean_field(metadata.get("title")),
            author=clean_field(metadata.get("author")),
            published=clean_field(metadata.get("published")),
            # One that is no usable http or https URL is none, as a date that
            # does not parse is no date: stored, it would fail its readers.
            url=web_url(clean_field(metadata.get("url"))),
            site=clean_field(metadata.get("site")),
            language=language,
            pages=pages,
        )

    def page_at(self, offset: int) -> int | None:
        """The page number (from 1) holding a character offset, if paged."""
        if not self.pages:
            return None
        return max(bisect_right(self.pages, offset), 1)

    @property
    def word_count(self) -> int:
        return len(self.text.split())

    def stored_fields(self) -> dict[str, Any]:
        """The fields stored (the ``documents`` table) and exported (FtM) under
        their own names; the source and pages are kept apart."""
        return {
            "id": self.id,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "url": self.url,
            "site": self.site,
            "language": self.language,
            "media_type": self.media_type,
            "text": self.text,
        }


@dataclass(frozen=True)
class Sentence:
    """A span of a document; ``text == document.text[start:end]``."""

    document_id: str
    position: int
    start: int
    end: int
    text: str
    page: int | None = None
