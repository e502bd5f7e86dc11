"""The accessibility crawl (issue 19): for each role, every page reachable from the main
menu, the pages below them, and the footer's pages pass axe-core (WCAG 2.1 A/AA) at
1366 x 768 and again at 390 x 844 (a phone), where no page may be wider than the screen.
Also the folded phone menu: it opens and closes with the keyboard, and without
JavaScript it stays open.

Which pages: the menu's areas and the footer's pages; from each area page, the first
link in `main` to each page below it or outside every area (one page per view, by
Django's URL resolver: each template once per role, not every row); from those lists,
the first detail link (in `main table tbody` or `main ul`, below the list or its area).
Downloads, the admin and the health check are left out. Each role checks its start page,
its menu's areas and the footer's pages; a page below an area that an earlier role of the
same test process checked already is not checked again (each template once, as the
roles' pages below the areas share their templates).

A browser test like those in tests/browser/ (whose live server it reuses): run it with
`pytest -m browser`; on SQLite only. One Chromium for the module, one context per role.
"""

import functools
import os
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.urls import Resolver404, resolve
from playwright.sync_api import expect, sync_playwright

from tests.browser.conftest import (  # noqa: F401 (fixtures)
    AXE,
    CHROMIUM,
    LAUNCH_ARGS,
    journey_server,
    live_url,
)

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
# The demo accounts of `setup --demo`; None is an anonymous visitor.
ROLES = ["bureau", "voorzitter-gw", "kerngroep-ekm", "accounthouder-assen", "lezer", None]
FOOTER_ROLES = {"lezer", None}
# Not our templates (Django's admin) or not a page (the JSON API, files).
LEFT_OUT = ("/beheer/", "/healthz", "/static/", "/api/")
# Views below the areas checked by an earlier role in this process.
CHECKED_BELOW_AREAS: set[str] = set()
DOWNLOADS = (".pdf", ".docx", ".xlsx", ".csv", ".zip", ".ics", ".json", ".jsonld", ".yaml")

# The links in `main` (no query, no fragment, no download), each with whether it is
# in a list (a table's rows or a bulleted list).
MAIN_LINKS = """() => [...document.querySelectorAll('main a[href^="/"]:not([download])')]
  .map(a => [a.getAttribute('href'), a.closest('tbody, ul') !== null])
  .filter(([href]) => !/[?#]/.test(href))"""
# The footer's links that stay on the site.
FOOTER_LINKS = """() => [...document.querySelectorAll('footer a[href^="/"]')]
  .map(a => a.getAttribute('href'))"""
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, targets: v.nodes.map(n => n.target).slice(0, 5)}));
}"""
# layout.js marks scrolling tables on resize, in the next animation frame: wait for it.
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


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


def _context(browser, base_url, viewport=DESKTOP, **options):
    context = browser.new_context(base_url=base_url, locale="nl-NL", viewport=viewport, **options)
    context.set_default_timeout(15000)
    return context


def _sign_in(page, username):
    from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD

    page.goto("/inloggen/", wait_until="domcontentloaded")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(DEMO_TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/", wait_until="domcontentloaded")


def _view(path):
    """The view behind a path (one page per view is enough), None when not a page."""
    if path.startswith(LEFT_OUT) or path.endswith(DOWNLOADS):
        return None
    try:
        return resolve(path).view_name
    except Resolver404:
        return None


@functools.cache
def _axe_source():
    return AXE.read_text()


def _axe(page, url, width):
    """axe-core's WCAG 2.1 A/AA rules (as the axe_violations fixture of tests/browser/),
    injected once per page: the second run, after resizing, reuses it."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(_axe_source())
    return [f"{url} at {width} px: {v['id']} {v['targets']}" for v in page.evaluate(AXE_RUN)]


