import pytest

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


DENIAL = (
    "For its part, the regime denied the allegations, stating, “The republic "
    "[North Korea] has no human rights issues.”"
)


def test_bracket_inside_a_quotation_does_not_split_the_denial() -> None:
    from laborwatch.extract.pipeline import analyze

    document = Document.create(
        f"Workers were sent abroad. {DENIAL} Others disagreed.",
        source="test",
        media_type="text/plain",
        language="en",
    )
    evidence = analyze(document)
    assert DENIAL in [sentence.text for sentence in evidence.sentences]
    (denial,) = evidence.denials
    assert denial.text == DENIAL
    assert denial.by == "regime"


@pytest.mark.parametrize(
    "text",
    [
        "“We do not use forced labour [at our plants] anywhere,” the firm said.",
        "The company (Sunrise Gem Trading. Ltd.) denied it.",
        "The regime said “the D.P.R.K. has no forced labour.”",
    ],
)
def test_brackets_and_inner_stops_keep_a_sentence_whole(text: str) -> None:
    assert [s.text for s in split_sentences(make(f"{text} Next one."))] == [
        text,
        "Next one.",
    ]


def test_opening_quote_starts_the_sentence_it_opens() -> None:
    sentences = split_sentences(make("The ministry replied. “All work is voluntary.”"))
    assert [s.text for s in sentences] == [
        "The ministry replied.",
        "“All work is voluntary.”",
    ]


def test_lines_stay_sentences_even_with_an_open_bracket() -> None:
    sentences = split_sentences(make("Findings [draft\n\nworkers were held."))
    assert [s.text for s in sentences] == ["Findings [draft", "workers were held."]


def test_a_stray_bracket_does_not_swallow_the_sentences_after_it() -> None:
    sentences = split_sentences(make("Workers [sic were beaten. They left. Never."))
    assert [s.text for s in sentences] == [
        "Workers [sic were beaten.",
        "They left.",
        "Never.",
    ]
