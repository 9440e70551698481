"""Screening jobs of the web app: every job ends, failures are one line, and the
stored run names the user's file, never the server's copy."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from laborwatch.settings import Settings
from laborwatch.store import Database
from laborwatch.store.screenings import get_screening
from laborwatch.web import create_app
from laborwatch.web.jobs import Job, Jobs, upload_name
from tests.screen import xlsx_parts


def finished(jobs: Jobs, job: Job) -> Job:
    deadline = time.monotonic() + 30
    while jobs.get(job.id).status == "running":
        assert time.monotonic() < deadline, "the job never ended"
        time.sleep(0.05)
    return jobs.get(job.id)


def broken_workbook(tmp_path: Path) -> bytes:
    """3,000 good rows, then a cell pointing past the shared strings."""
    rows = "".join(
        f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>Supplier {n}</t></is></c></row>'
        for n in range(2, 3002)
    )
    rows += '<row r="3002"><c r="A3002" t="s"><v>5</v></c></row>'
    return xlsx_parts.write(tmp_path / "w.xlsx", xlsx_parts.parts(rows)).read_bytes()


def test_bad_xlsx_cell_fails_the_job_with_one_line(
    database: Database, tmp_path: Path
) -> None:
    jobs = Jobs(database)
    job = finished(jobs, jobs.start("suppliers.xlsx", broken_workbook(tmp_path)))
    assert job.status == "failed"
    assert job.error == (
        "suppliers.xlsx: cell A3002: shared string '5' out of range "
        "(the workbook has 0)"
    )
    assert job.screening is not None
    stored = get_screening(database, job.screening).run
    assert stored.status == "failed"
    assert stored.error == job.error
    assert stored.summary["rows"] == 2000  # two batches stored before the error


def test_unexpected_error_ends_the_job_failed_and_is_logged(
    database: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise KeyError("summary")

    monkeypatch.setattr("laborwatch.web.jobs.screen_file", broken)
    jobs = Jobs(database)
    with caplog.at_level(logging.ERROR, logger="laborwatch.web.jobs"):
        job = finished(jobs, jobs.start("suppliers.csv", b"name\nAcme\n"))
    assert job.status == "failed"
    assert job.error == (
        "suppliers.csv: the screening stopped on an internal error "
        "(recorded in the server log)"
    )
    assert "KeyError" in caplog.text


def test_upload_is_stored_under_its_sanitised_name(database: Database) -> None:
    jobs = Jobs(database)
    job = finished(
        jobs,
        jobs.start(
            "C:\\Users\\ana/../..\\2024 suppliers\u202e\x00.csv", b"name\nAcme\n"
        ),
    )
    assert job.status == "complete", job.error
    assert job.name == "2024 suppliers.csv"
    assert job.screening is not None
    assert get_screening(database, job.screening).run.input_name == "2024 suppliers.csv"


@pytest.mark.parametrize(
    ("given", "name"),
    [
        ("../../etc/passwd.csv", "passwd.csv"),
        ("a\\b\\c.xlsx", "c.xlsx"),
        ("\n\r\t.csv", "csv"),
        ("x" * 500 + ".csv", "x" * 196 + ".csv"),
        ("", "upload"),
    ],
)
def test_upload_name(given: str, name: str) -> None:
    assert upload_name(given) == name


def test_failed_upload_page_and_run_show_no_server_path(
    settings: Settings, tmp_path: Path
) -> None:
    client = TestClient(create_app(settings), base_url="http://127.0.0.1:8000")
    client.get("/")  # the page sets the CSRF cookie a same-origin script sends back
    answer = client.post(
        "/api/screen",
        files={
            "file": (
                "../../tmp/suppliers.xlsx",
                broken_workbook(tmp_path),
                "application/zip",
            )
        },
        headers={"X-CSRF-Token": client.cookies["laborwatch_csrf"]},
    )
    assert answer.status_code < 300, answer.text
    job = answer.json()["id"]
    deadline = time.monotonic() + 30
    while (state := client.get(f"/api/screen/{job}").json())["status"] == "running":
        assert time.monotonic() < deadline, "the job never ended"
        time.sleep(0.05)
    assert state["status"] == "failed"
    assert state["error"].startswith("suppliers.xlsx: cell A3002: ")
    page = client.get(f"/screenings/{state['screening']}")
    assert page.status_code == 200
    assert "Incomplete (failed)" in page.text
    assert "suppliers.xlsx" in page.text
    assert "laborwatch-upload-" not in page.text
    assert "laborwatch-upload-" not in client.get("/api/screenings").text
    pack = client.get(f"/screenings/{state['screening']}/rows/2")
    assert "From an incomplete screening (failed)" in pack.text
    assert "laborwatch-upload-" not in pack.text
    audit = client.get("/api/audit").json()
    assert "suppliers.xlsx" in str(audit) and "tmp/" not in str(audit)


def test_a_report_ingested_between_jobs_is_evidence_for_the_next(
    database: Database, database_url: str, tmp_path: Path
) -> None:
    """The app screens many uploads in one process: evidence stored after one job
    (here, a report naming the supplier) is found and quoted by the next."""
    from laborwatch.pipeline import ingest_paths
    from tests.conftest import FIXTURES

    report = FIXTURES / "screening" / "evidence-report.txt"
    upload = b"name,country,product\nSunrise Gem Trading Co.,China,polished stones\n"
    jobs = Jobs(database)

    def evidence() -> list[dict[str, Any]]:
        job = finished(jobs, jobs.start("suppliers.csv", upload))
        assert job.status == "complete" and job.screening is not None
        (row,) = get_screening(database, job.screening).results
        return list(row["evidence"])

    assert evidence() == []
    ingest_paths([str(report)], database, Settings(database_url=database_url))
    (item,) = evidence()
    assert item["kind"] == "named"
    assert item["document"]["title"] == "Girls polish gems for export company"
    quoted = " ".join(quote["text"] for quote in item["quotes"])
    assert "forced them to work twelve hours a day" in quoted
