"""The web app under hostile requests: a foreign Host (DNS rebinding), cross-site
writes, framing and sniffing, oversized uploads, and lists changed while it runs."""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from laborwatch.lists import load_list
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.access import create_token
from laborwatch.store.lists import remove_list, save_list
from laborwatch.web import create_app
from laborwatch.web.jobs import MAX_UPLOAD_BYTES
from tests.conftest import FIXTURES, run_cli

LOCAL = "http://127.0.0.1:8000"
SUPPLIERS = FIXTURES / "screening" / "suppliers.csv"


def csrf_of(client: TestClient) -> str:
    """The CSRF cookie the app gives a browser on its first page."""
    client.get("/")
    token = client.cookies.get("laborwatch_csrf")
    assert token
    return token


def upload() -> dict[str, Any]:
    return {"file": ("suppliers.csv", SUPPLIERS.read_bytes(), "text/csv")}


# Host: DNS rebinding points a hostile name at 127.0.0.1; the Host header names it.


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""]
)
def test_a_foreign_host_is_refused_in_the_one_error_shape(
    local: TestClient, host: str
) -> None:
    refused = local.get("/api/stats", headers={"Host": host})
    assert refused.status_code == 400
    error = refused.json()["error"]
    assert error["status"] == 400 and "host" in error["message"].lower()
    assert local.get("/", headers={"Host": host}).status_code == 400


@pytest.mark.parametrize(
    "host", ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000", "::1"]
)
def test_loopback_hosts_are_served(local: TestClient, host: str) -> None:
    assert local.get("/api/stats", headers={"Host": host}).status_code == 200


def test_configured_host_names_are_served(sqlite_url: str) -> None:
    settings = Settings(database_url=sqlite_url, allowed_hosts=("lw.example.org",))
    app = create_app(settings, allowed_hosts=["team.example.org"])
    with TestClient(app, base_url="http://lw.example.org") as client:
        assert client.get("/api/stats").status_code == 200
        assert (
            client.get("/api/stats", headers={"Host": "team.example.org"}).status_code
            == 200
        )
        assert (
            client.get("/api/stats", headers={"Host": "other.example"}).status_code
            == 400
        )


def test_allowed_hosts_come_from_the_environment() -> None:
    settings = Settings.from_env(
        {"LABORWATCH_ALLOWED_HOSTS": " lw.example.org, Team.Example.org ,"}
    )
    assert settings.allowed_hosts == ("lw.example.org", "team.example.org")


# Cross-site writes: without a bearer token, a state-changing API call must prove it
# comes from the app's own pages (the CSRF token) or be one a browser preflights.


def test_api_upload_without_token_or_csrf_is_refused(local: TestClient) -> None:
    refused = local.post("/api/screen", files=upload())
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert error["status"] == 403 and "X-CSRF-Token" in error["message"]
    assert local.get("/api/screenings").json()["screenings"] == []


def test_api_upload_with_a_wrong_csrf_token_is_refused(local: TestClient) -> None:
    csrf_of(local)
    refused = local.post(
        "/api/screen", files=upload(), headers={"X-CSRF-Token": "guess"}
    )
    assert refused.status_code == 403


