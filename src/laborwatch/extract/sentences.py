"""Sentence segmentation: the spans every extracted fact points at."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from laborwatch.documents import Document, Sentence

# spaCy's default limit guards parser memory; the rule-based sentencizer needs no such
# guard, and the ingest size limit bounds the text.
_MAX_LENGTH = 200_000_000
_CONTINUES = (",", ";", "-", "(", "–")
_WRAPPED_MEDIA_TYPES = {"application/pdf"}


def _line_breaks(doc: Any, wrapped_lines: bool) -> Any:
    """Mark line breaks that end sentences: paragraphs, headlines, list items.

    Where lines are wrapped to a width (PDF), a lone line break ends a sentence
    only when the line looks finished and the next begins like a sentence.
    """
    for token in doc[:-1]:
        breaks = token.whitespace_.count("\n") + token.text.count("\n")
        if not breaks:
            continue
        following = doc[token.i + 1]
        if not wrapped_lines or breaks > 1 or token.is_space and "\n\n" in token.text:
            following.is_sent_start = True
            continue
        previous = token
        while previous.is_space and previous.i > 0:
            previous = doc[previous.i - 1]
        unfinished = previous.text[:1].islower() or previous.text.endswith(_CONTINUES)
        starts_like_sentence = following.text[:1].isupper() or not following.text[:1].isalpha()
        if not unfinished and starts_like_sentence:
            following.is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def _segmenter(wrapped_lines: bool) -> Any:
    import spacy

    nlp = spacy.blank("en")
    name = "laborwatch_wrapped_line_breaks" if wrapped_lines else "laborwatch_line_breaks"
    nlp.add_pipe(_register(name, wrapped_lines))
    nlp.add_pipe("sentencizer")
    nlp.max_length = _MAX_LENGTH
    return nlp


def _register(name: str, wrapped_lines: bool) -> str:
    from spacy.language import Language

    if not Language.has_factory(name):
        Language.component(name, func=lambda doc: _line_breaks(doc, wrapped_lines))
    return name


def split_sentences(document: Document) -> list[Sentence]:
    """The document's sentences, trimmed of surrounding space, with their pages."""
    nlp = _segmenter(document.media_type in _WRAPPED_MEDIA_TYPES)
    sentences = []
    for span in nlp(document.text).sents:
        raw = span.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = span.start_char + (len(raw) - len(raw.lstrip()))
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
