"""SIGKILL mid-ingest leaves whole documents and a usable database."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select, text

from laborwatch.extract import split_sentences
from laborwatch.ingest.fingerprint import BANDS
from laborwatch.store import count_documents, get_document, open_database
from laborwatch.store.tables import document_sources, documents, minhash_bands
from tests.conftest import run_cli
from tests.corpus import write_reports

REPORT_COUNT = 160
KILL_AFTER = 40  # documents stored before the kill


def test_sigkill_mid_ingest_loses_nothing_committed(
    database_url: str, tmp_path: Path
) -> None:
    write_reports(tmp_path / "reports", REPORT_COUNT)
    command = [
        sys.executable,
        "-m",
        "laborwatch",
        "--db",
        database_url,
        "ingest",
        str(tmp_path / "reports"),
    ]
    database = open_database(database_url)  # migrate first, so the child only ingests
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while count_documents(database)["documents"] < KILL_AFTER:
            assert process.poll() is None, "ingest finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()

    stored = count_documents(database)["documents"]
    assert KILL_AFTER <= stored < REPORT_COUNT
    with database.reading() as connection:
        if database.dialect == "sqlite":
            assert connection.execute(text("PRAGMA integrity_check")).scalar() == "ok"
            connection.execute(
                text(
                    "INSERT INTO sentence_fts(sentence_fts) VALUES ('integrity-check')"
                )
            )
        ids = connection.execute(select(documents.c.id)).scalars().all()
        bands = dict(
            connection.execute(
                select(minhash_bands.c.document_id, func.count()).group_by(
                    minhash_bands.c.document_id
                )
            ).all()
        )
        originals = connection.scalar(
            select(func.count())
            .select_from(document_sources)
            .where(document_sources.c.relation == "original")
        )
    assert originals == stored
    for document_id in ids:  # every committed document is whole
        assert bands[document_id] == BANDS
        saved = get_document(database, document_id)
        assert len(saved.sentences) == len(split_sentences(saved.document))

    rerun = run_cli("--db", database_url, "ingest", str(tmp_path / "reports"))
    assert rerun.returncode == 0, rerun.stderr
    assert f"{REPORT_COUNT - stored} ingested, {stored} duplicate" in rerun.stderr
    assert count_documents(database)["documents"] == REPORT_COUNT
    database.close()
