"""Pages in a real headless Chromium (Debian's, driven by Playwright), against the
app served on 127.0.0.1. Screenshots go to test-output/screenshots/."""

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from laborwatch.lists import load_list
from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from laborwatch.store.lists import save_list
from laborwatch.web import create_app
from tests.conftest import FIXTURES, REPORTS

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

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright not installed"
)
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def server(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str
) -> Iterator[str]:
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
def page(server: str) -> Iterator[object]:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on(
            "dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())
        )
        page.dialogs = dialogs  # type: ignore[attr-defined]
        # Chromium reports each thing the Content-Security-Policy blocked here.
        blocked: list[str] = []
        page.on(
            "console",
            lambda message: (
                blocked.append(message.text)
                if "Content Security Policy" in message.text
                else None
            ),
        )
        page.blocked = blocked  # type: ignore[attr-defined]
        requested: list[str] = []
        page.on("request", lambda request: requested.append(request.url))
        page.requested = requested  # type: ignore[attr-defined]
        yield page
        browser.close()


def test_search_then_open_a_document_with_highlighted_sentences(
    server: str, page
) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/")
    page.fill("input[name=q]", "passports")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("ol.hits li")
    assert "passports" in page.inner_text("ol.hits mark").lower()
    page.screenshot(path=str(SCREENSHOTS / "search.png"), full_page=True)
    page.click("ol.hits a >> text=Fishers held at sea")
    page.wait_for_selector("mark.evidence")
    highlighted = page.locator("mark.evidence").all_inner_texts()
    assert any("confiscated their passports" in text for text in highlighted)
    assert page.locator("mark.ind-retained_documents").count() >= 1
    assert "<br>" not in page.inner_text("article.text")  # line breaks are markup
    page.screenshot(path=str(SCREENSHOTS / "document.png"), full_page=True)


def test_hostile_document_renders_inert(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/search?q=kiln")
    page.click("ol.hits a >> text=Hostile page")
    page.wait_for_selector("article.text")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("article.text script").count() == 0
    assert page.locator("article.text img").count() == 0
    assert "<script>window.pwned = 1</script>" in page.inner_text("article.text")
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.screenshot(path=str(SCREENSHOTS / "hostile.png"), full_page=True)


def test_upload_a_supplier_file_and_read_its_results(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/screen")
    page.set_input_files(
        "input[type=file]", str(FIXTURES / "screening" / "suppliers.csv")
    )
    page.click("button[type=submit]")
    page.wait_for_url("**/screenings/*", timeout=30000)
    page.wait_for_selector("#results")
    rows = page.locator("#results tr").all_inner_texts()
    assert any("Taesong Bank" in row and "high" in row for row in rows)
    assert any("Clean Paper GmbH" in row and "none" in row for row in rows)
    page.screenshot(path=str(SCREENSHOTS / "screening.png"), full_page=True)
    page.click("#results a >> nth=0")
    page.wait_for_selector("h1")
    assert "Evidence pack" in page.inner_text("h1")
    # The pack's own stylesheet is allowed by its hash.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.level')).color")
        == "rgb(255, 255, 255)"
    )
    assert page.blocked == []  # type: ignore[attr-defined]


def test_past_screenings_list_and_filter_by_level(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/screen")
    page.set_input_files(
        "input[type=file]", str(FIXTURES / "screening" / "suppliers.csv")
    )
    page.click("button[type=submit]")
    page.wait_for_url("**/screenings/*", timeout=30000)
    page.click("nav.top >> text=Screenings")
    page.wait_for_selector("#screenings")
    newest = page.locator("#screenings tr >> nth=1").inner_text()
    assert "suppliers.csv" in newest and "UTC" in newest
    assert "us_ofac_sdn" in newest
    page.screenshot(path=str(SCREENSHOTS / "screenings.png"), full_page=True)
    page.click("#screenings tr >> nth=1 >> td >> nth=6 >> a")  # the high count
    page.wait_for_selector("#results")
    assert "level=high" in page.url
    levels = page.locator("#results tr td .level").all_inner_texts()
    assert levels and set(levels) == {"high"}
    page.screenshot(path=str(SCREENSHOTS / "screening-high.png"), full_page=True)
    assert page.blocked == []  # type: ignore[attr-defined]


def test_map_draws_countries_from_bundled_boundaries(server: str, page) -> None:  # type: ignore[no-untyped-def]
    page.goto(server + "/map")
    page.wait_for_selector("#map path.country")
    assert page.locator("#map path.country").count() > 150
    page.screenshot(path=str(SCREENSHOTS / "map.png"), full_page=True)


def test_pages_run_under_the_policy_and_load_nothing_from_outside(
    server: str, page
) -> None:  # type: ignore[no-untyped-def]
    page.requested.clear()
    page.goto(server + "/")
    bars = page.locator("#indicator-chart svg.bar rect")
    assert bars.count() >= 1
    assert float(bars.first.get_attribute("width")) > 0
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path")
    assert "/api/screen" in page.locator(".opblock-summary-path").all_inner_texts()
    page.screenshot(path=str(SCREENSHOTS / "api-docs.png"))
    page.goto(server + "/map")
    page.wait_for_selector("#map path.country")
    assert page.blocked == []  # type: ignore[attr-defined]
    assert all(url.startswith(server) for url in page.requested), page.requested


def test_api_docs_try_it_out_can_write(server: str, page) -> None:  # type: ignore[no-untyped-def]
    # Swagger UI sends the CSRF token with a write, so the local API accepts it.
    page.goto(server + "/docs")
    page.wait_for_selector(".opblock-summary-path")
    answer = page.evaluate(
        """async () => {
            const form = new FormData();
            form.append("file", new Blob(["name\\nAcme\\n"]), "s.csv");
            const request = window.ui.getConfigs().requestInterceptor(
                {url: "/api/screen", method: "POST", headers: {}, body: form});
            const response = await fetch(request.url,
                {method: "POST", headers: request.headers, body: form});
            return response.status;
        }"""
    )
    assert answer == 202
