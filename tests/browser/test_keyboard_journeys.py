"""The main task of each working role with the keyboard only (issue 19): Tab, Shift+Tab,
Enter, Space and the arrow keys, no mouse. Every element the focus lands on shows it
(:focus-visible with an outline or a shadow), and after an htmx swap the focus is on
the new content, never lost to <body>.

The same tasks with the mouse are in test_agenda_journey.py and
test_decisions_journey.py; these check how they go by keyboard.
"""

import datetime as dt
import re
from decimal import Decimal

from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.organisations.associations import association_default

# Where the focus is, and whether one can see it. A date field's calendar button sits in
# the browser's own control (the field itself then does not match :focus): the browser
# draws that ring, not our CSS.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== 'none';
  const native = el.tagName === 'INPUT' && !el.matches(':focus');
  return {tag: el.tagName, id: el.id, name: el.getAttribute('name'),
          text: (el.textContent || '').trim().slice(0, 60),
          ring: [style.outlineStyle, style.outlineWidth, style.boxShadow],
          visible: native || (el.matches(':focus-visible') && ring)};
}"""


def _focus(page):
    """The focused element, asserting it is not <body> and its focus can be seen."""
    focused = page.evaluate(FOCUSED)
    assert focused, "the focus is lost to <body>"
    assert focused["visible"], f"no visible focus on {focused}"
    return focused


def _tab_to(page, locator, key="Tab", limit=80):
    """Presses Tab (or Shift+Tab) until `locator` has the focus, checking every stop."""
    if locator.evaluate("element => element === document.activeElement"):
        return  # there already (autofocus)
    for _ in range(limit):
        page.keyboard.press(key)
        _focus(page)
        if locator.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{locator} not reached with {key} in {limit} presses")


def _choose(page, select, value, limit=20):
    """Picks an option of the focused (closed) select with Home and the down arrow."""
    page.keyboard.press("Home")
    for _ in range(limit):
        if select.input_value() == value:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"option {value} not reached with the arrow keys")


def _sign_in_by_keyboard(page, username, password):
    page.goto("/inloggen/")
    _tab_to(page, page.get_by_label("Gebruikersnaam"))
    page.keyboard.type(username)
    page.keyboard.press("Tab")
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/inloggen/" not in url)


def _role_user(username, role, **scope):
    from samenspel.accounts.tests.factories import PASSWORD, UserFactory

    user = UserFactory(username=username)
    user.role_assignments.create(association=association_default(), role=role, **scope)
    return user, PASSWORD


def test_chair_reports_progress_by_keyboard(page, vdg_data, settings):
    from samenspel.organisations.models import Portfolio

    settings.SAMENSPEL_TODAY = "2024-06-15"
    portfolio = Portfolio.objects.get(slug="gezondheid-en-welzijn")
    chair, password = _role_user("voorzitter-gw", RoleKind.PORTFOLIO_CHAIR, portfolio=portfolio)
    _sign_in_by_keyboard(page, chair.username, password)
    page.goto("/agenda/afspraken/gw-iza-procesvoorstel/")
    status_line = page.locator("#agreement-status")
    expect(status_line).to_contain_text("Nog niet gestart")

    form = page.locator("form[hx-post]")
    status = form.get_by_label("Status")
    _tab_to(page, status)
    _choose(page, status, "on_track")
    page.keyboard.press("Tab")
    page.keyboard.type("Procesvoorstel ligt bij de colleges.")
    _tab_to(page, form.get_by_role("button", name="Voortgang opslaan"))
    page.keyboard.press("Enter")

    confirmation = page.locator("#progress-saved")
    expect(confirmation).to_be_focused()
    assert _focus(page)["id"] == "progress-saved"
    expect(status_line).to_contain_text("Op koers")
    expect(page.get_by_text("Procesvoorstel ligt bij de colleges.")).to_be_visible()
    # From the confirmation Tab goes on into the new form, Shift+Tab back to the
    # milestones above it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('#progress form') !== null")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.closest('tbody') !== null")
    _focus(page)


def test_account_holder_records_a_decision_from_the_inbox_by_keyboard(page, db, settings):
    from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
    from samenspel.organisations.tests.factories import (
        InhabitantCountFactory,
        OrganisationFactory,
    )

    settings.SAMENSPEL_TODAY = "2024-05-01"
    proposal = ProposalFactory(title="Regionale samenwerking Hartveilig Drenthe", sent=True)
    proposal.years.create(year=2024, amount=Decimal("36000.00"))
    for slug, count in [("assen", 69691), ("emmen", 109361)]:
        organisation = OrganisationFactory(
            slug=slug, name=f"Gemeente {slug.title()}", municipality=True
        )
        InhabitantCountFactory(organisation=organisation, count=count)
        ParticipantFactory(proposal=proposal, organisation=organisation)
    assen = proposal.participants.get(organisation__slug="assen").organisation
    holder, password = _role_user(
        "accounthouder-assen", RoleKind.ACCOUNT_HOLDER, organisation=assen
    )

    _sign_in_by_keyboard(page, holder.username, password)
    inbox = page.locator(".samenspel-inbox")
    _tab_to(page, inbox.get_by_role("link", name=proposal.title))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/besluit/"))

    _tab_to(page, page.get_by_label("Besluitdatum"))
    # Day and month alike: the field's order (the browser's own locale) does not matter.
    page.keyboard.type("04042024")
    outcome = page.get_by_label("Besluit", exact=True)
    _tab_to(page, outcome)
    _choose(page, outcome, "agreed")
    _tab_to(page, page.get_by_label("Kenmerk"))
    page.keyboard.type("B&W 2024/88")
    _tab_to(page, page.get_by_role("button", name="Opslaan"))
    page.keyboard.press("Enter")

    # Back in the inbox, which is empty now.
    expect(page.get_by_text("Het besluit van Gemeente Assen is vastgelegd.")).to_be_visible()
    expect(inbox).to_contain_text("Niets te doen.")
    decision = proposal.participants.get(organisation=assen).decisions.get()
    assert (decision.decided_on, decision.reference) == (dt.date(2024, 4, 4), "B&W 2024/88")


def test_bureau_confirms_a_milestone_reached_by_keyboard(page, vdg_data, settings):
    from samenspel.agenda.models import Milestone

    settings.SAMENSPEL_TODAY = "2024-06-15"
    bureau, password = _role_user("bureau", RoleKind.BUREAU)
    milestone = Milestone.objects.filter(
        agreement__slug="gw-iza-procesvoorstel", reached_on=None
    ).first()
    assert milestone
    _sign_in_by_keyboard(page, bureau.username, password)
    page.goto(milestone.agreement.get_absolute_url())

    row = page.locator(f"#mijlpaal-{milestone.pk}")
    _tab_to(page, row.get_by_role("button", name="Bereikt"))
    page.keyboard.press("Enter")  # the date is today's: the question comes in place
    question = page.locator("#mijlpalen-vraag .samenspel-confirm")
    expect(question).to_be_focused()
    _focus(page)
    expect(question).to_contain_text(milestone.title)
    _tab_to(page, question.get_by_role("button"))
    page.keyboard.press("Space")

    done = page.get_by_role("status").filter(has_text="bereikt op 15-06-2024")
    expect(done).to_be_visible()
    expect(row).to_contain_text("bereikt op 15-6-2024")
    # Back on the agreement at the milestone's row (#mijlpaal-…): Tab reaches its undo.
    page.keyboard.press("Tab")
    expect(row.get_by_role("button", name="Toch niet bereikt")).to_be_focused()
    _focus(page)
    milestone.refresh_from_db()
    assert milestone.reached_on == dt.date(2024, 6, 15)
