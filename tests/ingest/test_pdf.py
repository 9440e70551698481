import pytest

from laborwatch.extract import split_sentences
from laborwatch.ingest.pdf import join_pages, read_pdf
from laborwatch.ingest.problems import InputError
from tests.conftest import FIXTURES, REPORTS


def test_reads_text_page_by_page_with_page_starts() -> None:
    document = read_pdf(
        (REPORTS / "two-pages.pdf").read_bytes(), source="two-pages.pdf"
    )
    assert document.title == "Kiln workers' accounts"
    assert document.published == "2024-06-01"
    assert len(document.pages) == 2
    second_page = document.text[document.pages[1] :]
    assert second_page.startswith("A boy aged 13 carried bricks")
    assert "identity cards" in document.text[: document.pages[1]]


def test_sentences_carry_their_page_numbers() -> None:
    document = read_pdf(
        (REPORTS / "two-pages.pdf").read_bytes(), source="two-pages.pdf"
    )
    pages = {sentence.text: sentence.page for sentence in split_sentences(document)}
    assert (
        pages["Workers at the brick kiln said the owner kept their identity cards."]
        == 1
    )
    assert pages["A boy aged 13 carried bricks on his head every day."] == 2


def test_encrypted_pdf_fails_with_reason() -> None:
    with pytest.raises(InputError, match="encrypted PDF"):
        read_pdf((FIXTURES / "encrypted.pdf").read_bytes(), source="encrypted.pdf")


def test_truncated_pdf_fails_with_reason() -> None:
    with pytest.raises(InputError, match="corrupt"):
        read_pdf((FIXTURES / "truncated.pdf").read_bytes(), source="truncated.pdf")


def test_non_pdf_bytes_fail_as_corrupt() -> None:
    with pytest.raises(InputError, match="corrupt"):
        read_pdf(b"this is not a PDF at all", source="fake.pdf")


def test_join_pages_keeps_empty_pages_in_numbering() -> None:
    text, starts = join_pages(["First page.", "", "Third page."])
    assert text == "First page.\n\nThird page."
    assert len(starts) == 3
    assert text[starts[2] :] == "Third page."
