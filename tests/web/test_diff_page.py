"""The diff of two screening runs in the web app: the page (linked from the
rerun's page, and a form to pick another run) and the JSON the CLI prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from laborwatch.lists import load_list
from laborwatch.screen import screen_file
from laborwatch.screen.rerun import rerun_screening
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.web import create_app
from tests.conftest import run_cli
from tests.screen.runs import SCREENING
from tests.web.conftest import LOCAL

HOSTILE = "<b>Clean Paper GmbH</b>"


class Runs:
    def __init__(self, client: TestClient, url: str, first: int, rerun: int) -> None:
        self.client = client
        self.url = url
        self.first = first
        self.rerun = rerun


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, module_database_url: str) -> Runs:
    """A run, then a list whose entry names one supplier (with markup in its
    alias, to check escaping), then a rerun."""
    folder = tmp_path_factory.mktemp("diff")
    entity = json.loads((SCREENING / "added-entry.ftm.json").read_text())
    entity["properties"]["alias"] = [HOSTILE]
    added = folder / "added.ftm.json"
    added.write_text(json.dumps(entity) + "\n")
    database = open_database(module_database_url)
    first = screen_file(SCREENING / "suppliers.csv", database).id
    save_list(database, load_list(added))
    rerun = rerun_screening(database, first).id
    database.close()
    client = TestClient(
        create_app(Settings(database_url=module_database_url)), base_url=LOCAL
    )
    return Runs(client, module_database_url, first, rerun)


def test_diff_page_shows_the_supplier_that_changed(runs: Runs) -> None:
    page = runs.client.get(f"/screenings/{runs.first}/diff/{runs.rerun}")
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    html = page.text
    assert "<strong>1</strong> supplier changed, 7 unchanged" in html
    assert "Clean Paper GmbH" in html
    assert '<span class="level none">none</span> → ' in html
    assert '<span class="level high">high</span>' in html
    assert "+ new hit: added_entries entry added-1" in html
    assert "(added_entries was not loaded for screening 1)" in html
    assert "added_entries loaded since" in html
    assert "Lahore Brick Works" not in html  # unchanged suppliers are only counted
    assert "<b>Clean Paper" not in html  # everything escaped


def test_screening_page_links_its_diff_and_the_compare_form_redirects(
    runs: Runs,
) -> None:
    rerun_page = runs.client.get(f"/screenings/{runs.rerun}").text
    link = f'href="/screenings/{runs.first}/diff/{runs.rerun}"'
    assert link in rerun_page
    assert "Compare with the run it reran" in rerun_page
    assert f'action="/screenings/{runs.rerun}/diff"' in rerun_page
    first_page = runs.client.get(f"/screenings/{runs.first}").text
    assert "Compare with the run it reran" not in first_page
    answer = runs.client.get(
        f"/screenings/{runs.rerun}/diff?other={runs.first}", follow_redirects=False
    )
    assert answer.status_code == 303
    assert answer.headers["location"] == f"/screenings/{runs.first}/diff/{runs.rerun}"


def test_api_diff_is_the_cli_json(runs: Runs) -> None:
    answer = runs.client.get(f"/api/screenings/{runs.first}/diff/{runs.rerun}")
    assert answer.status_code == 200, answer.text
    printed = run_cli(
        "--db",
        runs.url,
        "screenings",
        "diff",
        str(runs.first),
        str(runs.rerun),
        "--json",
    )
    assert printed.returncode == 0, printed.stderr
    assert answer.json() == json.loads(printed.stdout)
    (supplier,) = answer.json()["suppliers"]
    assert supplier["new_hits"][0]["entry_id"] == "added-1"


def test_diff_of_an_unknown_run_is_a_404(runs: Runs) -> None:
    for url in (f"/screenings/{runs.first}/diff/99", "/api/screenings/99/diff/1"):
        answer = runs.client.get(url)
        assert answer.status_code == 404, url
    assert runs.client.get("/api/screenings/99/diff/1").json() == {
        "error": {"status": 404, "message": "99: no such screening"}
    }


def test_diff_page_keeps_the_input_file_name_out_of_markup(
    runs: Runs, tmp_path: Path
) -> None:
    hostile = tmp_path / "<img src=x onerror=alert(1)>.csv"
    hostile.write_bytes((SCREENING / "suppliers.csv").read_bytes())
    database = open_database(runs.url)
    other = screen_file(hostile, database).id
    database.close()
    html = runs.client.get(f"/screenings/{runs.first}/diff/{other}").text
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;.csv" in html
    assert "different input files" not in html  # same bytes, same checksum
