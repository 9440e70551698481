"""Every page checked by axe-core in a real headless Chromium, and the ways through
the app by keyboard alone: the skip link, the navigation, the search form, the map.

axe-core is vendored for the tests (tests/web/vendor, with its licence and origin);
the app never serves it. Screenshots go to test-output/screenshots/.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from laborwatch.pipeline import ingest_paths
from laborwatch.screen import screen_file
from laborwatch.settings import Settings
from laborwatch.store import open_database
from tests.conftest import FIXTURES
from tests.web.conftest import SCREENSHOTS, require_chromium

require_chromium()


class Page(NamedTuple):
    """A page to check: its name (the test id and the screenshot's), its path (with
    ``{document}``, ``{entity}``, ``{screening}`` or ``{pack}`` standing for one
    found in the stored data), and CSS selectors axe leaves out, each with why."""

    name: str
    path: str
    exclude: tuple[str, ...] = ()


# One list of every page; a new page is one more line.
PAGES = [
    Page("dashboard", "/"),
    Page("search", "/search?q=passports"),
    Page("document", "{document}"),
    Page("map", "/map"),
    Page("incidents", "/incidents"),
    Page("risk-areas", "/risk-areas"),
    Page("entity", "{entity}"),
    Page("screen", "/screen"),
    Page("screenings", "/screenings"),
    Page("watch", "/watch"),
    Page("screening", "/screenings/{screening}"),
    # A run against itself: the page with its form and summary, nothing changed.
    Page("screening-diff", "/screenings/{screening}/diff/{screening}"),
    Page("evidence-pack", "{pack}"),
    Page("login", "/login"),
    Page("not-found", "/no-such-page"),
    # Swagger UI is vendored third-party code: its operation headers are buttons
    # holding other controls (nested-interactive) and its method badges are white
    # on light colours (color-contrast). Our own frame around it is still checked.
    Page("api-docs", "/docs", exclude=("#swagger-ui",)),
]
SCREENING = FIXTURES / "screening"
AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_RULES = ["wcag2a", "wcag2aa", "best-practice"]
BLOCKING = ("serious", "critical")
# Set once each page's own script has drawn what it draws.
READY = {"/map": "#map path.country", "/docs": ".opblock-summary-path"}
NAVIGATION = ["Incidents", "Map", "Risk areas", "Screen", "Screenings"]


@pytest.fixture(scope="module")
def tab(browser: Any) -> Iterator[Any]:
    """One browser tab for the module."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def screening(
    server: str, module_database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> int:
    """A stored screening of the supplier fixture, after a report naming a place in
    North Korea joins the server's two: so the map and the dashboard have a country
    to show, and the screening has evidence to quote."""
    settings = Settings(database_url=module_database_url)
    database = open_database(settings.database_url)
    ingest_paths([str(SCREENING / "evidence-report.txt")], database, settings)
    folder = tmp_path_factory.mktemp("upload")
    shutil.copy(SCREENING / "suppliers.csv", folder / "suppliers.csv")
    stored = screen_file(folder / "suppliers.csv", database).id
    database.close()
    return stored


@pytest.fixture(scope="module")
def places(server: str, tab: Any, screening: int) -> dict[str, str]:
    """Paths of a stored document, an actor, a screening and one evidence pack, as
    a user reaches them: by following the app's own links."""
    tab.goto(server + "/search?q=passports")
    document = tab.get_attribute("ol.hits a >> text=Fishers held at sea", "href")
    tab.goto(server + document.split("#")[0])
    entity = tab.get_attribute("a[href^='/entities/']", "href")
    tab.goto(f"{server}/screenings/{screening}")
    pack = tab.get_attribute("#results a[href*='/rows/']:not([href$='.pdf'])", "href")
    return {
        "document": document.split("#")[0],
        "entity": entity,
        "screening": str(screening),
        "pack": pack,
    }


def violations(tab: Any, exclude: tuple[str, ...]) -> list[dict[str, Any]]:
    """axe's violations on the page open in ``tab``.

    ``page.evaluate`` runs the script through the DevTools protocol, which the
    page's Content-Security-Policy does not govern: the policy stays as users get
    it (a <script> tag would be refused), and the check sees the page they see."""
    tab.evaluate(AXE.read_text(encoding="utf-8"))
    context = {"include": [["html"]], "exclude": [[s] for s in exclude]}
    options = {"runOnly": {"type": "tag", "values": AXE_RULES}}
    result = tab.evaluate(
        "([context, options]) => axe.run(context, options)", [context, options]
    )
    return list(result["violations"])


def describe(found: list[dict[str, Any]]) -> str:
    """One line per violation: rule, impact, help and the first targets."""
    lines = []
    for violation in found:
        targets = [" ".join(node["target"]) for node in violation["nodes"][:3]]
        lines.append(
            f"{violation['id']} ({violation['impact']}): {violation['help']}; "
            f"{len(violation['nodes'])} element(s), e.g. {targets}"
        )
    return "\n".join(lines)


@pytest.mark.parametrize("checked", PAGES, ids=[page.name for page in PAGES])
def test_page_has_no_serious_accessibility_violations(
    server: str, tab: Any, places: dict[str, str], checked: Page
) -> None:
    path = checked.path.format(**places)
    tab.goto(server + path)
    ready = READY.get(path.split("?")[0])
    if ready:
        tab.wait_for_selector(ready)
    tab.screenshot(path=str(SCREENSHOTS / f"a11y-{checked.name}.png"), full_page=True)
    found = violations(tab, checked.exclude)
    blocking = [v for v in found if v["impact"] in BLOCKING]
    if blocking:
        pytest.fail(f"{path}:\n{describe(blocking)}", pytrace=False)


