"""PDF files: text page by page, page starts kept for provenance."""

from __future__ import annotations

import re

from laborwatch.documents import Document, normalise_text
from laborwatch.ingest.problems import InputError, empty_input
from laborwatch.ingest.titles import with_title

_PAGE_SEPARATOR = "\n\n"
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")


def read_pdf(data: bytes, *, source: str) -> Document:
    """A Document from a PDF's bytes, with the offset at which each page starts."""
    import pypdfium2 as pdfium

    if not data.strip():
        raise empty_input()
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        raise InputError(_describe_pdfium_error(err)) from None
    try:
        page_texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            page_texts.append(textpage.get_text_bounded())
            textpage.close()
            page.close()
        metadata = pdf.get_metadata_dict(skip_empty=True)
    except pdfium.PdfiumError as err:
        raise InputError(f"corrupt PDF ({err})") from None
    finally:
        pdf.close()

    text, pages = join_pages(page_texts)
    if not text:
        raise InputError(
            "no text layer (a scanned PDF needs OCR first)", kind="skipped"
        )
    document = Document.create(
        text,
        source=source,
        media_type="application/pdf",
        title=metadata.get("Title") or None,
        author=metadata.get("Author") or None,
        published=_pdf_date(metadata.get("CreationDate")),
        pages=pages,
    )
    # Converters often leave "Microsoft Word - x.docx" or nothing as the title.
    return with_title(document)


def join_pages(page_texts: list[str]) -> tuple[str, tuple[int, ...]]:
    """Join normalised pages; return the text and each page's start offset.

    An empty page gets the offset at which it would have begun. If joining changes the
    normalisation (which it should not), page offsets are dropped, not faked.
    """
    parts: list[str] = []
    starts: list[int] = []
    offset = 0
    for raw in page_texts:
        page = normalise_text(raw)
        if page and parts:
            offset += len(_PAGE_SEPARATOR)
        starts.append(offset)
        if page:
            parts.append(page)
            offset += len(page)
    text = _PAGE_SEPARATOR.join(parts)
    if normalise_text(text) != text:
        return normalise_text(text), ()
    return text, tuple(starts)


def _describe_pdfium_error(err: Exception) -> str:
    message = str(err)
    if "password" in message.lower():
        return "encrypted PDF (needs a password)"
    if "format" in message.lower() or "file" in message.lower():
        return "corrupt or truncated PDF"
    return f"unreadable PDF ({message})"


def _pdf_date(value: str | None) -> str | None:
    match = _PDF_DATE.match(value or "")
    if not match:
        return None
    year, month, day = match.groups()
    return "-".join(part for part in (year, month, day) if part)


def looks_like_pdf(data: bytes) -> bool:
    return b"%PDF-" in data[:1024]
