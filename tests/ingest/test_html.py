import pytest

from laborwatch.ingest.html import read_html
from laborwatch.ingest.problems import InputError
from tests.conftest import REPORTS


def test_extracts_article_text_and_metadata() -> None:
    document = read_html((REPORTS / "article.html").read_bytes(), source="article.html")
    assert "confiscated their passports" in document.text
    assert "Subscribe" not in document.text  # the footer is boilerplate
    assert "Sport" not in document.text  # and so is the navigation
    assert document.title == "Fishers held at sea"
    assert document.author == "Jane Tester"
    assert document.published == "2024-07-15"
    assert document.url == "https://gazette.example.com/2024/07/fishers-held-at-sea"
    assert document.site == "Test Gazette"
    assert document.media_type == "text/html"


def test_markup_in_text_stays_text() -> None:
    page = (
        b"<html><body><article><p>The report quoted the sign &lt;script&gt;alert(1)"
        b"&lt;/script&gt; on the factory gate, where workers were locked in at night."
        b"</p></article></body></html>"
    )
    document = read_html(page, source="x.html")
    assert "<script>alert(1)</script>" in document.text


@pytest.mark.parametrize(
    "page",
    [
        b"",
        b"<html><body></body></html>",
        b"<html><body><script>var a;</script></body></html>",
    ],
)
def test_page_without_article_text_is_skipped(page: bytes) -> None:
    with pytest.raises(InputError) as caught:
        read_html(page, source="x.html")
    assert caught.value.kind == "skipped"
