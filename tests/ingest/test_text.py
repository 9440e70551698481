import pytest

from laborwatch.ingest.problems import InputError
from laborwatch.ingest.text import decode_text, guess_title, read_text
from tests.conftest import FIXTURES, REPORTS


def test_reads_utf8_text_with_title() -> None:
    document = read_text((REPORTS / "kiln-report.txt").read_bytes(), source="kiln.txt")
    assert document.title == "Kiln workers paid in debt"
    assert "advance of 50,000 rupees" in document.text
    assert document.media_type == "text/plain"


def test_detects_latin1_encoding() -> None:
    document = read_text((REPORTS / "latin1-report.txt").read_bytes(), source="x")
    assert document.title == "Überstunden in der Fabrik"
    assert "Löhne wurden einbehalten" in document.text


def test_decodes_utf16_with_byte_order_mark() -> None:
    text = decode_text((REPORTS / "utf16-report.txt").read_bytes())
    assert text.startswith("Recruiters took the workers' passports")


def test_decodes_windows_1252_quotes() -> None:
    quoted = "Workers were told \u201cyou cannot leave\u201d by the factory manager."
    data = quoted.encode("cp1252")
    assert "\u201cyou cannot leave\u201d" in decode_text(data)


def test_binary_file_named_txt_is_refused() -> None:
    with pytest.raises(InputError, match="binary content"):
        read_text((FIXTURES / "binary.txt").read_bytes(), source="binary.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
def test_empty_text_is_skipped(data: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_text(data, source="empty.txt")
    assert caught.value.kind == "skipped"
    assert "empty" in caught.value.reason


def test_markdown_heading_marks_are_not_part_of_title() -> None:
    assert (
        guess_title("# Field notes on cocoa farms\n\nBody.")
        == "Field notes on cocoa farms"
    )


def test_long_first_line_is_not_a_title() -> None:
    assert guess_title("word " * 100) is None
