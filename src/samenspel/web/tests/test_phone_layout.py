"""Phones (issue 19): at 390 x 844 no page is wider than the screen, the main menu is folded
behind a button that opens with the keyboard, and axe-core finds no WCAG 2.1 A/AA
violations. One browser, one sign-in as the bureau's demo account, about fifteen pages.

A browser test like those in tests/browser/ (whose live server and axe fixtures it
reuses): run it with `pytest -m browser`; on SQLite only.
"""

import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    CHROMIUM,
    LAUNCH_ARGS,
    axe_violations,
    journey_server,
    live_url,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
# Lists whose first detail link is checked too, and a finance page with wide tables.
LISTS = ["/agenda/afspraken/", "/voorstellen/", "/overleggen/"]
EXTRA = ["/financien/bijdragen/2024/"]

FIRST_DETAIL_LINK = """(list) => [...document.querySelectorAll('main tbody a[href]')]
  .map(a => a.getAttribute('href'))
  .find(href => href.startsWith(list) && href !== list && !href.includes('?')) || null"""


@pytest.fixture(scope="module")
def in_browser():
    """Runs a function with a Chromium of its own, in a thread of its own.

    Playwright's sync API starts once per thread, and the journeys of tests/browser/ may
    hold it in this one for the whole session: the thread keeps the two apart.
    """
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: install it with 'apt-get install chromium'."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    thread = ThreadPoolExecutor(max_workers=1)
    held = {}

    def start():
        held["playwright"] = sync_playwright().start()
        held["browser"] = held["playwright"].chromium.launch(
            executable_path=str(CHROMIUM), args=LAUNCH_ARGS
        )

    def stop():
        held["browser"].close()
        held["playwright"].stop()

    thread.submit(start).result()
    yield lambda function, *args: thread.submit(function, held["browser"], *args).result()
    thread.submit(stop).result()
    thread.shutdown()


def _context(browser, base_url, **options):
    context = browser.new_context(base_url=base_url, locale="nl-NL", viewport=PHONE, **options)
    context.set_default_timeout(15000)
    return context


def _sign_in(page):
    from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD

    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("bureau")
    page.get_by_label("Wachtwoord").fill(DEMO_TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")


def _menu_opens_with_the_keyboard(page):
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    toggle = nav.get_by_role("button", name="Menu")
    first_link = nav.get_by_role("link").first
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()
    # Header and folded menu together take well under a third of the screen.
    assert nav.bounding_box()["y"] + nav.bounding_box()["height"] < 260

    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(first_link).to_be_visible()
    page.keyboard.press("Space")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav') !== null")
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()


def _pages_to_check(page):
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    urls = nav.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    for url in LISTS:
        page.goto(url)
        detail = page.evaluate(FIRST_DETAIL_LINK, url)
        assert detail, f"no detail link on {url}"
        urls += [url, detail]
    return list(dict.fromkeys(urls + EXTRA))


def _phone_journey(browser, base_url, axe):
    context = _context(browser, base_url)
    page = context.new_page()
    _sign_in(page)
    _menu_opens_with_the_keyboard(page)

    urls = _pages_to_check(page)
    assert len(urls) >= 12, urls
    problems = {}
    for url in urls:
        response = page.goto(url)
        assert response.ok, url
        found = []
        expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            found.append(f"{widths[0]} px wide on a {widths[1]} px screen")
        found += axe(page)
        if found:
            problems[url] = found
    assert problems == {}

    # On a wide screen the menu is a bar of links again, without the button.
    page.set_viewport_size(DESKTOP)
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("button", name="Menu")).to_be_hidden()
    expect(nav.get_by_role("link").first).to_be_visible()
    context.close()


def _without_javascript(browser, base_url):
    context = _context(browser, base_url, java_script_enabled=False)
    page = context.new_page()
    _sign_in(page)
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("button", name="Menu")).to_be_hidden()
    expect(nav.get_by_role("link", name="Voorstellen")).to_be_visible()
    page.goto("/agenda/afspraken/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


# The fixtures live_url and axe_violations come from tests/browser/conftest.py (imported).
def test_pages_fit_a_phone(in_browser, live_url, vdg_demo_data, axe_violations):  # noqa: F811
    """The menu folds and opens with the keyboard; no page is too wide; axe finds nothing."""
    in_browser(_phone_journey, live_url, axe_violations)


def test_without_javascript_the_menu_stays_open(in_browser, live_url, vdg_demo_data):  # noqa: F811
    in_browser(_without_javascript, live_url)
