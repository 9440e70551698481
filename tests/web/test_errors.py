"""Every error in one model: the API answers ``{"error": {"status", "message"}}``,
a browser gets a page in the app's layout, and the status comes from the error's
class, never from its wording."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from laborwatch.errors import BadInput, LaborwatchError, NotFound, TooLarge
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.access import create_token
from laborwatch.web import create_app

LOCAL = "http://127.0.0.1:8000"
# What Firefox and Chromium send when a person follows a link or submits a form.
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
JSON = {"Accept": "application/json"}


@pytest.fixture
def app(local_app: FastAPI) -> FastAPI:
    return local_app


@pytest.fixture
def client(local: TestClient) -> TestClient:
    return local


@pytest.fixture
def team(sqlite_url: str) -> Iterator[tuple[TestClient, dict[str, str]]]:
    """The app once tokens exist: every request needs one."""
    settings = Settings(database_url=sqlite_url)
    database = open_database(settings.database_url)
    tokens = {
        role: create_token(database, f"{role}-user", role)
        for role in ("viewer", "editor")
    }
    database.close()
    with TestClient(create_app(settings), base_url=LOCAL) as client:
        yield client, tokens


def json_error(response: Response, status: int) -> str:
    """The message of an answer in the API's one error shape."""
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    message: str = body["error"]["message"]
    assert message
    return message


def html_error(response: Response, status: int) -> str:
    """The text of an error page, checked to be one in the app's own layout."""
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert f"<h1>{status} " in page
    assert '<a href="/" class="brand">laborwatch</a>' in page  # base.html's header
    assert '<a href="/">' in page  # the way back
    return page


def test_an_unknown_document_is_a_json_404_on_the_api_even_for_a_browser(
    client: TestClient,
) -> None:
    missing = client.get("/api/documents/abcdef12", headers=BROWSER)
    assert json_error(missing, 404) == "abcdef12: no such document"
    unknown = client.get("/api/no-such-route", headers=BROWSER)
    assert json_error(unknown, 404) == "/api/no-such-route: not found"


def test_an_unknown_document_is_an_html_404_for_a_browser(client: TestClient) -> None:
    page = html_error(client.get("/documents/abcdef12", headers=BROWSER), 404)
    assert "abcdef12: no such document" in page
    assert '<a href="/search">' in page


def test_an_unknown_route_is_an_html_404_for_a_browser(client: TestClient) -> None:
    page = html_error(client.get("/no-such-page", headers=BROWSER), 404)
    assert "/no-such-page: not found" in page


def test_a_page_error_is_json_for_a_client_that_does_not_ask_for_html(
    client: TestClient,
) -> None:
    missing = client.get("/documents/abcdef12", headers=JSON)
    assert json_error(missing, 404) == "abcdef12: no such document"
    unknown = client.get("/no-such-page", headers=JSON)
    assert json_error(unknown, 404) == "/no-such-page: not found"
    # text/html refused outright is not a browser asking for a page
    refused = client.get("/no-such-page", headers={"Accept": "text/html;q=0, */*"})
    json_error(refused, 404)


def test_the_status_comes_from_the_class_not_the_message(app: FastAPI) -> None:
    @app.get("/api/raise/{kind}")
    def raise_(kind: str) -> None:
        error = {
            "not-found": NotFound("x: gone"),
            "bad": BadInput("x: no such luck"),
            "base": LaborwatchError("x: no such luck"),
            "large": TooLarge("x: larger than 1 MB"),
        }[kind]
        raise error

    with TestClient(app, base_url=LOCAL) as client:
        assert json_error(client.get("/api/raise/not-found"), 404) == "x: gone"
        assert json_error(client.get("/api/raise/bad"), 400) == "x: no such luck"
        assert json_error(client.get("/api/raise/base"), 400) == "x: no such luck"
        json_error(client.get("/api/raise/large"), 413)


def test_the_api_asks_for_a_token_in_the_one_shape(
    team: tuple[TestClient, dict[str, str]],
) -> None:
    client, _ = team
    for headers in ({}, {"Authorization": "Bearer wrong"}, BROWSER):
        refused = client.get("/api/documents", headers=headers)
        assert json_error(refused, 401) == "a valid API token is required"
        # RFC 9110: a 401 names the scheme that would be accepted
        assert refused.headers["www-authenticate"] == "Bearer"


