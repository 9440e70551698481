"""Fixtures the web tests share: an app in a TestClient, and the app served on
127.0.0.1 for a real headless Chromium (Debian's, driven by Playwright)."""

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from laborwatch.lists import load_list
from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.web import create_app
from tests.conftest import FIXTURES, REPORTS

LOCAL = "http://127.0.0.1:8000"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HOSTILE = (
    "Hostile page\n\n"
    "Workers were beaten <script>window.pwned = 1</script> at the kiln.\n\n"
    '<img src=x onerror="window.pwned = 2"> The owner kept their passports.\n'
)


@pytest.fixture
def local_app(sqlite_url: str) -> FastAPI:
    """The app as ``laborwatch serve`` runs it on 127.0.0.1: open, no tokens, one
    article stored."""
    settings = Settings(database_url=sqlite_url)
    database = open_database(settings.database_url)
    ingest_paths([str(REPORTS / "article.html")], database, settings)
    database.close()
    return create_app(settings)


@pytest.fixture
def local(local_app: FastAPI) -> Iterator[TestClient]:
    with TestClient(local_app, base_url=LOCAL) as client:
        yield client


def require_chromium() -> ModuleType:
    """Playwright's sync API; skips the calling test module, at import, where
    Playwright or Debian's chromium is missing."""
    api = pytest.importorskip("playwright.sync_api", reason="Playwright not installed")
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)",
            allow_module_level=True,
        )
    return api


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> Iterator[str]:
    """The app served by uvicorn on a free port of 127.0.0.1, over two reports
    (one hostile), the OFAC fixture list and the DOL goods list."""
    import uvicorn

    folder = tmp_path_factory.mktemp("browser")
    (folder / "reports").mkdir()
    (folder / "reports" / "hostile.txt").write_text(HOSTILE)
    shutil.copy(REPORTS / "article.html", folder / "reports" / "article.html")
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    ingest_paths([str(folder / "reports")], database, settings)
    save_list(database, load_list(FIXTURES / "lists" / "ofac"))
    save_list(database, load_list(FIXTURES / "screening" / "dol-goods.xml"))
    database.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's headless Chromium, launched once per module."""
    playwright_api = require_chromium()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()
