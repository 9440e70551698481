"""Sentence segmentation: the spans every extracted fact points at."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from typing import Any

import numpy as np

from laborwatch.documents import Document, Sentence

# spaCy's default limit guards parser memory; the rule-based sentencizer needs no such
# guard, and the ingest size limit bounds the text.
_MAX_LENGTH = 200_000_000
_CONTINUES = (",", ";", "-", "(", "–")
MAX_SENTENCE_CHARS = 5000
_RULE_SECTION_CHARS = 100_000
_WRAPPED_MEDIA_TYPES = {"application/pdf"}
_LINE_BREAK = re.compile(r"[ \t]*\n(?:[ \t]*\n)*[ \t]*")


def mark_line_breaks(doc: Any, wrapped_lines: bool) -> Any:
    """Mark line breaks that end sentences: paragraphs, headlines, list items.

    Where lines are wrapped to a width (PDF), a lone line break ends a sentence
    only when the line looks finished and the next begins like a sentence.
    """
    if len(doc) < 2:
        return doc
    from spacy.attrs import IDX, SENT_START

    # Visit only the tokens around line breaks: a Python loop over every token
    # would cost more than the rest of segmentation.
    token_starts = doc.to_array([IDX])
    starts: list[int] = []
    seen: set[int] = set()
    for line_break in _LINE_BREAK.finditer(doc.text):
        index = int(np.searchsorted(token_starts, line_break.end(), side="right")) - 1
        # The break sits in the whitespace after token `index`, or is token `index`.
        following = index + 1 if token_starts[index] < line_break.end() else index
        if following >= len(doc) or following in seen or following == 0:
            continue
        seen.add(following)
        if not wrapped_lines or "\n\n" in line_break.group():
            starts.append(following)
            continue
        previous = doc[following - 1]
        while previous.is_space and previous.i > 0:
            previous = doc[previous.i - 1]
        next_text = doc[following].text
        unfinished = previous.text[:1].islower() or previous.text.endswith(_CONTINUES)
        starts_like_sentence = next_text[:1].isupper() or not next_text[:1].isalpha()
        if not unfinished and starts_like_sentence:
            starts.append(following)
    if starts:
        # Set all at once: Token.is_sent_start checks the whole doc for a parse on
        # every assignment, which made a file of short lines quadratic.
        sent_starts = doc.to_array([SENT_START])
        sent_starts[starts] = 1
        doc.from_array([SENT_START], sent_starts.reshape(-1, 1))
    return doc


_OPENING_QUOTES = '“‘"«'
_PAIRS = (("[", "]"), ("(", ")"))


def join_broken_sentences(doc: Any) -> Any:
    """Undo sentence ends that fall inside a bracket or before a continuation.

    The model and the rule sentencizer both end sentences at a full stop or an
    opening bracket inside a quotation ("The republic [North Korea] has no…"
    came out as "The republic [" and "North Korea] has no…"), which cut denials
    and quotes in two. A sentence start is dropped where the sentence before has
    an unclosed ``[`` or ``(``, or where the next begins with a closing bracket
    or a lower-case word; an opening quote left at the end of a sentence
    moves to the next. Never across a line break: those were marked on
    purpose (``mark_line_breaks``). Only sentence starts are visited.
    """
    if len(doc) < 2:
        return doc
    from spacy.attrs import IDX, SENT_START

    annotations = doc.to_array([IDX, SENT_START])
    starts = [int(i) for i in np.flatnonzero(annotations[:, 1] == 1) if i > 0]
    if not starts:
        return doc
    text = doc.text
    # Stored unsigned: -1 ("not a start") reads as 2**64 - 1.
    sent_starts = annotations[:, 1].astype(np.int64)
    begin = 0  # character where the sentence being built starts
    ends = [int(annotations[index, 0]) for index in starts[1:]] + [len(text)]
    for index, end in zip(starts, ends, strict=True):
        start = int(annotations[index, 0])
        before = text[begin:start]
        following = _token_text(doc, index)
        if (
            "\n" in before[len(before.rstrip()) :]
            or not before.strip()
            or end - begin > MAX_SENTENCE_CHARS
        ):
            begin = start
            continue
        # A stray "[" joins only up to the sentence that closes it.
        if (
            _unclosed(before, text[start:end])
            or following[:1] in ")]"
            or following[:1].islower()
        ):
            sent_starts[index] = -1
            continue
        if before.rstrip()[-1:] in _OPENING_QUOTES and _moves_back(doc, index):
            # The quote opens the next sentence: start it there.
            sent_starts[index] = -1
            sent_starts[index - 1] = 1
            begin = int(annotations[index - 1, 0])
            continue
        begin = start
    doc.from_array([SENT_START], sent_starts.astype(np.uint64).reshape(-1, 1))
    return doc


def _token_text(doc: Any, index: int) -> str:
    return str(doc[index].text)


def _moves_back(doc: Any, index: int) -> bool:
    """Whether the token before a sentence start is a lone opening quote."""
    previous = _token_text(doc, index - 1)
    return len(previous) == 1 and previous in _OPENING_QUOTES and index - 1 > 0


def _unclosed(sentence: str, following: str) -> bool:
    """Whether ``sentence`` leaves a bracket open that ``following`` closes."""
    return any(
        sentence.count(open_) > sentence.count(close) and close in following
        for open_, close in _PAIRS
    )


@lru_cache(maxsize=4)
def _segmenter(wrapped_lines: bool, join_broken: bool = True) -> Any:
    import spacy

    nlp = spacy.blank("en")
    name = (
        "laborwatch_wrapped_line_breaks" if wrapped_lines else "laborwatch_line_breaks"
    )
    nlp.add_pipe(_register(name, wrapped_lines))
    nlp.add_pipe("sentencizer")
    if join_broken:
        nlp.add_pipe(_register_join())
    nlp.max_length = _MAX_LENGTH
    return nlp


def _register(name: str, wrapped_lines: bool) -> str:
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.component(name, func=lambda doc: mark_line_breaks(doc, wrapped_lines))
    return name


def _register_join() -> str:
    from spacy.language import Language

    name = "laborwatch_join_broken_sentences"
    if not Language.has_factory(name):
        Language.component(name, func=join_broken_sentences)
    return name


def has_wrapped_lines(document: Document) -> bool:
    """Whether the document's lines were wrapped to a page width (PDF)."""
    return document.media_type in _WRAPPED_MEDIA_TYPES


def split_sentences(document: Document, *, join_broken: bool = True) -> list[Sentence]:
    """The document's sentences by rule (no model): for text not analysed.

    Read in sections, as the model reads, so memory follows the section.
    ``join_broken=False`` leaves sentences cut at a bracket as the rule cut them:
    the training pool was annotated on that split (scripts/build_training_pool.py).
    """
    segmenter = _segmenter(has_wrapped_lines(document), join_broken)
    sentences: list[Sentence] = []
    for offset, text in sections(document.text, _RULE_SECTION_CHARS):
        part = section_document(document, text)
        local = sentences_from_doc(segmenter(text), part)
        sentences.extend(placed(local, document, offset, len(sentences)))
    return sentences


def sections(text: str, size: int) -> Iterator[tuple[int, str]]:
    """The text in paragraph-aligned pieces (``split_into_chunks``), each with the
    offset where it starts."""
    offset = 0
    for section in split_into_chunks(text, size):
        yield offset, section
        offset += len(section)


def section_document(document: Document, text: str) -> Document:
    """A section of ``document`` to parse alone; its spans start at 0."""
    return replace(document, text=text, pages=())


def placed(
    local: list[Sentence], document: Document, offset: int, first: int
) -> list[Sentence]:
    """A section's sentences placed in the whole document: their offsets moved by
    the section's ``offset``, their positions by ``first``, pages looked up."""
    return [
        replace(
            sentence,
            position=first + sentence.position,
            start=offset + sentence.start,
            end=offset + sentence.end,
            page=document.page_at(offset + sentence.start),
        )
        for sentence in local
    ]


def split_into_chunks(text: str, size: int) -> Iterator[str]:
    """Cut text into pieces of at most about ``size`` characters, at a paragraph
    break where there is one, else a line break, else a space; joined, the pieces
    give back the text exactly. Lazily: a long text is not copied whole."""
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        end = start + size
        for separator in ("\n\n", "\n", " "):
            cut = window.rfind(separator)
            if cut > 0:
                end = start + cut + len(separator)
                break
        yield text[start:end]
        start = end
    yield text[start:]


def _cap_lengths(char_starts: list[int], text: str) -> Iterator[tuple[int, int]]:
    """Sentence bounds, a run of text with no sentence end cut at a space (else
    anywhere) into pieces of at most ``MAX_SENTENCE_CHARS``: no sentence in a
    table dump or a file of one word repeated is larger than a page."""
    for start, end in zip(char_starts, char_starts[1:], strict=False):
        while end - start > MAX_SENTENCE_CHARS:
            limit = start + MAX_SENTENCE_CHARS
            cut = text.rfind(" ", start + 1, limit)
            cut = cut + 1 if cut > start else limit
            yield start, cut
            start = cut
        yield start, end


def sentences_from_doc(doc: Any, document: Document) -> list[Sentence]:
    """Sentences of a segmented spaCy Doc, trimmed of surrounding space."""
    from spacy.attrs import IDX, SENT_START

    if not len(doc):
        return []
    # Boundaries from arrays rather than doc.sents, which builds a Token per token.
    annotations = doc.to_array([IDX, SENT_START])
    starts = [int(i) for i in np.flatnonzero(annotations[:, 1] == 1)]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    char_starts = [int(annotations[i, 0]) for i in starts] + [len(document.text)]
    sentences: list[Sentence] = []
    for start_char, end_char in _cap_lengths(char_starts, document.text):
        raw = document.text[start_char:end_char]
        stripped = raw.strip()
        if not stripped:
            continue
        start = start_char + (len(raw) - len(raw.lstrip()))
        sentences.append(
            Sentence(
                document_id=document.id,
                position=len(sentences),
                start=start,
                end=start + len(stripped),
                text=stripped,
                page=document.page_at(start),
            )
        )
    return sentences
