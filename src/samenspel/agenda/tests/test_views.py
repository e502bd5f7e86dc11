"""Agenda pages through Django's client with real roles: permissions, filters, exports,
query counts and the public page."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from samenspel.accounts.constants import RoleKind
from samenspel.agenda.models import ProgressUpdate
from samenspel.agenda.tests.factories import (
    AgreementFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
)
from samenspel.organisations.tests.factories import OrganisationFactory, PortfolioFactory


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.SAMENSPEL_TODAY = "2024-09-01"


@pytest.fixture
def world(db):
    gw = PortfolioFactory(slug="gw", name="Gezondheid en Welzijn", abbreviation="G&W")
    ekm = PortfolioFactory(slug="ekm", name="Energie", abbreviation="EKM")
    assen = OrganisationFactory(slug="assen", name="Gemeente Assen", municipality=True)
    a = AgreementFactory(
        slug="zorg",
        title="Regiobeeld zorg",
        portfolio=gw,
        political_lead=assen,
        period_text="2024",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
    )
    b = AgreementFactory(
        slug="warmte", title="Flexteam Warmte", portfolio=ekm, agenda=a.agenda, theme=a.theme
    )
    c = AgreementFactory(
        slug="bureau-taak",
        title="Website bijhouden",
        portfolio=None,
        agenda=a.agenda,
        theme=a.theme,
        kind="bureau_task",
    )
    MilestoneFactory(agreement=b, end=dt.date(2024, 6, 30))  # overdue
    ProgressUpdateFactory(
        agreement=a, date=dt.date(2024, 8, 1), status="on_track", text="Openbare stand"
    )
    ProgressUpdateFactory(
        agreement=a,
        date=dt.date(2024, 8, 15),
        status="at_risk",
        text="Geheime zorg",
        is_internal=True,
    )
    return {"gw": gw, "ekm": ekm, "assen": assen, "zorg": a, "warmte": b, "taak": c}


def test_chair_adds_updates_only_in_own_portfolio(client, make_user, world):
    chair = make_user(RoleKind.PORTFOLIO_CHAIR, portfolio=world["gw"])
    client.force_login(chair)
    data = {"date": "2024-08-30", "status": "on_track", "text": "Goed op weg"}
    response = client.post("/agenda/afspraken/zorg/voortgang/", data)
    assert response.status_code == 302
    assert world["zorg"].updates.filter(text="Goed op weg", author=chair).exists()
    assert client.post("/agenda/afspraken/warmte/voortgang/", data).status_code == 403
    assert client.post("/agenda/afspraken/bureau-taak/voortgang/", data).status_code == 403
    assert client.get("/agenda/afspraken/warmte/bewerken/").status_code == 403


@pytest.mark.parametrize("role", [RoleKind.READER, RoleKind.ACCOUNT_HOLDER])
def test_account_holders_and_readers_only_read(client, make_user, world, role):
    scope = {"organisation": world["assen"]} if role == RoleKind.ACCOUNT_HOLDER else {}
    client.force_login(make_user(role, **scope))
    page = client.get("/agenda/afspraken/zorg/").content.decode()
    assert "Voortgang melden" not in page
    data = {"date": "2024-08-30", "status": "done", "text": "x"}
    assert client.post("/agenda/afspraken/zorg/voortgang/", data).status_code == 403
    assert (
        client.post(
            f"/agenda/mijlpalen/{world['warmte'].milestones.get().pk}/bereikt/",
            {"reached_on": "2024-08-01"},
        ).status_code
        == 403
    )


def test_bureau_edits_bureau_tasks_and_marks_milestones(client, bureau_user, world):
    client.force_login(bureau_user)
    milestone = world["warmte"].milestones.get()
    client.post(f"/agenda/mijlpalen/{milestone.pk}/bereikt/", {"reached_on": "2024-07-05"})
    milestone.refresh_from_db()
    assert milestone.reached_on == dt.date(2024, 7, 5)
    taak = world["taak"]
    response = client.post(
        "/agenda/afspraken/bureau-taak/bewerken/",
        {
            "title": "Website en nieuwsbrief",
            "description": "",
            "role": "organiser",
            "political_lead": "",
            "official_lead": "",
            "period_text": "tweede helft 2025",
            "version": taak.version,
        },
    )
    assert response.status_code == 302
    taak.refresh_from_db()
    assert (taak.title, str(taak.period_start), str(taak.period_end)) == (
        "Website en nieuwsbrief",
        "2025-07-01",
        "2025-12-31",
    )


def test_a_bad_update_is_refused_with_the_field_named(client, bureau_user, world):
    client.force_login(bureau_user)
    response = client.post(
        "/agenda/afspraken/zorg/voortgang/",
        {"date": "", "status": "on_track", "text": "", "percent": "150"},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert {"date", "text", "percent"} <= set(errors)
    assert world["zorg"].updates.count() == 2


def test_htmx_update_returns_the_progress_fragment(client, bureau_user, world):
    client.force_login(bureau_user)
    response = client.post(
        "/agenda/afspraken/zorg/voortgang/",
        {"date": "2024-08-31", "status": "on_track", "text": "Via htmx"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "Via htmx" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"zorg", "warmte", "bureau-taak"}),
        ("portefeuille=gw", {"zorg"}),
        ("status=at_risk", {"zorg"}),
        ("status=not_started", {"warmte", "bureau-taak"}),
        ("te_laat=on", {"warmte"}),
        ("stil=on", {"warmte", "bureau-taak"}),
        ("q=flexteam", {"warmte"}),
        ("soort=bureau_task", {"bureau-taak"}),
        ("trekker=assen", {"zorg"}),
        ("jaar=2024", {"zorg", "warmte"}),
        ("jaar=2026", set()),
    ],
)
def test_list_filters(client, reader_user, world, query, expected):
    client.force_login(reader_user)
    response = client.get(f"/agenda/afspraken/?{query}")
    assert {a.slug for a in response.context["page"].object_list} == expected


def test_list_exports_the_screen_columns(client, reader_user, world):
    client.force_login(reader_user)
    text = client.get("/agenda/afspraken/?format=csv&portefeuille=gw").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == [
        "Afspraak",
        "Portefeuille",
        "Thema",
        "Soort",
        "Planning",
        "Status",
        "Laatste update",
        "Mijlpaal over tijd",
    ]
    assert rows[1][0] == "Regiobeeld zorg" and rows[1][5] == "Risico"
    book = load_workbook(io.BytesIO(client.get("/agenda/afspraken/?format=xlsx").content))
    assert book.active.max_row == 4


def _many(world, n):
    for i in range(n):
        agreement = AgreementFactory(
            agenda=world["zorg"].agenda,
            theme=world["zorg"].theme,
            portfolio=world["gw"],
            slug=f"extra-{n}-{i}",
        )
        ProgressUpdateFactory(agreement=agreement)
        MilestoneFactory(agreement=agreement)


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/agenda/afspraken/",
        "/agenda/",
        "/agenda/portefeuilles/gw/",
        "/agenda/tijdlijn/",
        "/openbaar/",
    ],
)
def test_queries_do_not_grow_with_the_number_of_agreements(
    client, bureau_user, world, url, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(bureau_user)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _many(world, 30)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) <= len(few), (len(few), len(many))


def test_public_pages_need_no_sign_in_and_hide_internal_updates_and_people(
    client, world, bureau_user
):
    ProgressUpdate.objects.update(author=bureau_user)
    index = client.get("/openbaar/")
    assert index.status_code == 200
    page = client.get("/openbaar/afspraken/zorg/").content.decode()
    assert "Openbare stand" in page
    assert "Geheime zorg" not in page
    assert str(bureau_user) not in page
    assert "Op koers" in page  # the public status ignores the internal 'at risk' update
    portfolio = client.get("/openbaar/portefeuilles/gw/").content.decode()
    assert "Regiobeeld zorg" in portfolio


@pytest.fixture
def elsewhere(world):
    """A second association with a newer agenda, a portfolio and an agreement of its own."""
    from samenspel.agenda.tests.factories import AgendaFactory
    from samenspel.organisations.models import Association

    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    agenda = AgendaFactory(
        association=other,
        slug="elders-agenda",
        name="Agenda Elders",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2028, 12, 31),
    )
    portfolio = PortfolioFactory(association=other, slug="ander", name="Portefeuille Elders")
    agreement = AgreementFactory(
        agenda=agenda, slug="elders", title="Afspraak Elders", portfolio=portfolio
    )
    milestone = MilestoneFactory(agreement=agreement, title="Mijlpaal Elders")
    ProgressUpdateFactory(agreement=agreement, text="Voortgang Elders")
    return {"portfolio": portfolio, "agreement": agreement, "milestone": milestone}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/agenda/",
        "/agenda/afspraken/",
        "/agenda/afspraken/?format=csv",
        "/agenda/afspraken/?q=Afspraak",
        "/agenda/tijdlijn/",
        "/agenda/portefeuilles/gw/",
        "/openbaar/",
        "/openbaar/portefeuilles/gw/",
    ],
)
def test_pages_show_only_the_requests_association(client, bureau_user, elsewhere, url):
    client.force_login(bureau_user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"Elders" not in response.content


@pytest.mark.parametrize(
    "url",
    [
        "/agenda/afspraken/elders/",
        "/agenda/afspraken/elders/bewerken/",
        "/agenda/portefeuilles/ander/",
        "/openbaar/afspraken/elders/",
        "/openbaar/portefeuilles/ander/",
    ],
)
def test_another_associations_objects_are_not_found(client, bureau_user, elsewhere, url):
    client.force_login(bureau_user)
    assert client.get(url).status_code == 404


def test_another_associations_writes_are_not_found(client, bureau_user, elsewhere):
    client.force_login(bureau_user)
    data = {"date": "2024-08-30", "status": "on_track", "text": "x"}
    assert client.post("/agenda/afspraken/elders/voortgang/", data).status_code == 404
    milestone = elsewhere["milestone"]
    url = f"/agenda/mijlpalen/{milestone.pk}/bereikt/"
    assert client.post(url, {"reached_on": "2024-07-05"}).status_code == 404
    milestone.refresh_from_db()
    assert milestone.reached_on is None


def test_the_filters_offer_and_accept_only_the_associations_portfolios(
    client, reader_user, world, elsewhere
):
    client.force_login(reader_user)
    form = client.get("/agenda/afspraken/").context["form"]
    assert set(form.fields["portefeuille"].queryset) == {world["gw"], world["ekm"]}
    response = client.get("/agenda/afspraken/?portefeuille=ander")
    assert "portefeuille" in response.context["form"].errors
    timeline = client.get("/agenda/tijdlijn/?portefeuille=ander")
    assert timeline.context["portfolio"] is None


def test_the_lead_filter_offers_only_the_associations_leads(client, reader_user, world, elsewhere):
    """Not the whole national register (hundreds of organisations at national scale)."""
    idle = OrganisationFactory(slug="nergens", name="Leidt niets")
    theirs = OrganisationFactory(slug="elders-trekker", name="Trekker Elders")
    elsewhere["agreement"].political_lead = theirs
    elsewhere["agreement"].save()
    client.force_login(reader_user)
    leads = set(client.get("/agenda/afspraken/").context["form"].fields["trekker"].queryset)
    assert world["assen"] in leads
    assert idle not in leads and theirs not in leads
    response = client.get("/agenda/afspraken/?trekker=elders-trekker")
    assert "trekker" in response.context["form"].errors
