"""Ingesting folders end to end through the library API, on both engines."""

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import Database, count_documents, get_document, list_documents
from tests.conftest import ENGINES, FIXTURES, REPORTS, empty_database

# kiln-report.txt, latin1-report.txt, utf16-report.txt, notes.md, article.html,
# two-pages.pdf and the two records of feed.jsonl
REPORT_DOCUMENTS = 8


def test_ingests_every_format_in_a_folder(
    database: Database, settings: Settings
) -> None:
    summary = ingest_paths([str(REPORTS)], database, settings)
    assert summary.counts["ingested"] == REPORT_DOCUMENTS
    assert not summary.failed
    media_types = {d.media_type for d in list_documents(database)}
    assert media_types == {
        "text/plain",
        "text/markdown",
        "text/html",
        "application/pdf",
        "application/jsonl",
    }
    languages = {d.title: d.language for d in list_documents(database)}
    assert languages["Überstunden in der Fabrik"] == "de"
    assert languages["Fishers held at sea"] == "en"


def test_reingesting_adds_nothing_and_says_so(
    database: Database, settings: Settings
) -> None:
    ingest_paths([str(REPORTS)], database, settings)
    before = count_documents(database)
    again = ingest_paths([str(REPORTS)], database, settings)
    assert again.counts["duplicate"] == REPORT_DOCUMENTS
    assert again.counts["ingested"] == 0
    assert all("already stored" in (e.detail or "") for e in again.events)
    assert count_documents(database) == before


def test_bad_inputs_are_reported_and_the_rest_ingested(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(REPORTS, folder)
    shutil.copy(FIXTURES / "encrypted.pdf", folder / "encrypted.pdf")
    shutil.copy(FIXTURES / "truncated.pdf", folder / "truncated.pdf")
    shutil.copy(FIXTURES / "binary.txt", folder / "binary.txt")
    (folder / "empty.txt").write_bytes(b"")
    with (folder / "huge.txt").open("wb") as huge:
        huge.truncate(200 * 1024 * 1024)  # sparse: 200 MB on paper, no disk used
    (folder / "bad.jsonl").write_bytes(
        b'{"text": "A fine record about kilns."}\nnot json\n'
    )
    (folder / "sub").mkdir()
    (folder / "sub" / "loop").symlink_to(folder)

    summary = ingest_paths([str(folder)], database, settings)

    outcomes = {Path(e.location).name: (e.outcome, e.detail) for e in summary.events}
    assert outcomes["encrypted.pdf"] == ("failed", "encrypted PDF (needs a password)")
    assert outcomes["truncated.pdf"] == ("failed", "corrupt or truncated PDF")
    assert outcomes["binary.txt"] == ("failed", "binary content, not text")
    assert outcomes["empty.txt"] == ("skipped", "empty document, skipped")
    assert outcomes["huge.txt"][0] == "skipped"
    assert "200 MB, over the 50 MB limit" in (outcomes["huge.txt"][1] or "")
    assert outcomes["bad.jsonl:2"][0] == "failed"
    assert outcomes["loop"] == ("skipped", "symbolic link loop, not followed")
    assert summary.counts["ingested"] == REPORT_DOCUMENTS + 1
    assert summary.counts["failed"] == 4
    assert summary.failed


def test_size_limit_is_configurable(database: Database, settings: Settings) -> None:
    small = replace(settings, max_file_bytes=200)
    summary = ingest_paths([str(REPORTS / "article.html")], database, small)
    assert summary.counts["skipped"] == 1


def test_near_duplicate_in_a_later_run_is_not_new_evidence(
    database: Database, settings: Settings, tmp_path: Path
) -> None:
    text = (REPORTS / "kiln-report.txt").read_text()
    body = (
        text
        + "\n"
        + " ".join(f"Witness {n} said the owner beat workers." for n in range(12))
    )
    (tmp_path / "original.txt").write_text(body)
    (tmp_path / "republished.txt").write_text(body.replace("six years", "seven years"))
    first = ingest_paths([str(tmp_path / "original.txt")], database, settings)
    second = ingest_paths([str(tmp_path / "republished.txt")], database, settings)
    (event,) = second.events
    assert event.outcome == "duplicate"
    assert event.document_id == first.events[0].document_id
    assert (event.detail or "").startswith("near-duplicate of")
    stored = get_document(database, event.document_id or "")
    assert [s.relation for s in stored.sources] == ["original", "near_duplicate"]


def test_unreadable_file_fails_and_the_rest_is_ingested(
    database: Database,
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shutil.copy(REPORTS / "kiln-report.txt", tmp_path / "kiln.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("Workers could not leave the compound.")
    # Tests often run as root, for whom chmod 000 does not stop reading: fail the
    # open itself, as the operating system would.
    real_open = Path.open

    def open_unless_locked(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", open_unless_locked)
    summary = ingest_paths([str(tmp_path)], database, settings)
    outcomes = {Path(e.location).name: (e.outcome, e.detail) for e in summary.events}
    assert outcomes["locked.txt"] == ("failed", "cannot read (Permission denied)")
    assert outcomes["kiln.txt"][0] == "ingested"


@pytest.mark.parametrize("engine", ENGINES)
def test_workers_store_the_same_evidence(engine: str, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from laborwatch.store import open_database
    from laborwatch.store.tables import indicators

    results = {}
    for workers in (1, 2):
        (tmp_path / str(workers)).mkdir()
        with empty_database(engine, tmp_path / str(workers)) as url:
            database = open_database(url)
            summary = ingest_paths(
                [str(REPORTS)], database, Settings(database_url=url), workers=workers
            )
            with database.reading() as connection:
                count = connection.scalar(select(func.count()).select_from(indicators))
            results[workers] = (
                summary.counts,
                sorted(e.document_id or "" for e in summary.events),
                count,
            )
            database.close()
    assert results[1] == results[2]
    assert results[2][0]["ingested"] == REPORT_DOCUMENTS


def test_copies_of_stored_text_are_recognised_before_extraction(
    database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest_paths([str(REPORTS)], database, settings)

    def no_extraction(document: object) -> None:
        raise AssertionError("a copy of stored text was analysed again")

    monkeypatch.setattr("laborwatch.pipeline.analyze", no_extraction)
    again = ingest_paths([str(REPORTS)], database, settings)
    assert again.counts["duplicate"] == REPORT_DOCUMENTS
    assert not again.failed
