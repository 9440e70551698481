"""Pages in a real headless Chromium (Debian's, driven by Playwright), against the
app served on 127.0.0.1. Screenshots go to test-output/screenshots/."""

from collections.abc import Iterator

import pytest

from laborwatch.pipeline import ingest_paths
from laborwatch.settings import Settings
from laborwatch.store import open_database
from tests.conftest import FIXTURES
from tests.web.conftest import SCREENSHOTS, require_chromium

require_chromium()


@pytest.fixture(scope="module")
def page(server: str, browser) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
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
    context.close()


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


def test_map_fetches_no_provinces_when_no_report_names_one(server: str, page) -> None:  # type: ignore[no-untyped-def]
    # The server's two reports name countries only: the 1 MB file stays put.
    page.requested.clear()
    page.goto(server + "/map")
    page.wait_for_selector("#map path.country")
    page.wait_for_load_state("networkidle")
    assert page.locator("#map path.province").count() == 0
    assert not [u for u in page.requested if u.endswith("/admin1.json")]


def test_a_named_province_is_shaded_and_reached_by_keyboard(
    server: str, module_database_url: str, page
) -> None:  # type: ignore[no-untyped-def]
    # Last in this module: the report adds South Pyongan (KP-02) for good.
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    ingest_paths(
        [str(FIXTURES / "screening" / "evidence-report.txt")], database, settings
    )
    database.close()
    page.goto(server + "/map")
    page.wait_for_selector("#map path.province")
    link = page.locator('#map a[href="/search?subdivision=KP-02"]')
    assert link.count() == 1
    assert link.locator("path.province").get_attribute("d")
    assert "South Pyongan" in link.get_attribute("aria-label")
    assert page.locator("#map-subdivisions a", has_text="South Pyongan").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "map-provinces.png"), full_page=True)
    link.focus()
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "/search?subdivision=KP-02"
    page.keyboard.press("Enter")
    page.wait_for_url("**/search?subdivision=KP-02")
    assert "Girls polish gems" in page.content()
    # The risk register's map shades it too, linking to its rows.
    page.goto(server + "/risk-areas")
    page.wait_for_selector("#risk-map path.province")
    rows = page.locator('#risk-map a[href="/risk-areas?subdivision=KP-02"]')
    assert rows.count() == 1
    page.screenshot(path=str(SCREENSHOTS / "risk-areas-provinces.png"), full_page=True)
    rows.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/risk-areas?subdivision=KP-02")
    assert page.locator("#risk-rows tr.risk-row").count() >= 1
    assert page.blocked == []  # type: ignore[attr-defined]
