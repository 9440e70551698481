"""Past screenings in the web app: the list, a run's rows by level, downloads."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from laborwatch.screen import Screening, screen_file
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import list_lists
from laborwatch.web import create_app, pages
from tests.screen.runs import SCREENING, prepare

HOSTILE_SUPPLIER = "<script>alert(1)</script>"
# No slash: a file name keeps only its last path part.
HOSTILE_FILE = "<img src=x onerror=alert(2)>.csv"


class Screened:
    def __init__(
        self, client: TestClient, url: str, cli_run: int, upload_run: int
    ) -> None:
        self.client = client
        self.url = url
        self.cli_run = cli_run
        self.upload_run = upload_run


def upload(client: TestClient, name: str, data: bytes) -> int:
    client.get("/")
    started = client.post(
        "/api/screen",
        files={"file": (name, data, "text/csv")},
        headers={"X-CSRF-Token": client.cookies["laborwatch_csrf"]},
    )
    assert started.status_code == 202, started.text
    job = started.json()["id"]
    deadline = time.monotonic() + 30
    state = client.get(f"/api/screen/{job}").json()
    while state["status"] == "running":
        assert time.monotonic() < deadline, "the screening never ended"
        time.sleep(0.05)
        state = client.get(f"/api/screen/{job}").json()
    assert state["status"] == "complete", state
    return int(state["screening"])


@pytest.fixture(scope="module")
def screened(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> Screened:
    """A run from the CLI's library call (a path), then an upload with a hostile
    file name and a hostile supplier name."""
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    prepare(database, settings)
    folder = tmp_path_factory.mktemp("runs")
    path = folder / "q3 suppliers.csv"
    path.write_bytes((SCREENING / "suppliers.csv").read_bytes())
    cli_run = screen_file(path, database).id
    database.close()
    client = TestClient(create_app(settings), base_url="http://127.0.0.1:8000")
    data = (SCREENING / "suppliers.csv").read_bytes()
    data += f"{HOSTILE_SUPPLIER},Sweden,Malmo,chairs,9401,\n".encode()
    upload_run = upload(client, HOSTILE_FILE, data)
    return Screened(client, module_database_url, cli_run, upload_run)


def test_screenings_page_lists_runs_newest_first(screened: Screened) -> None:
    page = screened.client.get("/screenings")
    assert page.status_code == 200
    text = page.text
    upload_at = text.index(f'href="/screenings/{screened.upload_run}"')
    assert upload_at < text.index(f'href="/screenings/{screened.cli_run}"')
    # The upload by the name the user gave it, the CLI's by its file's name.
    assert "&lt;img src=x onerror=alert(2)&gt;.csv" in text
    assert ">q3 suppliers.csv</td>" in text
    assert "upload.csv" not in text and "laborwatch-upload-" not in text
    # Lists with their editions as stored, and counts by level linking to the rows.
    database = open_database(screened.url)
    for summary in list_lists(database):
        edition = summary.published.isoformat() if summary.published else "unknown"
        assert f"({summary.id}), edition {edition}" in text
    database.close()
    stored = screened.client.get(f"/api/screenings/{screened.upload_run}").json()
    high = stored["summary"]["high"]
    assert high > 0
    assert f'<a href="/screenings/{screened.upload_run}?level=high">{high}</a>' in text
    assert " UTC</time>" in text
    assert '<a href="/screenings">Screenings</a>' in text  # in the nav


def test_screenings_page_is_paginated(
    screened: Screened, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "_RUNS_PER_PAGE", 1)
    first = screened.client.get("/screenings").text
    assert f'href="/screenings/{screened.upload_run}"' in first
    assert f'href="/screenings/{screened.cli_run}"' not in first
    assert 'href="/screenings?offset=1">Older</a>' in first
    second = screened.client.get("/screenings", params={"offset": 1}).text
    assert f'href="/screenings/{screened.cli_run}"' in second
    assert 'href="/screenings?offset=0">Newer</a>' in second


def test_hostile_names_are_escaped_on_both_pages(screened: Screened) -> None:
    for url in ("/screenings", f"/screenings/{screened.upload_run}"):
        text = screened.client.get(url).text
        assert "<img src=x" not in text and "<script>alert" not in text, url
        assert "&lt;img src=x onerror=alert(2)&gt;.csv" in text, url
    page = screened.client.get(f"/screenings/{screened.upload_run}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_screening_page_filters_rows_by_level(screened: Screened) -> None:
    run = screened.upload_run
    stored = screened.client.get(f"/api/screenings/{run}").json()
    every = screened.client.get(f"/screenings/{run}").text
    assert every.count('<tr class="level-') == stored["summary"]["rows"]
    high = screened.client.get(f"/screenings/{run}", params={"level": "high"}).text
    assert high.count('<tr class="level-high">') == stored["summary"]["high"]
    assert '<tr class="level-none">' not in high
    assert f'href="/screenings/{run}/results.xlsx?level=high"' in high
    assert '<strong aria-current="page">high' in high
    refused = screened.client.get(f"/screenings/{run}", params={"level": "severe"})
    assert refused.status_code == 422


def test_api_screenings_add_lists_offset_and_level(screened: Screened) -> None:
    listed = screened.client.get("/api/screenings", params={"limit": 1}).json()
    assert (listed["limit"], listed["offset"]) == (1, 0)
    (run,) = listed["screenings"]
    assert run["id"] == screened.upload_run
    assert {item["id"] for item in run["lists"]} == {"us_ofac_sdn", "us_dol_tvpra"}
    assert run["input_name"] == HOSTILE_FILE
    older = screened.client.get("/api/screenings", params={"offset": 1}).json()
    assert older["screenings"][0]["id"] == screened.cli_run
    flagged = screened.client.get(
        f"/api/screenings/{screened.upload_run}", params={"level": "medium"}
    ).json()
    assert flagged["results"]
    assert {row["level"] for row in flagged["results"]} == {"medium"}
    assert flagged["summary"]["rows"] == 9  # the summary still counts every row


def test_downloads_have_the_filtered_rows(screened: Screened) -> None:
    run = screened.upload_run
    stored = screened.client.get(f"/api/screenings/{run}").json()
    high = [row for row in stored["results"] if row["level"] == "high"]
    base = f"/screenings/{run}/results"

    as_csv = screened.client.get(f"{base}.csv", params={"level": "high"})
    assert as_csv.status_code == 200
    assert as_csv.headers["content-type"].startswith("text/csv")
    assert (
        f'filename="screening-{run}-high.csv"' in as_csv.headers["content-disposition"]
    )
    rows = list(csv.reader(io.StringIO(as_csv.text)))
    assert rows[0][:3] == ["row", "name", "level"]
    assert [row[1] for row in rows[1:]] == [row["name"] for row in high]

    as_xlsx = screened.client.get(f"{base}.xlsx", params={"level": "high"})
    assert as_xlsx.status_code == 200
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    assert sheet is not None
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][:3] == ["row", "name", "level"]
    assert values[1][:3] == [high[0]["row"], high[0]["name"], "high"]
    assert len(values) == len(high) + 1
    assert sheet.freeze_panes == "A2"

    as_json = screened.client.get(f"{base}.json", params={"level": "high"})
    assert as_json.status_code == 200
    assert "attachment" in as_json.headers["content-disposition"]
    assert json.loads(as_json.content)["results"] == high

    every = screened.client.get(f"{base}.xlsx")
    sheet = load_workbook(io.BytesIO(every.content)).active
    assert sheet is not None
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert HOSTILE_SUPPLIER in names
    assert "'=cmd|'/c calc'!A1" in names  # a formula in the upload stays text
    assert screened.client.get(f"{base}.pdf").status_code == 422
    assert screened.client.get("/screenings/999999/results.csv").status_code == 404


def test_screening_rows_are_paged(
    screened: Screened, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pages, "_ROWS_PER_PAGE", 4)
    run = screened.upload_run
    first = screened.client.get(f"/screenings/{run}").text
    assert first.count('<tr class="level-') == 4
    assert "Rows 1–4 of 9" in first
    assert f'href="/screenings/{run}?offset=4">next</a>' in first
    last = screened.client.get(f"/screenings/{run}", params={"offset": 8}).text
    assert last.count('<tr class="level-') == 1
    assert f'href="/screenings/{run}?offset=4">previous</a>' in last


def test_no_screenings_yet(tmp_path: Path) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'empty.db'}")
    client = TestClient(create_app(settings), base_url="http://127.0.0.1:8000")
    page = client.get("/screenings")
    assert page.status_code == 200
    assert 'No screenings yet: <a href="/screen">' in page.text


def test_run_view_gives_file_name_time_and_list_editions() -> None:
    shown = pages.run_view(
        "/home/amina/exports/q3 suppliers.xlsx",
        "2024-05-03T14:22:59.5+02:00",
        [
            {"id": "us_ofac_sdn", "title": "OFAC SDN", "published": "2024-05-01"},
            {"id": "eu_fsf", "title": None, "published": None},
        ],
    )
    assert shown == {
        "file": "q3 suppliers.xlsx",
        "when": "2024-05-03 12:22 UTC",
        "lists": [
            "OFAC SDN (us_ofac_sdn), edition 2024-05-01",
            "eu_fsf, edition unknown",
        ],
    }
    naive = pages.run_view("a.csv", "2024-05-03T14:22")
    assert naive["when"] == "2024-05-03 14:22 UTC"  # SQLite's naive UTC times


def test_a_page_and_a_pack_read_only_the_rows_they_show(
    screened: Screened, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored rows are put in this version's shape as they are shown: a page of
    four rows reads four, a row's pack one, however many rows the run holds."""
    read: list[int] = []
    from_record = Screening.from_record.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Screening], record: Any) -> Screening:
        read.append(record["row"])
        return from_record(cls, record)  # type: ignore[no-any-return]

    monkeypatch.setattr(Screening, "from_record", classmethod(counted))
    monkeypatch.setattr(pages, "_ROWS_PER_PAGE", 4)
    run = screened.upload_run
    page = screened.client.get(f"/screenings/{run}", params={"offset": 4})
    assert page.status_code == 200 and page.text.count('<tr class="level-') == 4
    assert len(read) <= 4
    read.clear()
    pack = screened.client.get(f"/screenings/{run}/rows/2")
    assert pack.status_code == 200 and "Evidence pack" in pack.text
    assert read == [2]


