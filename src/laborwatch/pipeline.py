"""Ingest, extract and store, one document at a time (``laborwatch ingest``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from laborwatch.documents import Document
from laborwatch.extract.evidence import Evidence
from laborwatch.extract.pipeline import EXTRACTOR_VERSION, analyze
from laborwatch.ingest import Problem, SourceFile, discover, read_source
from laborwatch.ingest.fingerprint import minhash_signature
from laborwatch.parallel import open_executor, ordered_map
from laborwatch.settings import Settings
from laborwatch.store import (
    Database,
    SaveResult,
    get_document,
    record_if_stored,
    save_document,
)
from laborwatch.store.evidence import analysed_versions, replace_evidence

Outcome = Literal["ingested", "duplicate", "skipped", "failed"]
OUTCOMES: tuple[Outcome, ...] = ("ingested", "duplicate", "skipped", "failed")


@dataclass(frozen=True)
class IngestEvent:
    """One input's result. ``document_id`` is the stored document (the original,
    for a duplicate); ``detail`` says why for anything not ingested."""

    location: str
    outcome: Outcome
    document_id: str | None = None
    title: str | None = None
    detail: str | None = None


@dataclass
class IngestSummary:
    counts: Counter[str] = field(default_factory=Counter)
    events: list[IngestEvent] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.counts["failed"] > 0


ProgressCallback = Callable[[IngestEvent], None]
StartCallback = Callable[[list[SourceFile]], None]
SourceDoneCallback = Callable[[SourceFile], None]


def ingest_paths(
    paths: Iterable[str],
    database: Database,
    settings: Settings,
    *,
    on_start: StartCallback | None = None,
    on_event: ProgressCallback | None = None,
    on_source_done: SourceDoneCallback | None = None,
    workers: int = 1,
    cluster: str | None = None,
) -> IngestSummary:
    """Read every input under ``paths`` and store what is new, one transaction each.

    A problem with one input never stops the others. Re-running is safe: what is
    already stored is recognised as a duplicate and adds nothing. Extraction runs
    in ``workers`` local processes, or on the Dask scheduler at ``cluster``; each
    worker loads the models once. This process reads the inputs and does all the
    writing, so several ingest processes may share one database.
    """
    summary = IngestSummary()

    def record(event: IngestEvent) -> None:
        summary.counts[event.outcome] += 1
        summary.events.append(event)
        if on_event:
            on_event(event)

    sources: list[SourceFile] = []
    for found in discover(paths):
        if isinstance(found, Problem):
            record(_problem_event(found))
        else:
            sources.append(found)
    if on_start:
        on_start(sources)

    def unseen(index: int, result: Document | Problem) -> _Item:
        # A copy of stored text is recorded here, before any extraction.
        if isinstance(result, Document):
            known = record_if_stored(database, result)
            if known:
                return index, _saved_event(result, known)
        return index, result

    items = (
        unseen(index, result)
        for index, source in enumerate(sources)
        for result in read_source(source, settings)
    )
    done = 0  # sources whose every result has been recorded
    with open_executor(workers, cluster) as (executor, slots):
        for index, prepared in ordered_map(prepare_document, items, executor, slots):
            while done < index:
                if on_source_done:
                    on_source_done(sources[done])
                done += 1
            if isinstance(prepared, Problem):
                record(_problem_event(prepared))
            elif isinstance(prepared, IngestEvent):
                record(prepared)
            else:
                record(store_prepared(*prepared, database, settings))
    for source in sources[done:]:
        if on_source_done:
            on_source_done(source)
    return summary


Prepared = tuple[Document, Evidence, bytes]
_Item = tuple[int, "Document | Problem | IngestEvent"]


def prepare_document(item: _Item) -> tuple[int, Prepared | Problem | IngestEvent]:
    """Extract and fingerprint one document (problems and outcomes already known
    pass through): pure, so it can run in another process."""
    index, result = item
    if not isinstance(result, Document):
        return index, result
    return index, (result, analyze(result), minhash_signature(result.text))


def store_prepared(
    document: Document,
    evidence: Evidence,
    signature: bytes,
    database: Database,
    settings: Settings,
) -> IngestEvent:
    """Store an extracted document if new; say what happened."""
    result = save_document(
        database,
        document,
        evidence.sentences,
        signature,
        near_duplicate_threshold=settings.near_duplicate_threshold,
        evidence=evidence,
    )
    return _saved_event(document, result)


def ingest_document(
    document: Document, database: Database, settings: Settings
) -> IngestEvent:
    """Extract and store one document read elsewhere (a feed's article), in
    this process; a copy of stored text is recorded as for any input."""
    known = record_if_stored(database, document)
    if known:
        return _saved_event(document, known)
    return store_prepared(
        document,
        analyze(document),
        minhash_signature(document.text),
        database,
        settings,
    )


def _saved_event(document: Document, result: SaveResult) -> IngestEvent:
    if result.outcome == "ingested":
        return IngestEvent(
            document.source, "ingested", result.document_id, document.title
        )
    if result.outcome == "near_duplicate":
        detail = f"near-duplicate of {result.document_id[:12]}"
        if result.similarity is not None:
            detail += f" (similarity {result.similarity:.2f})"
    else:
        detail = f"already stored as {result.document_id[:12]}"
    return IngestEvent(
        document.source, "duplicate", result.document_id, document.title, detail
    )


@dataclass(frozen=True)
class ReanalyzeSummary:
    analysed: int
    skipped: int


def reanalyze_documents(
    database: Database,
    *,
    everything: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_document: Callable[[str], None] | None = None,
    workers: int = 1,
    cluster: str | None = None,
) -> ReanalyzeSummary:
    """Re-run extraction over stored documents whose evidence is out of date
    (or all, with ``everything``); each document's old evidence is replaced in
    one transaction, so an interruption leaves every document consistent.
    Extraction runs where ``workers`` or ``cluster`` say, as in ``ingest_paths``."""
    versions = analysed_versions(database)
    stale = [
        document_id
        for document_id, version in versions.items()
        if everything or version != EXTRACTOR_VERSION
    ]
    if on_start:
        on_start(len(stale))
    stored = (get_document(database, document_id).document for document_id in stale)
    with open_executor(workers, cluster) as (executor, slots):
        for document, evidence in ordered_map(analyze_one, stored, executor, slots):
            replace_evidence(database, document, evidence)
            if on_document:
                on_document(document.id)
    return ReanalyzeSummary(analysed=len(stale), skipped=len(versions) - len(stale))


def analyze_one(document: Document) -> tuple[Document, Evidence]:
    return document, analyze(document)


def _problem_event(problem: Problem) -> IngestEvent:
    return IngestEvent(problem.location, problem.kind, detail=problem.reason)