def test_axe_runs_under_the_pages_policy(server: str, tab: Any) -> None:
    # The check must not loosen the page: an injected inline script stays refused.
    tab.goto(server + "/")
    violations(tab, ())
    tab.evaluate(
        """() => { const s = document.createElement("script");
                   s.textContent = "window.injected = 1";
                   document.head.appendChild(s); }"""
    )
    assert tab.evaluate("window.injected") is None
    assert tab.evaluate("typeof window.axe") == "object"


def focused(tab: Any) -> dict[str, Any]:
    """What has the keyboard focus: tag, text, href, its box, its outline, and the
    colour the outline is drawn on (the first background just left of the box,
    where the outline falls: a skip link's is the header it lies over)."""
    return dict(
        tab.evaluate(
            """() => {
                const e = document.activeElement;
                const style = getComputedStyle(e);
                const box = e.getBoundingClientRect();
                const y = box.top + box.height / 2;
                const under = document.elementsFromPoint(Math.max(box.left - 3, 0), y)
                    .map((u) => getComputedStyle(u).backgroundColor)
                    .find((c) => c !== "rgba(0, 0, 0, 0)");
                return {tag: e.tagName.toLowerCase(), text: e.textContent.trim(),
                        href: e.getAttribute("href"), name: e.getAttribute("name"),
                        id: e.id, outline: style.outlineStyle,
                        outlineWidth: parseFloat(style.outlineWidth),
                        outlineColor: style.outlineColor,
                        backdrop: under || "rgb(255, 255, 255)",
                        width: box.width, height: box.height,
                        inView: box.top >= 0 && box.left >= 0 &&
                                box.bottom <= innerHeight && box.right <= innerWidth};
            }"""
        )
    )


def press_tab(tab: Any) -> dict[str, Any]:
    tab.keyboard.press("Tab")
    return focused(tab)


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two CSS ``rgb(...)`` colours."""

    def luminance(colour: str) -> float:
        channels = [float(c) / 255 for c in re.findall(r"[\d.]+", colour)[:3]]
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in channels
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def assert_focus_visible(element: dict[str, Any]) -> None:
    """Outlined at least 2px wide, at 3:1 against what lies around it (WCAG 1.4.11
    for a focus indicator), and on screen."""
    assert element["outline"] != "none" and element["outlineWidth"] >= 2, element
    ratio = contrast(element["outlineColor"], element["backdrop"])
    assert ratio >= 3, (ratio, element)
    assert element["width"] > 1 and element["height"] > 1 and element["inView"], element


def test_tab_reaches_skip_link_then_navigation_in_order(server: str, tab: Any) -> None:
    tab.goto(server + "/incidents")
    skip = press_tab(tab)
    assert (skip["text"], skip["href"]) == ("Skip to content", "#main")
    assert_focus_visible(skip)  # hidden until focused, then on screen
    tab.screenshot(path=str(SCREENSHOTS / "a11y-skip-link.png"))
    brand = press_tab(tab)
    assert (brand["text"], brand["href"]) == ("laborwatch", "/")
    assert_focus_visible(brand)
    for name in NAVIGATION:
        link = press_tab(tab)
        assert link["text"] == name, link
        assert_focus_visible(link)
    search = press_tab(tab)
    assert (search["tag"], search["name"]) == ("input", "q")
    assert_focus_visible(search)


def test_skip_link_moves_focus_to_the_main_content(server: str, tab: Any) -> None:
    tab.goto(server + "/incidents")
    press_tab(tab)
    tab.keyboard.press("Enter")
    assert focused(tab)["id"] == "main"
    after = press_tab(tab)  # the next stop is inside the content, past the header
    assert tab.evaluate("document.activeElement.closest('main') !== null"), after


def test_search_by_keyboard_alone(server: str, tab: Any) -> None:
    tab.goto(server + "/")
    for _ in range(2 + len(NAVIGATION) + 1):  # skip link, brand, navigation, box
        element = press_tab(tab)
    assert element["name"] == "q", element
    tab.keyboard.type("passports")
    button = press_tab(tab)
    assert (button["tag"], button["text"]) == ("button", "Search")
    assert_focus_visible(button)
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/search?q=passports")
    tab.wait_for_selector("ol.hits li")
    assert "passports" in tab.inner_text("ol.hits").lower()


def test_map_countries_with_evidence_are_reached_by_tab(
    server: str, tab: Any, screening: int
) -> None:
    tab.goto(server + "/map")
    tab.wait_for_selector("#map a path.evidenced")
    for _ in range(30):
        element = press_tab(tab)
        if tab.evaluate("document.activeElement.closest('#map') !== null"):
            break
    else:
        pytest.fail("no country on the map takes the keyboard focus")
    assert element["tag"] == "a" and element["href"].startswith("/search?country=")
    assert_focus_visible(element)
    tab.screenshot(path=str(SCREENSHOTS / "a11y-map-focus.png"))
    tab.keyboard.press("Enter")
    tab.wait_for_url("**" + element["href"])
    tab.wait_for_selector("h1")
