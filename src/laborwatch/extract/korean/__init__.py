"""Evidence in Korean-language reports, in the same shape as for English.

Sentences are split by kiwipiepy (offline, Apache-2.0). Indicators are decided by
the multilingual classifier (``extract.multilingual``, trained on the English
corpus and Korean translations of part of it). A Korean cue word (``cues.py``) in a
sentence that is not about law, sanctions or a denial is the cue shown, and for the
codes where cross-validation on the translations found it precise enough it decides
alone; a decision without a cue word names the closest positive training sentence. Facts
come from Korean rules (``facts.py``).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import Any

from laborwatch.documents import Document, Sentence
from laborwatch.extract.actors import merge_mentions
from laborwatch.extract.evidence import Evidence, Indicator
from laborwatch.extract.incidents import roll_up_incidents
from laborwatch.extract.indicators import CODES, decided
from laborwatch.extract.korean.cues import is_korean_non_evidence, korean_cues
from laborwatch.extract.korean.facts import (
    find_korean_actors,
    find_korean_dates,
    find_korean_denial,
    find_korean_goods,
    find_korean_money,
    find_korean_places,
    find_korean_sources,
    find_korean_victims,
)
from laborwatch.extract.money import kept_in_document, reports_practice
from laborwatch.extract.multilingual import (
    load_multilingual_model,
    multilingual_probabilities,
)

_MAX_SENTENCE_CHARS = 2000


@lru_cache(maxsize=1)
def _kiwi() -> Any:
    from kiwipiepy import Kiwi

    return Kiwi()


def split_korean_sentences(document: Document) -> list[Sentence]:
    """Sentences by kiwipiepy, paragraph by paragraph, trimmed, with their spans."""
    sentences: list[Sentence] = []
    offset = 0
    for paragraph in document.text.split("\n"):
        if paragraph.strip():
            for piece in _kiwi().split_into_sents(paragraph):
                start = offset + piece.start
                raw = document.text[start : offset + piece.end]
                text = raw.strip()
                if not text:
                    continue
                start += len(raw) - len(raw.lstrip())
                # A "sentence" with no end in sight is cut: spans stay exact.
                for cut in range(0, len(text), _MAX_SENTENCE_CHARS):
                    part = text[cut : cut + _MAX_SENTENCE_CHARS]
                    sentences.append(
                        Sentence(
                            document_id=document.id,
                            position=len(sentences),
                            start=start + cut,
                            end=start + cut + len(part),
                            text=part,
                            page=document.page_at(start),
                        )
                    )
        offset += len(paragraph) + 1
    return sentences


def korean_indicators(sentences: list[Sentence]) -> list[Indicator]:
    model = load_multilingual_model()
    probabilities, vectors = multilingual_probabilities(
        [s.text for s in sentences], model
    )
    found = []
    for sentence, row, vector in zip(sentences, probabilities, vectors, strict=True):
        cues = (
            {} if is_korean_non_evidence(sentence.text) else korean_cues(sentence.text)
        )
        for c, code in enumerate(model.codes):
            probability = float(row[c])
            cue = cues.get(code)
            if probability < model.thresholds[c] and not (cue and model.cue_decides[c]):
                continue
            start, end = cue.span() if cue else (0, len(sentence.text))
            rule = "Korean cue"
            if not cue:
                example = model.closest_example(code, vector)
                rule = (
                    f"model; closest training sentence: {example}"
                    if example
                    else "model"
                )
            found.append(decided(sentence, code, start, end, probability, rule))
    return sorted(found, key=lambda i: (i.span.sentence, CODES.index(i.code)))


def analyze_korean(document: Document, version: str) -> Evidence:
    sentences = split_korean_sentences(document)
    evidence = Evidence(document.id, version, "ko", True)
    evidence.sentences = sentences
    evidence.indicators = korean_indicators(sentences)
    on_evidence = {indicator.span.sentence for indicator in evidence.indicators}
    places = [place for s in sentences for place in find_korean_places(s)]
    counts = Counter(place.country for place in places)
    country = counts.most_common(1)[0][0] if counts else None
    practice = reports_practice(evidence.indicators)
    for sentence in sentences:
        evidence.sources.extend(find_korean_sources(sentence))
        denial = find_korean_denial(sentence)
        if denial:
            evidence.denials.append(denial)
        evidence.money.extend(
            money
            for money in find_korean_money(sentence, country)
            if kept_in_document(money, sentence.text, practice)
        )
        evidence.dates.extend(find_korean_dates(sentence, document.published))
        if sentence.position in on_evidence:
            evidence.actors.extend(find_korean_actors(sentence))
            evidence.victims.extend(find_korean_victims(sentence))
    if on_evidence:
        evidence.places = [
            p for p in places if p.span.sentence in on_evidence or p.country == country
        ]
        evidence.goods = [g for s in sentences for g in find_korean_goods(s)]
    evidence.actors = merge_mentions(evidence.actors)
    evidence.incidents = roll_up_incidents(evidence)
    return evidence
