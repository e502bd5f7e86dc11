"""Browser journeys: Playwright driving Debian's Chromium (never a downloaded browser).

Run them alone with `pytest -m browser`. Without /usr/bin/chromium they are skipped
locally with a hint; on CI (CI=true) a missing browser is an error.
"""

import os
from pathlib import Path

import pytest
from django.db import connection

CHROMIUM = Path(os.environ.get("SAMENSPEL_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in this thread; Django's test database
# access from the same thread is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def journey_server(django_db_setup, django_db_blocker):
    """One live server for all journeys, sharing the test's in-memory SQLite connection.

    Not pytest-django's `live_server`: with that fixture a test becomes a
    TransactionTestCase that flushes the database afterwards. Here the server thread uses
    the test's own connection, so a journey sees the session's data set (`vdg_data`, …)
    inside the test's transaction, and what it writes is rolled back like in any test.
    """
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        server = LiveServer("localhost", start=False)
        # pytest-django serves static files through the finders only when INSTALLED_APPS
        # names "django.contrib.staticfiles" literally; Samenspel installs it by its own
        # config (conf/staticfiles.py), so say it here: the pages' CSS and JS, from the
        # source folders and node_modules, never from a collected var/static.
        server.thread.static_handler = StaticFilesHandler
        server.start()
    yield server
    server.stop()


@pytest.fixture
def live_url(request, db):
    # PostgreSQL would need a second connection that cannot see the test's transaction:
    # the journeys run on SQLite only; the views behind them are tested on both databases.
    if connection.vendor != "sqlite":
        pytest.skip("Browser journeys run on SQLite only (the views are tested on both).")
    server = request.getfixturevalue("journey_server")
    server._live_server_modified_settings.enable()
    yield server.url
    server._live_server_modified_settings.disable()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = (
            f"Chromium not found at {CHROMIUM}: install Debian's browser with "
            "'apt-get install chromium' to run the browser tests."
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_url):
    context = browser.new_context(base_url=live_url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def axe_violations():
    """Runs axe-core (from npm) on the page: the WCAG 2.1 A and AA rules."""

    def run(page):
        # Evaluated through the DevTools protocol, which the page's Content-Security-Policy
        # does not govern (an injected <script> would be refused: no inline scripts).
        page.evaluate(AXE.read_text())
        result = page.evaluate(
            """async () => await axe.run(document, {runOnly: {type: 'tag',
                 values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                 resultTypes: ['violations']})"""
        )
        return [
            {
                "id": v["id"],
                "help": v["help"],
                "targets": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]

    return run


@pytest.fixture
def bureau(vdg_data):
    """A bureau user of the VDG, with the demo structure (bodies, seats) on the agenda."""
    from samenspel.accounts.constants import RoleKind
    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.demo.structure import demo_structure_create
    from samenspel.organisations.associations import association_default

    demo_structure_create()
    user = UserFactory(username="bureau", first_name="Bea")
    user.role_assignments.create(association=association_default(), role=RoleKind.BUREAU)
    return user


@pytest.fixture
def sign_in(page):
    from samenspel.accounts.tests.factories import PASSWORD

    def run(user):
        page.goto("/inloggen/")
        page.get_by_label("Gebruikersnaam").fill(user.username)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/")

    return run
