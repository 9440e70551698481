"""``analyze``: run every extractor over a document, in order, into one Evidence.

Reads a Document; adds sentences (model-segmented), indicators, actors, places,
goods, money, victims, dates, cited sources, denials and incidents. Pure: no
database, no network.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TypeVar

from laborwatch.documents import Document, Sentence
from laborwatch.extract.actors import find_actors, merge_mentions
from laborwatch.extract.attribution import find_dates, find_denial, find_sources
from laborwatch.extract.classifier import classify
from laborwatch.extract.evidence import (
    Actor,
    DateMention,
    Evidence,
    Good,
    Place,
    Span,
    Victim,
)
from laborwatch.extract.goods import drop_covered_sectors, find_goods
from laborwatch.extract.incidents import roll_up_incidents
from laborwatch.extract.indicators import find_indicators, rule_hits
from laborwatch.extract.korean import analyze_korean
from laborwatch.extract.money import find_money, kept_in_document, reports_practice
from laborwatch.extract.nlp import parse
from laborwatch.extract.places import find_places, select_places
from laborwatch.extract.sentences import (
    placed,
    section_document,
    sections,
    sentences_from_doc,
    split_sentences,
)
from laborwatch.extract.victim_persons import find_named_victims
from laborwatch.extract.victims import find_victims

# Bump when extraction changes what it finds; stored results carry it.
EXTRACTOR_VERSION = "15"
ANALYSED_LANGUAGES = {"en", "ko"}
# Text parsed at once; memory grows with it, so long documents go in sections.
_SECTION_CHARS = 200_000
_Fact = TypeVar("_Fact", Place, Good, Actor, DateMention, Victim)


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
    evidence = Evidence(document.id, EXTRACTOR_VERSION, document.language or "en", True)
    found = _Found()
    for offset, text in sections(document.text, _SECTION_CHARS):
        _analyze_section(document, offset, text, evidence, found)
    on_evidence = {indicator.span.sentence for indicator in evidence.indicators}
    country = _main_country(found.places)
    # Facts come from every sentence, so a missed indicator does not also lose
    # the place or the wage; what each kind keeps outside evidence sentences is
    # what its own sentence says of it.
    evidence.places = select_places(found.places, on_evidence)
    evidence.goods = drop_covered_sectors(found.goods)
    evidence.actors = merge_mentions(found.actors)
    practice = reports_practice(evidence.indicators)
    for sentence in evidence.sentences:
        in_evidence = sentence.position in on_evidence
        evidence.money.extend(
            money
            for money in find_money(sentence, country)
            if kept_in_document(money, sentence.text, practice)
        )
        # Victims in every sentence, but outside evidence only the groups the
        # sentence says do the work or suffer the harm ("people who work on
        # kilns"): other groups named there ("farmers protested") are as often
        # not the ones worked on (taking them all gave victims F1 0.41 against
        # 0.47 for evidence sentences alone on the facts development set).
        evidence.victims.extend(find_victims(sentence, said_to_work=not in_evidence))
    # A person is named as a victim wherever the sentence says the work or the
    # harm is hers, unless the report names her as an actor too.
    actors = {actor.name.lower() for actor in evidence.actors}
    evidence.victims.extend(
        victim for victim in found.victims if victim.text.lower() not in actors
    )
    evidence.victims.sort(key=lambda victim: victim.span.start)
    evidence.incidents = roll_up_incidents(evidence)
    return evidence


@dataclass
class _Found:
    """Facts found in every section, kept or dropped once the whole document is read:
    which to keep depends on the document's evidence sentences and main country."""

    places: list[Place] = field(default_factory=list)
    goods: list[Good] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    victims: list[Victim] = field(default_factory=list)


def _analyze_section(
    document: Document, offset: int, text: str, evidence: Evidence, found: _Found
) -> None:
    """Parse one section and add what it holds, its spans made document-wide.

    A long document is read a section at a time so that memory is bounded by the
    section, not the document: a parsed token costs about half a kilobyte.
    """
    section = section_document(document, text)
    doc = parse(section)
    local = sentences_from_doc(doc, section)
    if not local:
        return
    first = len(evidence.sentences)
    sentences = placed(local, document, offset, first)
    locate = _locator(local)

    def shift(fact: _Fact) -> _Fact:
        """A fact found in the section, placed in the document."""
        span = fact.span
        moved = Span(offset + span.start, offset + span.end, first + span.sentence)
        return replace(fact, span=moved)

    hits = [rule_hits(sentence) for sentence in sentences]
    texts = [sentence.text for sentence in sentences]
    previous = evidence.sentences[-1].text if evidence.sentences else ""
    scores = classify(texts, previous=[previous, *texts[:-1]], hits=hits)
    evidence.sentences.extend(sentences)
    for sentence, sentence_scores, found_cues in zip(
        sentences, scores, hits, strict=True
    ):
        evidence.indicators.extend(
            find_indicators(sentence, sentence_scores, found_cues)
        )
        evidence.sources.extend(find_sources(sentence))
        denial = find_denial(sentence)
        if denial:
            evidence.denials.append(denial)
    found.places.extend(shift(place) for place in find_places(doc, locate))
    found.goods.extend(shift(good) for good in find_goods(doc, locate))
    outlets = {source.outlet for source in evidence.sources if source.outlet}
    local_evidence = {
        indicator.span.sentence - first
        for indicator in evidence.indicators
        if indicator.span.sentence >= first
    }
    # "# SOURCE: CIA World Factbook (US Government work...), field 'Trafficking
    # in persons'": who published the file, not an actor in what it reports.
    metadata = {
        i for i, sentence in enumerate(local) if METADATA_LINE.match(sentence.text)
    }
    found.actors.extend(
        shift(actor)
        for actor in find_actors(doc, local, locate, outlets, local_evidence)
        if actor.span.sentence not in metadata
    )
    found.victims.extend(
        shift(victim) for victim in find_named_victims(doc, local, locate)
    )
    evidence.dates.extend(
        shift(date) for date in find_dates(doc, locate, document.published)
    )


# A line of a file's metadata: "# SOURCE: ...", "URL: ...", "Retrieved: ...".
METADATA_LINE = re.compile(
    r"\s*#*\s*(?:source|url|link|country|title|date|author|publisher|published|"
    r"retrieved|accessed|credit|copyright)\s*:",
    re.IGNORECASE,
)


def _locator(sentences: list[Sentence]) -> Callable[[int], int]:
    starts = [sentence.start for sentence in sentences]

    def locate(offset: int) -> int:
        return max(bisect_right(starts, offset) - 1, 0)

    return locate


def _main_country(places: list[Place]) -> str | None:
    counts = Counter(place.country for place in places)
    return counts.most_common(1)[0][0] if counts else None
