from laborwatch.documents import Document, document_id, normalise_text


def test_normalise_text_unifies_line_ends_unicode_forms_and_blank_lines() -> None:
    composed = "Caf\u00e9 workers\r\n\r\n\r\n\r\nwere   \r\nunpaid.\x00\ufeff  "
    decomposed = "Cafe\u0301 workers\n\n\nwere\nunpaid."
    assert normalise_text(composed) == "Café workers\n\nwere\nunpaid."
    assert normalise_text(composed) == normalise_text(decomposed)


def test_normalise_text_is_idempotent() -> None:
    text = "  Title\r\n\r\n\tBody line  \n\n\n\nLast\x07 line \n"
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_document_id_is_sha256_of_normalised_text() -> None:
    document = Document.create("Same text\r\n", source="a", media_type="text/plain")
    again = Document.create("Same text", source="b", media_type="text/plain")
    assert document.id == again.id == document_id("Same text")
    assert len(document.id) == 64


def test_page_at_maps_offsets_to_pages() -> None:
    document = Document.create(
        "aaa\n\nbbb", source="x", media_type="application/pdf", pages=(0, 5)
    )
    assert document.page_at(0) == 1
    assert document.page_at(4) == 1
    assert document.page_at(5) == 2
    assert Document.create("x", source="x", media_type="text/plain").page_at(0) is None