def _check(page, url):
    """axe at desktop width, then at phone width without reloading, plus the width."""
    response = page.goto(url, wait_until="load")
    assert response and response.ok, f"{url}: {response and response.status}"
    found = _axe(page, url, DESKTOP["width"])
    page.set_viewport_size(PHONE)
    page.evaluate(NEXT_FRAMES)
    found += _axe(page, url, PHONE["width"])
    width = page.evaluate("document.documentElement.scrollWidth")
    if width > PHONE["width"]:
        found.append(f"{url} at {PHONE['width']} px: {width} px wide")
    page.set_viewport_size(DESKTOP)
    return found


def _reach(pages, queue, url, area, depth):
    """Note a page reached; queue it to be checked unless its view was checked already,
    in this crawl or (below the areas) in an earlier role's."""
    view = _view(url)
    if not view or view in pages:
        return
    pages[view] = url
    if depth and view in CHECKED_BELOW_AREAS:
        return
    if depth:
        CHECKED_BELOW_AREAS.add(view)
    queue.append((url, area, depth))


def _crawl(browser, base_url, username):
    context = _context(browser, base_url)
    page = context.new_page()
    if username:
        _sign_in(page, username)
    else:
        page.goto("/inloggen/", wait_until="domcontentloaded")
    menu = page.locator("nav[aria-label=Hoofdmenu] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    # The footer's pages (help, the accessibility statement) read the same for every
    # signed-in role: the reader and the visitor check them, the other roles skip them.
    footer = page.evaluate(FOOTER_LINKS) if username in FOOTER_ROLES else []
    start = [page.url.removeprefix(base_url), *menu, *footer]
    pages = {}  # view name: url, in the order checked
    problems = []
    queue = []  # (url, its area: the start page it was reached from, depth)

    def add(url, area, depth):
        _reach(pages, queue, url, area, depth)

    for url in start:
        add(url, url, 0)
    # Outside the menu's areas: the bodies and the structure check below Organisaties,
    # and for visitors the public meetings.
    areas = tuple(url for url in menu if url != "/")
    for url, area, depth in queue:  # grows while it is read: breadth first
        problems.extend(_check(page, url))
        # The dashboard links into every area: the areas themselves are crawled instead.
        if depth == 2 or area == "/":
            continue
        for href, in_list in page.evaluate(MAIN_LINKS):
            if depth == 0 and (href.startswith(url) or not href.startswith(areas)):
                add(href, area if href.startswith(area) else href, 1)
            elif depth == 1 and in_list and href.startswith((area, url)):
                add(href, area, 2)
    context.close()
    return list(pages.values()), problems


@pytest.mark.parametrize("username", ROLES, ids=[role or "anonymous" for role in ROLES])
def test_every_page_passes_axe_on_desktop_and_phone(
    in_browser,
    live_url,  # noqa: F811
    vdg_demo_data,
    username,
):
    pages, problems = in_browser(_crawl, live_url, username)
    assert len(pages) >= (25 if username else 6), pages
    assert problems == [], "\n".join(problems)


def _menu_opens_with_the_keyboard(page):
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    toggle = nav.get_by_role("button", name="Menu")
    first_link = nav.get_by_role("link").first
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(first_link).to_be_hidden()
    # Header and folded menu together take well under a third of the screen.
    box = nav.bounding_box()
    assert box and box["y"] + box["height"] < 260

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

    # On a wide screen the menu is a bar of links again, without the button.
    page.set_viewport_size(DESKTOP)
    expect(toggle).to_be_hidden()
    expect(first_link).to_be_visible()


def _phone_menu(browser, base_url):
    context = _context(browser, base_url, viewport=PHONE)
    page = context.new_page()
    _sign_in(page, "bureau")
    _menu_opens_with_the_keyboard(page)
    context.close()

    context = _context(browser, base_url, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    _sign_in(page, "bureau")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("button", name="Menu")).to_be_hidden()
    expect(nav.get_by_role("link", name="Voorstellen")).to_be_visible()
    page.goto("/agenda/afspraken/", wait_until="domcontentloaded")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    context.close()


def test_phone_menu_folds_opens_by_keyboard_and_stays_open_without_javascript(
    in_browser,
    live_url,  # noqa: F811
    vdg_demo_data,
):
    in_browser(_phone_menu, live_url)
