"""Long documents are read a section at a time, with spans into the whole text."""

import dataclasses

import pytest

import laborwatch.extract.nlp as nlp
import laborwatch.extract.pipeline as pipeline
from laborwatch.documents import Document
from laborwatch.extract.pipeline import analyze
from laborwatch.extract.sentences import (
    MAX_SENTENCE_CHARS,
    sections,
    split_sentences,
)

PARAGRAPHS = [
    "Workers at the Hai Phong shrimp plant said the manager kept their passports "
    "and withheld their wages for six months.",
    "In Ratnapura, children as young as twelve polished gemstones for 14 hours a "
    "day, and recruiters charged fees of $1,500 that left families in debt.",
    "The company denied the allegations in a statement on 3 February 2024.",
    "Girls at a North Korean factory were beaten when they failed the quota, and "
    "guards locked the dormitory at night.",
]


def long_text(copies: int) -> str:
    return "\n\n".join(PARAGRAPHS * copies)


def test_sections_give_the_same_evidence_as_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    document = Document.create(long_text(6), source="x.txt", media_type="text/plain")
    whole = analyze(document)
    monkeypatch.setattr(pipeline, "_SECTION_CHARS", 700)
    sectioned = analyze(document)
    assert len(list(sections(document.text, pipeline._SECTION_CHARS))) > 3
    assert dataclasses.asdict(sectioned) == dataclasses.asdict(whole)
    assert sectioned.indicators and sectioned.places and sectioned.dates


def test_every_span_of_a_sectioned_document_points_into_its_text(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "_SECTION_CHARS", 500)
    document = Document.create(long_text(4), source="x.txt", media_type="text/plain")
    evidence = analyze(document)
    by_position = {sentence.position: sentence for sentence in evidence.sentences}
    assert [s.position for s in evidence.sentences] == list(range(len(by_position)))
    for sentence in evidence.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    facts = [*evidence.indicators, *evidence.places, *evidence.actors]
    facts += [*evidence.goods, *evidence.dates, *evidence.money]
    assert facts
    for fact in facts:
        sentence = by_position[fact.span.sentence]
        assert sentence.start <= fact.span.start < fact.span.end <= sentence.end


def test_the_model_never_reads_more_than_a_chunk_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ". " repeated is a token per two characters: read whole, 8 MB of it took
    # gigabytes. The model's memory follows what it is given at once.
    seen: list[int] = []
    real_make_doc = nlp.load_nlp().make_doc

    def make_doc(text: str) -> object:
        seen.append(len(text))
        return real_make_doc(text)

    monkeypatch.setattr(nlp.load_nlp(), "make_doc", make_doc)
    text = ". " * 60_000 + "\n\n" + long_text(1)
    document = Document.create(text, source="dots.txt", media_type="text/plain")
    analyze(document)
    assert seen and max(seen) <= nlp._CHUNK_CHARS
    assert sum(seen) == len(document.text)


def test_a_run_with_no_sentence_end_is_cut_into_page_sized_sentences() -> None:
    text = "word " * 3000 + "and then it ends. Here is another."
    document = Document.create(text, source="x.txt", media_type="text/plain")
    sentences = split_sentences(document)
    assert len(sentences) >= 4
    assert all(len(sentence.text) <= MAX_SENTENCE_CHARS for sentence in sentences)
    for sentence in sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
    assert sentences[-1].text == "Here is another."


def test_text_without_letters_is_split_by_rule_and_spans_still_hold() -> None:
    prose = long_text(1)
    dots = ". " * 30_000
    plain = analyze(Document.create(prose, source="x.txt", media_type="text/plain"))
    document = Document.create(
        dots + "\n\n" + prose, source="x.txt", media_type="text/plain"
    )
    padded = analyze(document)
    assert padded.codes() == plain.codes()
    offset = document.text.index(prose[:40])
    assert sorted((p.span.start - offset, p.country) for p in padded.places) == sorted(
        (p.span.start, p.country) for p in plain.places
    )
    for sentence in padded.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
        assert len(sentence.text) <= MAX_SENTENCE_CHARS


def test_text_not_analysed_is_split_in_sections_with_document_spans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import laborwatch.extract.sentences as sentences

    text = "\n\n".join(["Die Arbeiter wurden nicht bezahlt. Sie blieben."] * 40)
    document = Document.create(text, source="x.txt", media_type="text/plain")
    whole = split_sentences(document)
    monkeypatch.setattr(sentences, "_RULE_SECTION_CHARS", 300)
    sectioned = split_sentences(document)
    assert sectioned == whole
    assert [s.position for s in sectioned] == list(range(len(sectioned)))


def test_a_long_run_of_digits_is_one_amount() -> None:
    from laborwatch.extract.money import find_money

    sentences = split_sentences(
        Document.create(
            "Workers were paid 9" + "9" * 4000 + " won and 1,500 USD a month.",
            source="x.txt",
            media_type="text/plain",
        )
    )
    found = [m for s in sentences for m in find_money(s, "KP")]
    # 4,001 digits are no sum of money (as a float, infinity): none is read.
    assert [m.currency for m in found] == ["USD"]