def test_api_upload_with_the_csrf_token_is_accepted(local: TestClient) -> None:
    token = csrf_of(local)
    started = local.post("/api/screen", files=upload(), headers={"X-CSRF-Token": token})
    assert started.status_code == 202


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "http://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://[::1"},  # does not parse: refused, not a 500
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
)
def test_cross_site_writes_are_refused_even_with_the_token(
    local: TestClient, headers: dict[str, str]
) -> None:
    token = csrf_of(local)
    refused = local.post(
        "/api/screen",
        files=upload(),
        headers={"X-CSRF-Token": token, **headers},
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["status"] == 403
    form = local.post("/screen", data={"csrf": token}, files=upload(), headers=headers)
    assert form.status_code == 403


def test_same_origin_writes_pass_the_origin_check(local: TestClient) -> None:
    token = csrf_of(local)
    started = local.post(
        "/api/screen",
        files=upload(),
        headers={
            "X-CSRF-Token": token,
            "Origin": LOCAL,
            "Sec-Fetch-Site": "same-origin",
        },
    )
    assert started.status_code == 202


def test_a_json_write_needs_no_csrf_token(local: TestClient) -> None:
    # A browser preflights a cross-origin JSON body, and the app grants no CORS.
    answered = local.post("/api/screen", json={"file": "x"})
    assert answered.status_code != 403


def test_a_bearer_token_write_needs_no_csrf_token(sqlite_url: str) -> None:
    settings = Settings(database_url=sqlite_url)
    database = open_database(settings.database_url)
    token = create_token(database, "amina", "editor")
    database.close()
    with TestClient(create_app(settings), base_url=LOCAL) as client:
        started = client.post(
            "/api/screen",
            files=upload(),
            headers={"Authorization": f"Bearer {token}"},
        )
    assert started.status_code == 202


# Headers every answer carries, and pages with no inline script to allow.

PATHS = ["/", "/screen", "/map", "/docs", "/api/stats", "/static/style.css", "/nope"]


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(
    local: TestClient, path: str
) -> None:
    headers = local.get(path).headers
    policy = headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]*)", policy)
    assert script_src and "'unsafe-inline'" not in script_src.group(1)
    assert "'unsafe-eval'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/", "/screen", "/map", "/docs", "/login"])
def test_pages_have_no_inline_script_or_style(local: TestClient, path: str) -> None:
    html = local.get(path).text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert not re.search(r"<script\b[^>]*>\s*[^<\s]", html)  # no code between tags
    assert not re.search(r"\son[a-z]+\s*=", html)  # no event handler attributes
    assert " style=" not in html and "<style" not in html


def test_docs_load_nothing_from_the_internet(local: TestClient) -> None:
    html = local.get("/docs").text
    assert "swagger-ui" in html
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", html)
    for asset in re.findall(r"(?:src|href)=\"(/static/[^\"]+)\"", html):
        assert local.get(asset).status_code == 200, asset


# Cookies and signing out.


@pytest.fixture
def team_app(sqlite_url: str) -> tuple[FastAPI, str]:
    settings = Settings(database_url=sqlite_url)
    database = open_database(settings.database_url)
    token = create_token(database, "amina", "editor")
    database.close()
    return create_app(settings), token


def test_the_token_cookie_is_httponly_and_strict(
    team_app: tuple[FastAPI, str],
) -> None:
    app, token = team_app
    with TestClient(app, base_url=LOCAL) as client:
        signed_in = client.post("/login", data={"token": token}, follow_redirects=False)
    cookie = signed_in.headers["set-cookie"].lower()
    assert "laborwatch_token=" in cookie
    assert "httponly" in cookie and "samesite=strict" in cookie
    assert "secure" not in cookie  # plain HTTP on loopback: a Secure cookie is lost


def test_the_token_cookie_is_secure_over_tls(team_app: tuple[FastAPI, str]) -> None:
    app, token = team_app
    with TestClient(app, base_url="https://127.0.0.1:8443") as client:
        signed_in = client.post("/login", data={"token": token}, follow_redirects=False)
        csrf = client.get("/").headers.get("set-cookie", "")
    assert "secure" in signed_in.headers["set-cookie"].lower()
    assert "laborwatch_csrf=" in csrf and "secure" in csrf.lower()


def test_sign_out_clears_the_token_cookie(team_app: tuple[FastAPI, str]) -> None:
    app, token = team_app
    with TestClient(app, base_url=LOCAL) as client:
        client.post("/login", data={"token": token})
        page = client.get("/").text
        assert 'action="/logout"' in page
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf
        forged = client.post("/logout", data={"csrf": "guess"}, follow_redirects=False)
        assert forged.status_code == 403
        assert client.get("/", follow_redirects=False).status_code == 200
        out = client.post(
            "/logout", data={"csrf": csrf.group(1)}, follow_redirects=False
        )
        assert out.status_code == 303 and out.headers["location"] == "/login"
        assert "laborwatch_token" not in client.cookies
        assert client.get("/", follow_redirects=False).status_code == 303


