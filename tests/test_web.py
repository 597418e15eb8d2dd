"""The web UI in a real browser (Debian's Chromium driven by Playwright) against a real server.

Skips when /usr/bin/chromium or Playwright is missing, except in CI (CI=true), where that fails.
Screenshots go to $NEWSWEAVE_SCREENSHOTS (or a temporary directory, printed).
"""

from __future__ import annotations

import os
import urllib.parse
from pathlib import Path

import pytest

from newsweave.api import create_app
from newsweave.api.settings import ApiSettings
from newsweave.api.testing import XSS_TITLE, sample_batch, serve
from newsweave.store import open_store

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def _unavailable(why: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (CI=true: the browser tests must run; install it with scripts/setup-test.sh)")
    pytest.skip(f"{why}: install Debian's chromium (apt-get install chromium) and pip install playwright==1.65.2")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        _unavailable(f"{CHROMIUM} is absent")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("web") / "web.db")
    store = open_store(path)
    store.save_batch(sample_batch())
    store.close()
    with serve(create_app(path, token=None, settings=ApiSettings())) as url:
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    d = Path(os.environ["NEWSWEAVE_SCREENSHOTS"]) if os.environ.get("NEWSWEAVE_SCREENSHOTS") else (
        tmp_path_factory.mktemp("screenshots"))
    d.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {d}")
    return d


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1300, "height": 900}, locale="en-US")
    pg = context.new_page()
    problems: list[str] = []
    outside: list[str] = []
    host = urllib.parse.urlsplit(base_url).netloc

    def guard(route):
        url = route.request.url
        if urllib.parse.urlsplit(url).netloc == host or url.startswith("data:"):
            route.continue_()
        else:  # the UI must work offline: nothing but this server
            outside.append(url)
            route.abort()

    pg.route("**/*", guard)
    pg.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    pg.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not outside, f"requests left the server: {outside}"
    assert not problems, problems


def goto(pg, base_url: str, route: str, ready: str) -> None:
    pg.goto(f"{base_url}/{route}")
    pg.wait_for_selector(ready)


def no_xss(pg) -> None:
    assert pg.evaluate("typeof window.__xss") == "undefined"
    assert pg.locator("img").count() == 0  # no injected <img onerror>
    scripts = pg.evaluate("Array.from(document.scripts).map(s => s.getAttribute('src'))")
    assert scripts == ["/static/app.js"]


def test_event_list_and_map_render(page, base_url, shots):
    goto(page, base_url, "", "#events .card")
    page.wait_for_selector(".map .dot")
    assert page.locator("#events .card").count() == 4
    assert page.locator(".map svg.world .land path").count() > 150  # the bundled world outline
    assert page.locator(".map .dot").count() == 4  # one dot per located event
    assert page.locator(".map .dot.hot").count() == 1  # the breaking one
    titles = page.locator("#events .card .title").all_text_contents()
    assert XSS_TITLE in titles and "Deadly floods hit Patras, Greece" in titles
    no_xss(page)
    page.screenshot(path=str(shots / "list.png"), full_page=True)


def wait_cards(pg, n: int) -> list[str]:
    pg.wait_for_function(
        "n => document.getElementById('app').dataset.ready && document.querySelectorAll('#events .card').length === n "
        "&& !document.getElementById('app').hasAttribute('aria-busy')", arg=n)
    return pg.locator("#events .card").evaluate_all("cs => cs.map(c => c.dataset.event)")


def test_search_and_filters(page, base_url, shots):
    goto(page, base_url, "", "#events .card")
    page.fill("#q", "Patras")
    page.press("#q", "Enter")
    assert wait_cards(page, 1) == ["ev_floods"]
    assert "q=Patras" in page.url
    page.screenshot(path=str(shots / "search.png"), full_page=True)
    page.fill("#q", "")
    page.select_option("#language", "ar")
    assert sorted(wait_cards(page, 3)) == ["ev_budget", "ev_floods", "ev_quake"]
    page.select_option("#category", "politics")
    assert wait_cards(page, 1) == ["ev_budget"]
    page.select_option("#language", "")
    page.select_option("#category", "")
    page.fill("#country", "tr")
    page.press("#country", "Enter")
    assert wait_cards(page, 1) == ["ev_quake"]
    page.fill("#country", "")
    page.check("#breaking")
    assert wait_cards(page, 4)[0] == "ev_floods"
    page.fill("#q", "nothing-matches-this")
    page.press("#q", "Enter")
    page.wait_for_selector("#events .empty")
    no_xss(page)


