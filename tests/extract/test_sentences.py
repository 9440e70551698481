from laborwatch.documents import Document
from laborwatch.extract import split_sentences


def make(text: str, media_type: str = "text/plain") -> Document:
    return Document.create(text, source="test", media_type=media_type)


def test_spans_point_into_the_document_text() -> None:
    document = make("Headline here\n\nFirst sentence. Second one!  Third?\nFourth line")
    sentences = split_sentences(document)
    assert [s.text for s in sentences] == [
        "Headline here",
        "First sentence.",
        "Second one!",
        "Third?",
        "Fourth line",
    ]
    for position, sentence in enumerate(sentences):
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert sentence.position == position
        assert sentence.document_id == document.id


def test_wrapped_pdf_lines_do_not_end_sentences() -> None:
    document = make(
        "Kiln Workers' Accounts\n"
        "Workers said the owner kept\ntheir passports for years."
        "\nThe owner denied it.",
        media_type="application/pdf",
    )
    assert [s.text for s in split_sentences(document)] == [
        "Kiln Workers' Accounts",
        "Workers said the owner kept\ntheir passports for years.",
        "The owner denied it.",
    ]


def test_abbreviations_do_not_split() -> None:
    (sentence,) = split_sentences(make("Mr. Kim paid 5,000 won to the broker."))
    assert sentence.text == "Mr. Kim paid 5,000 won to the broker."


def test_empty_document_has_no_sentences() -> None:
    assert split_sentences(make("")) == []
