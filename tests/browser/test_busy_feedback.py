"""Feedback on slow work: a link that starts a slow download says it is busy, refuses a
second click, and says "Klaar" when the file has arrived (static/samenspel/busy.js)."""

from playwright.sync_api import expect

from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD
from samenspel.meetings.models import Meeting
from samenspel.organisations.associations import association_default


def test_the_agenda_pdf_link_shows_progress_and_then_done(page, vdg_demo_data):
    meeting = Meeting.objects.filter(body__association=association_default()).first()
    page.goto("/inloggen/")
    page.get_by_label("Gebruikersnaam").fill("bureau")
    page.get_by_label("Wachtwoord").fill(DEMO_TEST_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/")

    page.goto(f"/overleggen/{meeting.pk}/")
    link = page.get_by_role("link", name="Agenda als PDF")
    with page.expect_download() as download:
        link.focus()
        page.keyboard.press("Enter")
        expect(link).to_have_attribute("aria-disabled", "true")
    assert download.value.suggested_filename == f"agenda-{meeting.pk}.pdf"
    expect(page.get_by_role("status").filter(has_text="Klaar")).to_be_visible()
    expect(link).not_to_have_attribute("aria-disabled", "true")