def test_a_pack_of_a_row_the_run_lacks_is_not_found(screened: Screened) -> None:
    run = screened.upload_run
    for path in (f"/screenings/{run}/rows/999", f"/screenings/{run}/rows/999/pack.pdf"):
        answer = screened.client.get(path, headers={"Accept": "application/json"})
        assert answer.status_code == 404
        assert answer.json()["error"]["message"] == f"{run}/999: no such screened row"
    assert screened.client.get(f"/screenings/{run}/rows/2/pack.pdf").status_code == 200


HUGE = 99999999999999999999  # past SQLite's INTEGER and PostgreSQL's BIGINT


@pytest.mark.parametrize(
    "path",
    [
        "/screenings/{huge}",
        "/api/screenings/{huge}",
        "/screenings/{run}/diff/{huge}",
        "/api/screenings/{run}/diff/{huge}",
        "/api/screenings/{huge}/diff/{run}",
        "/screenings/{huge}/results.csv",
        "/screenings/{huge}/results.json",
        "/screenings/{huge}/results.xlsx",
        "/screenings/{run}/rows/{huge}",
        "/screenings/{run}/rows/{huge}/pack.pdf",
        "/screenings/{huge}/rows/1",
        "/screenings/{huge}/diff?other={run}",
        "/screenings/-{huge}",
    ],
)
def test_an_id_beyond_the_store_s_integers_is_not_found(
    screened: Screened, path: str
) -> None:
    url = path.format(huge=HUGE, run=screened.upload_run)
    answer = screened.client.get(url, headers={"Accept": "application/json"})
    assert answer.status_code == 404, answer.text
    assert "no such screen" in answer.json()["error"]["message"]


def test_an_id_query_parameter_beyond_the_store_s_integers_is_a_422(
    screened: Screened,
) -> None:
    run = screened.upload_run
    answer = screened.client.get(
        f"/screenings/{run}/diff?other={HUGE}", headers={"Accept": "application/json"}
    )
    assert answer.status_code == 422, answer.text
    assert "other" in answer.text