def test_a_malformed_csrf_cookie_is_replaced_not_echoed(local: TestClient) -> None:
    local.cookies.set("laborwatch_csrf", '"><script>x</script>')
    answer = local.get("/screen")
    assert "<script>x" not in answer.text
    assert "laborwatch_csrf=" in answer.headers["set-cookie"]


def test_no_sign_out_button_without_a_token_cookie(local: TestClient) -> None:
    assert 'action="/logout"' not in local.get("/").text


# Uploads over the limit are refused before they are read in full.


class Body:
    """An ASGI ``receive`` that sends ``total`` bytes in 1 MiB chunks, the first
    opening a multipart file part, and counts what it sent."""

    CHUNK = b"x" * (1024 * 1024)
    HEAD = (
        b"--lwboundary\r\n"
        b'Content-Disposition: form-data; name="file"; filename="big.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n"
    )

    def __init__(self, total: int) -> None:
        self.total = total
        self.sent = 0

    async def __call__(self) -> dict[str, Any]:
        size = min(len(self.CHUNK), self.total - self.sent)
        chunk = (self.HEAD + self.CHUNK)[:size] if self.sent == 0 else self.CHUNK[:size]
        self.sent += size
        return {
            "type": "http.request",
            "body": chunk,
            "more_body": self.sent < self.total,
        }


def call(
    app: FastAPI, path: str, body: Body, headers: dict[str, str]
) -> tuple[int, dict[str, str], bytes]:
    """POST ``body`` to ``path`` through the whole ASGI app; the answer."""
    answer: dict[str, Any] = {"body": b""}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
            answer["headers"] = {
                k.decode().lower(): v.decode() for k, v in message["headers"]
            }
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }
    asyncio.run(app(scope, body, send))
    return answer["status"], answer["headers"], answer["body"]


BOUNDARY = "lwboundary"
MULTIPART = {
    "host": "127.0.0.1:8000",
    "content-type": f"multipart/form-data; boundary={BOUNDARY}",
    "x-csrf-token": "t",
    "cookie": "laborwatch_csrf=t",
}
OVER = MAX_UPLOAD_BYTES + 10 * 1024 * 1024


@pytest.mark.parametrize("path", ["/api/screen", "/screen"])
def test_a_declared_oversized_upload_is_refused_unread(
    local_app: FastAPI, path: str
) -> None:
    body = Body(OVER)
    # What a browser sends with a form; a script asking for */* gets JSON.
    browser = {"accept": "text/html,*/*;q=0.8", "content-length": str(OVER)}
    status, headers, content = call(local_app, path, body, {**MULTIPART, **browser})
    assert status == 413
    assert body.sent == 0
    if path.startswith("/api/"):
        assert b'"status":413' in content.replace(b" ", b"")
    else:
        assert headers["content-type"].startswith("text/html")
        assert b"20 MB" in content


@pytest.mark.parametrize("path", ["/api/screen", "/screen"])
def test_a_streamed_oversized_upload_stops_at_the_limit(
    local_app: FastAPI, path: str
) -> None:
    body = Body(OVER)
    status, _, content = call(local_app, path, body, MULTIPART)
    assert status == 413
    assert body.sent <= MAX_UPLOAD_BYTES + 2 * len(Body.CHUNK)
    assert b"20 MB" in content


def test_an_upload_under_the_limit_is_read(local_app: FastAPI) -> None:
    data = SUPPLIERS.read_bytes()
    payload = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; '
            f'filename="suppliers.csv"\r\nContent-Type: text/csv\r\n\r\n'
        ).encode()
        + data
        + f"\r\n--{BOUNDARY}--\r\n".encode()
    )

    class Payload(Body):
        HEAD = b""
        CHUNK = payload

    status, _, _ = call(
        local_app,
        "/api/screen",
        Payload(len(payload)),
        {**MULTIPART, "content-length": str(len(payload))},
    )
    assert status == 202


# Lists loaded or removed while the app runs.

NAME = "Korea Daesong Bank"  # in tests/fixtures/lists/ofac


