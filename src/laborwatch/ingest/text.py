"""Plain text and Markdown, in whatever encoding they came."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from laborwatch.documents import Document
from laborwatch.ingest.problems import InputError, empty_input
from laborwatch.ingest.titles import guess_title, with_title

__all__ = ["decode_text", "guess_title", "read_text"]

_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Controls other than tab, newline, carriage return and form feed; text has few.
_BINARY_CHARACTERS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding, or raise if they are not text."""
    for mark, encoding in _BYTE_ORDER_MARKS:
        if data.startswith(mark):
            try:
                return data[len(mark) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"not valid {encoding} text ({err.reason})") from None
    if b"\x00" in data:
        raise InputError("binary content, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = charset_normalizer.from_bytes(data).best()
        if best is None:
            raise InputError("binary content, not text (no encoding fits)") from None
        text = str(best)
    if len(_BINARY_CHARACTERS.findall(text[:65536])) > len(text[:65536]) / 100:
        raise InputError("binary content, not text")
    return text


def read_text(data: bytes, *, source: str, media_type: str = "text/plain") -> Document:
    """A Document from a plain-text or Markdown file's bytes."""
    text = decode_text(data)
    document = Document.create(text, source=source, media_type=media_type)
    if not document.text:
        raise empty_input()
    return with_title(document)
