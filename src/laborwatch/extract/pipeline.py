"""``analyze``: run every extractor over a document, in order, into one Evidence.

Reads a Document; adds sentences (model-segmented), indicators, actors, places,
goods, money, victims, dates, cited sources, denials and incidents. Pure: no
database, no network.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable

from laborwatch.documents import Document, Sentence
from laborwatch.extract.actors import find_actors
from laborwatch.extract.attribution import find_dates, find_denial, find_sources
from laborwatch.extract.classifier import classify
from laborwatch.extract.evidence import Evidence, Place
from laborwatch.extract.goods import find_goods
from laborwatch.extract.incidents import roll_up_incidents
from laborwatch.extract.indicators import find_indicators, rule_features, rule_hits
from laborwatch.extract.korean import analyze_korean
from laborwatch.extract.money import find_money
from laborwatch.extract.nlp import parse
from laborwatch.extract.places import find_places
from laborwatch.extract.sentences import sentences_from_doc, split_sentences
from laborwatch.extract.victims import find_victims

# Bump when extraction changes what it finds; stored results carry it.
EXTRACTOR_VERSION = "4"
ANALYSED_LANGUAGES = {"en", "ko"}
_MONEY_KINDS_ALWAYS_KEPT = {"wage", "fee", "debt", "fine"}


def analyze(document: Document) -> Evidence:
    """All evidence in one document, each fact with its sentence and span."""
    if not document.text:
        return Evidence(
            document.id, EXTRACTOR_VERSION, document.language, False, "empty document"
        )
    if document.language and document.language not in ANALYSED_LANGUAGES:
        return Evidence(
            document.id,
            EXTRACTOR_VERSION,
            document.language,
            False,
            f"language detected as {document.language!r}; "
            "only English and Korean are analysed",
            sentences=split_sentences(document),
        )
    if document.language == "ko":
        return analyze_korean(document, EXTRACTOR_VERSION)
    doc = parse(document)
    sentences = sentences_from_doc(doc, document)
    locate = _locator(sentences)
    evidence = Evidence(document.id, EXTRACTOR_VERSION, document.language or "en", True)
    evidence.sentences = sentences
    hits = [rule_hits(sentence) for sentence in sentences]
    texts = [sentence.text for sentence in sentences]
    scores = classify(
        texts,
        previous=["", *texts[:-1]],
        rule_features=[
            rule_features(text, found, negated)
            for text, (found, negated) in zip(texts, hits, strict=True)
        ],
    )
    for sentence, sentence_scores, (found, _negated) in zip(
        sentences, scores, hits, strict=True
    ):
        evidence.indicators.extend(find_indicators(sentence, sentence_scores, found))
        evidence.sources.extend(find_sources(sentence))
        denial = find_denial(sentence)
        if denial:
            evidence.denials.append(denial)
    on_evidence = {indicator.span.sentence for indicator in evidence.indicators}
    all_places = find_places(doc, locate)
    country = _main_country(all_places)
    if on_evidence:
        evidence.places = [
            place
            for place in all_places
            if place.span.sentence in on_evidence or place.country == country
        ]
        evidence.goods = find_goods(doc, locate)
        outlets = {source.outlet for source in evidence.sources if source.outlet}
        evidence.actors = [
            actor
            for actor in find_actors(doc, sentences, locate, outlets)
            if actor.span.sentence in on_evidence
        ]
    for sentence in sentences:
        in_evidence = sentence.position in on_evidence
        evidence.money.extend(
            money
            for money in find_money(sentence, country)
            if in_evidence or money.kind in _MONEY_KINDS_ALWAYS_KEPT
        )
        if in_evidence:
            evidence.victims.extend(find_victims(sentence))
    evidence.dates = find_dates(doc, locate, document.published)
    evidence.incidents = roll_up_incidents(evidence)
    return evidence


def _locator(sentences: list[Sentence]) -> Callable[[int], int]:
    starts = [sentence.start for sentence in sentences]

    def locate(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    return locate


def _main_country(places: list[Place]) -> str | None:
    counts = Counter(place.country for place in places)
    return counts.most_common(1)[0][0] if counts else None