def test_a_viewer_is_refused_a_write_with_403_json_and_an_html_page(
    team: tuple[TestClient, dict[str, str]],
) -> None:
    client, tokens = team
    viewer = {"Authorization": f"Bearer {tokens['viewer']}"}
    upload = {"file": ("s.csv", b"name\nAcme\n", "text/csv")}
    refused = client.post("/api/screen", files=upload, headers=viewer)
    assert "needs the editor role" in json_error(refused, 403)
    client.get("/", headers=viewer)
    form = {"csrf": client.cookies["laborwatch_csrf"]}
    page = client.post("/screen", data=form, files=upload, headers=viewer | BROWSER)
    assert "needs the editor role" in html_error(page, 403)


def test_a_forged_form_is_forbidden(client: TestClient) -> None:
    forged = client.post(
        "/screen",
        data={"csrf": "guess"},
        files={"file": ("s.csv", b"name\nx\n", "text/csv")},
        headers=BROWSER,
    )
    assert "expired or forged" in html_error(forged, 403)


def test_a_bad_query_parameter_is_a_422_naming_it(client: TestClient) -> None:
    message = json_error(client.get("/api/documents", params={"limit": 0}), 422)
    assert message.startswith("limit:")
    page = client.get("/search", params={"q": "kiln", "offset": -1}, headers=BROWSER)
    assert "offset:" in html_error(page, 422)


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/search", {"published_from": "2024-13"}),
        ("/search", {"q": "kiln", "published_to": "2024-00"}),
        ("/api/search", {"q": "kiln", "published_from": "2024-02-30"}),
        ("/api/search", {"q": "kiln", "published_to": "0000"}),
        ("/api/risk-areas", {"since": "2024-13"}),
        ("/risk-areas", {"since": "2024-02-30"}),
        ("/risk-areas.csv", {"since": "2024-00"}),
    ],
)
def test_a_date_that_names_no_day_is_a_422_naming_it(
    client: TestClient, path: str, params: dict[str, str]
) -> None:
    (name, value), *_ = ((k, v) for k, v in params.items() if k != "q")
    message = json_error(client.get(path, params=params, headers=JSON), 422)
    assert message == f"{name}: not a date (YYYY, YYYY-MM or YYYY-MM-DD)", value


def test_a_wrong_method_on_the_api_is_a_405_in_the_one_shape(
    client: TestClient,
) -> None:
    # A JSON body passes the guard's CSRF check, so the request reaches routing.
    refused = client.post("/api/documents", json={})
    assert json_error(refused, 405) == "POST /api/documents: method not allowed"
    assert refused.headers["allow"] == "GET"


def test_an_error_page_escapes_the_message(client: TestClient) -> None:
    hostile = "<script>alert(1)</script>"
    for path in (f"/documents/{hostile}", f"/{hostile}"):
        page = client.get(path, headers=BROWSER)
        assert page.status_code in (400, 404)
        assert "<script>alert(1)" not in page.text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_a_browser_gets_an_oversized_upload_refusal_as_a_page(
    client: TestClient,
) -> None:
    headers = BROWSER | {"Content-Length": str(100 * 1024 * 1024)}
    refused = client.post("/screen", content=b"", headers=headers)
    assert "20 MB" in html_error(refused, 413)
    json_body = {"Content-Type": "application/json"}  # passes the CSRF check
    api = client.post("/api/screen", content=b"", headers=headers | json_body)
    assert "20 MB" in json_error(api, 413)


def test_a_country_to_match_with_must_be_one(client: TestClient) -> None:
    message = json_error(
        client.get("/api/match", params={"name": "Kim", "country": "zz"}), 422
    )
    assert message == "country: not a country code or name"
    found = client.get("/api/match", params={"name": "Kim", "country": "North Korea"})
    assert found.status_code == 200


def test_a_blank_date_in_the_risk_form_is_no_filter(client: TestClient) -> None:
    assert client.get("/risk-areas", params={"since": ""}).status_code == 200
