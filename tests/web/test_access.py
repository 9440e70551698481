"""Tokens and roles when the app is served to a team."""

import json
import time

import pytest
from fastapi.testclient import TestClient

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.access import create_token
from laborwatch.web import create_app
from tests.conftest import FIXTURES, REPORTS, run_cli


@pytest.fixture
def team(database_url: str) -> tuple[TestClient, dict[str, str]]:
    settings = Settings(database_url=database_url)
    database = open_database(settings.database_url)
    ingest_paths([str(REPORTS / "article.html")], database, settings)
    tokens = {
        role: create_token(database, f"{role}-user", role)
        for role in ("viewer", "editor", "admin")
    }
    database.close()
    return TestClient(create_app(settings), base_url="http://127.0.0.1:8000"), tokens


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_tokens_are_required_once_any_exists(team) -> None:  # type: ignore[no-untyped-def]
    client, tokens = team
    assert client.get("/api/documents").status_code == 401
    assert client.get("/api/documents", headers=auth("wrong")).status_code == 401
    assert client.get("/", follow_redirects=False).headers["location"] == "/login"
    assert (
        client.get("/api/documents", headers=auth(tokens["viewer"])).status_code == 200
    )


def test_viewers_read_but_do_not_write_or_see_sources(team) -> None:  # type: ignore[no-untyped-def]
    client, tokens = team
    listed = client.get("/api/documents", headers=auth(tokens["viewer"])).json()[
        "documents"
    ]
    assert all(document["source"] is None for document in listed)
    as_editor_listed = client.get(
        "/api/documents", headers=auth(tokens["editor"])
    ).json()["documents"]
    assert all(document["source"] for document in as_editor_listed)
    shown = client.get(
        f"/api/documents/{listed[0]['id']}", headers=auth(tokens["viewer"])
    ).json()
    assert "location" not in shown["sources"][0]
    as_editor = client.get(
        f"/api/documents/{listed[0]['id']}", headers=auth(tokens["editor"])
    ).json()
    assert as_editor["sources"][0]["location"].endswith("article.html")
    upload = {"file": ("s.csv", b"name\nAcme\n", "text/csv")}
    refused = client.post("/api/screen", files=upload, headers=auth(tokens["viewer"]))
    assert refused.status_code == 403
    assert "needs the editor role" in refused.json()["error"]["message"]


def test_writes_are_logged_with_who_and_when(team) -> None:  # type: ignore[no-untyped-def]
    client, tokens = team
    with (FIXTURES / "screening" / "suppliers.csv").open("rb") as file:
        started = client.post(
            "/api/screen",
            files={"file": ("suppliers.csv", file, "text/csv")},
            headers=auth(tokens["editor"]),
        )
    assert started.status_code == 202
    job = started.json()["id"]
    deadline = time.monotonic() + 30
    while (
        client.get(f"/api/screen/{job}", headers=auth(tokens["editor"])).json()[
            "status"
        ]
        == "running"
    ):  # let it finish before the database is dropped
        assert time.monotonic() < deadline
        time.sleep(0.1)
    assert client.get("/api/audit", headers=auth(tokens["editor"])).status_code == 403
    (entry,) = client.get("/api/audit", headers=auth(tokens["admin"])).json()["log"]
    assert (entry["who"], entry["action"], entry["detail"]["file"]) == (
        "editor-user",
        "screen",
        "suppliers.csv",
    )
    assert entry["at"]


def test_login_sets_a_cookie_for_the_pages(team) -> None:  # type: ignore[no-untyped-def]
    client, tokens = team
    assert client.post("/login", data={"token": "nope"}).status_code == 401
    signed_in = client.post(
        "/login", data={"token": tokens["viewer"]}, follow_redirects=False
    )
    assert signed_in.status_code == 303
    assert client.get("/").status_code == 200


def test_serving_beyond_localhost_needs_tokens(database_url: str) -> None:
    result = run_cli("--db", database_url, "serve", "--host", "0.0.0.0")
    assert result.returncode == 1
    assert "needs API tokens" in result.stderr


def test_tokens_cli(database_url: str) -> None:
    added = run_cli("--db", database_url, "tokens", "add", "amina", "--role", "editor")
    assert added.returncode == 0
    assert len(added.stdout.strip()) >= 40
    listed = run_cli("--db", database_url, "tokens", "list", "--json").stdout
    assert '"role": "editor"' in listed and added.stdout.strip() not in listed
    assert (
        run_cli("--db", database_url, "tokens", "add", "x", "--role", "boss").returncode
        == 1
    )


def test_a_token_for_an_empty_name_is_refused(database_url: str) -> None:
    for name in ("", "   "):
        added = run_cli("--db", database_url, "tokens", "add", name)
        assert (added.returncode, added.stderr) == (
            1,
            "Error: a token's holder needs a name, not an empty one\n",
        )
        assert added.stdout == ""
    listed = run_cli("--db", database_url, "tokens", "list", "--json")
    assert json.loads(listed.stdout) == {"tokens": []}