def test_matching_follows_lists_loaded_and_removed_while_serving(
    database_url: str,
) -> None:
    settings = Settings(database_url=database_url)
    with TestClient(create_app(settings), base_url=LOCAL) as client:
        assert client.get("/api/match", params={"name": NAME}).json()["hits"] == []
        database = open_database(database_url)
        try:
            save_list(database, load_list(FIXTURES / "lists" / "ofac"))
            hits = client.get("/api/match", params={"name": NAME}).json()
            assert hits["hits"] and hits["hits"][0]["list"] == "us_ofac_sdn"
            entity = client.get(f"/api/entities/{NAME}").json()
            assert entity["list_hits"]
            remove_list(database, "us_ofac_sdn")
        finally:
            database.close()
        assert client.get("/api/match", params={"name": NAME}).json()["hits"] == []
        assert client.get(f"/api/entities/{NAME}").json()["list_hits"] == []


# serve: TLS files and allowed names reach uvicorn and the app.


def test_serve_refuses_a_missing_certificate_in_one_line(
    sqlite_url: str, tmp_path: Path
) -> None:
    result = run_cli(
        "--db",
        sqlite_url,
        "serve",
        "--certfile",
        str(tmp_path / "missing.pem"),
        "--keyfile",
        str(tmp_path / "missing.key"),
    )
    assert result.returncode == 1
    assert "missing.pem" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_serve_needs_both_certificate_and_key(sqlite_url: str, tmp_path: Path) -> None:
    cert = tmp_path / "cert.pem"
    cert.write_text("not really")
    result = run_cli("--db", sqlite_url, "serve", "--certfile", str(cert))
    assert result.returncode == 1
    assert "--keyfile" in result.stderr


def test_serve_refuses_a_file_that_is_no_certificate(
    sqlite_url: str, tmp_path: Path
) -> None:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert.write_text("not really")
    key.write_text("not really")
    result = run_cli(
        "--db", sqlite_url, "serve", "--certfile", str(cert), "--keyfile", str(key)
    )
    assert result.returncode == 1
    assert "cert.pem" in result.stderr and "not a TLS certificate" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A throwaway certificate and key for 127.0.0.1, made by openssl."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-keyout", str(key), "-out", str(cert), "-days", "1",
            "-subj", "/CN=127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


def test_serve_passes_tls_and_allowed_hosts_on(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn
    from typer.testing import CliRunner

    from laborwatch.cli import app as cli

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(
        uvicorn, "run", lambda app, **kwargs: calls.append({"app": app, **kwargs})
    )
    cert, key = self_signed(tmp_path)
    result = CliRunner().invoke(
        cli,
        [
            "--db",
            sqlite_url,
            "serve",
            "--certfile",
            str(cert),
            "--keyfile",
            str(key),
            "--allowed-host",
            "lw.example.org",
        ],
    )
    assert result.exit_code == 0, result.output
    (served,) = calls
    assert (served["ssl_certfile"], served["ssl_keyfile"]) == (str(cert), str(key))
    with TestClient(served["app"], base_url="https://lw.example.org") as client:
        assert client.get("/api/stats").status_code == 200
        assert (
            client.get("/api/stats", headers={"Host": "evil.example"}).status_code
            == 400
        )


def test_an_internal_error_answers_500_with_the_security_headers(
    local_app: FastAPI,
) -> None:
    @local_app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("boom")

    with TestClient(local_app, base_url=LOCAL, raise_server_exceptions=False) as client:
        answer = client.get("/api/boom")
    assert answer.status_code == 500
    assert answer.json()["error"]["status"] == 500
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"


def test_a_non_ascii_csrf_token_is_refused_not_a_crash(local: TestClient) -> None:
    csrf_of(local)
    answer = local.post(
        "/api/screen",
        files={"file": ("s.csv", SUPPLIERS.read_bytes(), "text/csv")},
        headers={"X-CSRF-Token": b"\xe9" * 20},
    )
    assert answer.status_code == 403
    page = local.post("/logout", data={"csrf": "é" * 20})
    assert page.status_code in (400, 403)
