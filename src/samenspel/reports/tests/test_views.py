"""The reports pages: who may see what, making and downloading a stored report."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.agenda.tests.factories import AgreementFactory, ProgressUpdateFactory
from samenspel.jobs.testing import job_from, run_jobs
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory
from samenspel.reports.models import GeneratedReport
from samenspel.reports.services import report_generate


@pytest.fixture
def agenda_data(db):
    agreement = AgreementFactory()
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 3, 1))
    return agreement


@pytest.fixture
def member(db):
    return OrganisationFactory(municipality=True, slug="assen", name="Gemeente Assen")


def member_url(member):
    return (
        reverse("reports:page", args=["lid"]) + f"?peildatum=2024-09-30&organisatie={member.slug}"
    )


def test_list_shows_types_and_asks_for_sign_in(client, reader_user, agenda_data):
    assert client.get("/rapportages/").status_code == 302
    client.force_login(reader_user)
    response = client.get("/rapportages/")
    assert response.status_code == 200
    assert "Voortgangsrapportage per kwartaal" in response.text
    assert "Er zijn nog geen rapportages gemaakt." in response.text


def test_quarterly_page_for_a_reader(client, reader_user, agenda_data):
    client.force_login(reader_user)
    response = client.get("/rapportages/kwartaal/?peildatum=2024-09-30")
    assert response.status_code == 200
    assert "Voortgangsrapportage Q3 2024" in response.text
    assert "Samenvatting" in response.text


def test_member_report_only_for_the_bureau_and_that_members_account_holder(
    client, make_user, member, agenda_data
):
    other = OrganisationFactory(municipality=True)
    cases = [
        (make_user("bureau"), 200),
        (make_user("account_holder", organisation=member), 200),
        (make_user("account_holder", organisation=other), 403),
        (make_user("reader"), 403),
        (make_user("portfolio_chair", portfolio=agenda_data.portfolio), 403),
    ]
    for user, status in cases:
        client.force_login(user)
        assert client.get(member_url(member)).status_code == status, user
        made = client.post(
            reverse("reports:make", args=["lid"]),
            {"peildatum": "2024-09-30", "organisatie": member.slug, "formaat": "docx"},
        )
        assert made.status_code == (302 if status == 200 else 403)


def test_stored_member_reports_are_hidden_from_others(client, make_user, member, agenda_data):
    stored = report_generate(
        association=association_default(),
        kind="lid",
        as_of=dt.date(2024, 9, 30),
        fmt="docx",
        organisation=member,
        user=make_user("bureau"),
    )
    holder = make_user("account_holder", organisation=member)
    reader = make_user("reader")
    client.force_login(reader)
    assert client.get(reverse("reports:download", args=[stored.pk])).status_code == 404
    assert stored.title not in client.get("/rapportages/").text
    client.force_login(holder)
    assert client.get(reverse("reports:download", args=[stored.pk])).status_code == 200
    assert stored.title in client.get("/rapportages/").text


def test_make_stores_the_file_and_downloads_it(client, bureau_user, agenda_data):
    client.force_login(bureau_user)
    response = client.post(
        reverse("reports:make", args=["kwartaal"]), {"peildatum": "2024-09-30", "formaat": "pdf"}
    )
    job = job_from(response)  # the report is made in the background
    assert not GeneratedReport.objects.exists()
    run_jobs()
    stored = GeneratedReport.objects.get()
    job.refresh_from_db()
    assert job.result_url == stored.get_absolute_url()
    assert client.get(job.get_absolute_url()).status_code == 200
    assert (stored.created_by, stored.as_of, stored.format) == (
        bureau_user,
        dt.date(2024, 9, 30),
        "pdf",
    )
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    listing = client.get("/rapportages/").text
    assert "Voortgangsrapportage Q3 2024" in listing
    check = client.get(stored.get_absolute_url() + "?controle=1")
    assert "dezelfde cijfers" in check.text


def test_bad_input_is_named(client, bureau_user, agenda_data):
    client.force_login(bureau_user)
    assert client.get("/rapportages/onbekend/").status_code == 404
    page = client.get("/rapportages/portefeuille/?peildatum=2024-09-30")
    assert page.status_code == 200
    assert "Dit veld is verplicht" in page.text or "verplicht" in page.text


def test_dashboard_panel_links_the_last_quarter_and_the_latest_reports(
    client, bureau_user, agenda_data
):
    stored = report_generate(
        association=association_default(),
        kind="kwartaal",
        as_of=dt.date(2024, 9, 30),
        fmt="pdf",
        user=bureau_user,
    )
    client.force_login(bureau_user)
    page = client.get("/")
    assert "Voortgangsrapportage van het vorige kwartaal" in page.text
    assert reverse("reports:download", args=[stored.pk]) in page.text


def test_a_report_that_cannot_be_made_says_why(client, bureau_user, agenda_data):
    client.force_login(bureau_user)
    page = client.get("/rapportages/evaluatie/?peildatum=2024-09-30")
    assert page.status_code == 200
    assert "nog geen evaluatieronde" in page.text
    made = client.post(
        reverse("reports:make", args=["evaluatie"]), {"peildatum": "2024-09-30", "formaat": "pdf"}
    )
    job = job_from(made)
    run_jobs()
    assert "nog geen evaluatieronde" in client.get(made["Location"]).text
    job.refresh_from_db()
    assert job.status == "mislukt"


@pytest.mark.parametrize("kind", ["kwartaal", "jaar"])
def test_report_page_queries_do_not_grow_with_the_data(
    client, bureau_user, agenda_data, django_assert_max_num_queries, kind
):
    client.force_login(bureau_user)
    url = f"/rapportages/{kind}/?peildatum=2024-09-30"
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(15):
        agreement = AgreementFactory(agenda=agenda_data.agenda, portfolio=agenda_data.portfolio)
        ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 8, 1), status="done")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)
