"""The bureau makes a quarterly report, downloads it as PDF and finds it among the earlier
reports; the reports pages have no WCAG 2.1 A/AA violations (axe)."""

import pytest
from playwright.sync_api import expect

from samenspel.accounts.constants import RoleKind
from samenspel.jobs.testing import run_jobs
from samenspel.organisations.associations import association_default


@pytest.fixture
def bureau(vdg_data, settings, tmp_path):
    from samenspel.accounts.tests.factories import UserFactory

    settings.MEDIA_ROOT = tmp_path / "media"
    user = UserFactory(username="bureau", first_name="Bea")
    user.role_assignments.create(association=association_default(), role=RoleKind.BUREAU)
    return user


def test_bureau_makes_and_downloads_a_quarterly_report(page, bureau, sign_in, axe_violations):
    sign_in(bureau)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Rapportages").click()
    expect(page.get_by_role("heading", name="Rapportages", exact=True)).to_be_visible()
    assert axe_violations(page) == []

    card = page.get_by_role("region", name="Voortgangsrapportage per kwartaal")
    card.get_by_label("Stand per").fill("2024-09-30")
    card.get_by_role("button", name="Bekijken").click()
    expect(page.get_by_role("heading", name="Voortgangsrapportage Q3 2024")).to_be_visible()
    expect(page.get_by_role("heading", name="Samenvatting")).to_be_visible()
    assert axe_violations(page) == []

    page.get_by_label("Formaat").select_option("pdf")
    page.get_by_role("button", name="Maken en downloaden").click()
    # The report is made in the background: the job's page says it waits, and shows the
    # file once the worker has made it (htmx polls the status every 2 s).
    status = page.get_by_role("status")
    expect(status).to_contain_text("wacht")
    assert axe_violations(page) == []
    run_jobs()  # the worker's own code, here instead of `samenspel worker`
    button = page.get_by_role("link", name="downloaden")
    expect(button).to_be_visible(timeout=10_000)
    with page.expect_download() as download_info:
        button.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"

    page.goto("/rapportages/")
    expect(
        page.get_by_role("link", name="Voortgangsrapportage Q3 2024", exact=True)
    ).to_be_visible()
    assert axe_violations(page) == []
    page.goto("/rapportages/volgen/")
    assert axe_violations(page) == []


def test_chair_judges_an_agreement_in_the_evaluation_round(page, bureau, sign_in, axe_violations):
    import datetime as dt

    from samenspel.accounts.tests.factories import UserFactory
    from samenspel.agenda.models import Agenda, Agreement
    from samenspel.organisations.models import Portfolio
    from samenspel.reports.services import evaluation_round_create

    agenda = Agenda.objects.get()
    evaluation_round = evaluation_round_create(
        agenda=agenda,
        name="Evaluatie samenwerkingsagenda 2025",
        starts_on=dt.date(2025, 7, 1),
        ends_on=dt.date(2025, 12, 31),
    )
    sport = Portfolio.objects.get(slug="sport")
    chair = UserFactory(username="voorzitter-sport")
    chair.role_assignments.create(
        association=association_default(), role=RoleKind.PORTFOLIO_CHAIR, portfolio=sport
    )
    agreement = Agreement.objects.filter(portfolio=sport).order_by("order").first()

    sign_in(chair)
    page.goto(f"/rapportages/evaluatieronde/{evaluation_round.pk}/")
    expect(page.get_by_role("heading", name="Evaluatie samenwerkingsagenda 2025")).to_be_visible()
    assert axe_violations(page) == []
    page.get_by_role("link", name="Sport", exact=True).click()
    assert axe_violations(page) == []
    row = page.get_by_role("row").filter(has_text=agreement.title).first
    row.get_by_role("link", name="Beoordelen").click()
    assert axe_violations(page) == []
    page.get_by_label("Oordeel").select_option("partly")
    page.get_by_label("Toelichting").fill("De helft is gedaan.")
    page.get_by_label("Lessen voor de volgende agenda").fill("Eerder beginnen.")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Het oordeel is opgeslagen.")).to_be_visible()
    expect(page.get_by_role("cell", name="De helft is gedaan.")).to_be_visible()