def test_event_page_languages_side_by_side(page, base_url, shots):
    goto(page, base_url, "#/event/ev_floods", "#langs .article")
    page.wait_for_selector(".event-map .dot")
    assert page.locator("#headline").text_content() == "Deadly floods hit Patras, Greece"
    cols = page.locator("#langs .lang-col").evaluate_all("cs => cs.map(c => c.dataset.lang)")
    assert cols == ["el", "ar", "en", "fr"]
    assert page.locator("#langs .article").count() == 5
    # Arabic renders right-to-left, Greek left-to-right
    ar = page.locator('#langs .article[data-article="ar-1"] .text')
    assert ar.evaluate("e => getComputedStyle(e).direction") == "rtl"
    assert ar.get_attribute("dir") == "auto" and "باتراس" in ar.text_content()
    el = page.locator('#langs .article[data-article="gr-1"] .text')
    assert el.evaluate("e => getComputedStyle(e).direction") == "ltr" and "Πάτρα" in el.text_content()
    ar_title = page.locator('#langs .article[data-article="ar-1"] h3')
    assert ar_title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    # the timeline: one bar per (hour, language) with articles, coloured per language
    bars = page.locator("figure.timeline svg.chart rect[data-lang]")
    assert bars.count() == 5
    assert set(bars.evaluate_all("rs => rs.map(r => r.dataset.lang)")) == {"el", "ar", "en", "fr"}
    assert page.locator("figure.timeline .legend .key").count() == 4
    assert page.locator(".event-map .dot").count() == 1
    facts = page.locator("dl.facts").text_content()
    assert "Patras, GR" in facts and "Kostas Peletidis" in facts and "share 2" in facts
    no_xss(page)
    page.screenshot(path=str(shots / "event.png"), full_page=True)


def test_hostile_event_is_shown_as_text(page, base_url, shots):
    goto(page, base_url, "#/event/ev_xss", "#langs .article")
    assert page.locator("#headline").text_content() == XSS_TITLE
    assert page.locator('#langs .article[data-article="xss-1"] h3').text_content() == XSS_TITLE
    assert "<svg onload" in page.locator('#langs .article[data-article="xss-1"] .text').text_content()
    assert page.locator("#langs svg[onload], #langs iframe, #langs b").count() == 0
    no_xss(page)
    page.screenshot(path=str(shots / "hostile.png"), full_page=True)
    goto(page, base_url, "#/article/xss-1", "table.parts")
    no_xss(page)


def test_map_dot_clicks_through_to_the_event(page, base_url):
    goto(page, base_url, "", ".map .dot")
    page.locator('.map .dot[data-event="ev_quake"] circle').click()
    page.wait_for_selector("#headline")
    assert page.url.endswith("#/event/ev_quake")
    assert page.locator("#headline").text_content() == "Magnitude 5.8 earthquake shakes Izmir"
    page.wait_for_selector("#langs .article")
    assert page.locator("#langs .lang-col").count() == 3


def test_story_and_article_pages(page, base_url, shots):
    goto(page, base_url, "#/story/st_storms", "#app .card")
    assert page.locator("#app .card").evaluate_all("cs => cs.map(c => c.dataset.event)") == ["ev_floods", "ev_quake"]
    goto(page, base_url, "#/article/gr-2", "table.parts")
    assert "P(same event) = 0.930" in page.locator("#app").text_content()
    assert page.locator("table.parts tbody tr").count() > 5
    page.screenshot(path=str(shots / "article.png"), full_page=True)


def test_unknown_event_shows_an_error(page, base_url):
    goto(page, base_url, "#/event/does-not-exist", ".error")
    assert "no event with id" in page.locator(".error").text_content()
    page.problems.clear()  # type: ignore[attr-defined]  # the 404 is logged by the browser, as it should be
