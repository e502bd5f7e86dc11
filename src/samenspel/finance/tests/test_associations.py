"""Claims, the contingency fund and projects are owned by one association (issue 14).

Association A is the VDG with its demo, on the default host; association B is the example
association (`association_b()`), on its own host. Assen takes part in both, so nothing
here is kept apart by the organisation's memberships: only by the association a record
names.
"""

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F

from samenspel.accounts.constants import RoleKind
from samenspel.agenda.models import Agenda
from samenspel.finance import selectors
from samenspel.finance.loader import budget_load
from samenspel.finance.models import Claim, FundSpending, Project, ProjectYear
from samenspel.finance.tests.factories import ClaimFactory, FundSpendingFactory, ProjectFactory
from samenspel.organisations.models import Organisation
from samenspel.organisations.structure import LoadCounts
from samenspel.organisations.tests.factories import AssociationMembershipFactory
from samenspel.web.tests.test_isolation import MARKER, association_b

D = Decimal
HOST_B = "voorbeeld.localhost"


@pytest.fixture
def two(vdg_demo_data, make_user, settings):
    settings.SAMENSPEL_TODAY = "2025-06-15"
    b = association_b()
    assen = Organisation.objects.get(slug="assen")
    AssociationMembershipFactory(association=b, organisation=assen)
    return SimpleNamespace(
        a=vdg_demo_data.association,
        b=b,
        assen=assen,
        bureau_a=make_user(RoleKind.BUREAU),
        bureau_b=make_user(RoleKind.BUREAU, association=b),
    )


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_the_demo_money_is_the_vdgs(two):
    assert Claim.objects.filter(is_demo=True).exists()
    assert not Claim.objects.exclude(association=two.a).exists()
    assert FundSpending.objects.filter(is_demo=True).exists()
    assert not FundSpending.objects.exclude(association=two.a).exists()
    # A project's claims are its association's.
    projects = Claim.objects.filter(project__isnull=False)
    assert projects.exists()
    assert not projects.exclude(association_id=F("project__association_id")).exists()


def test_a_claim_without_a_project_is_shown_and_paid_only_in_its_association(client, two):
    counted = selectors.outstanding_claims(association=two.a).count()
    claim = ClaimFactory(
        association=two.b,
        organisation=two.assen,
        description=f"{MARKER} bijdrage Voorbeeldregio",
        amount=D("123.45"),
        sent_on=dt.date(2025, 3, 1),
    )
    assert selectors.outstanding_claims(association=two.a).count() == counted
    assert not selectors.claims_of(two.a).filter(pk=claim.pk).exists()
    assert not selectors.outstanding_claims(two.assen, association=two.a).filter(pk=claim.pk)
    pay = f"/financien/declaraties/{claim.pk}/betaald/"

    client.force_login(two.bureau_a)
    for url in ("/financien/", "/financien/?format=csv", "/organisaties/assen/"):
        assert MARKER not in _text(client.get(url)), url
    assert client.get(pay).status_code == 404
    assert client.post(pay, {"paid_on": "2025-03-05"}).status_code == 404
    claim.refresh_from_db()
    assert claim.paid_on is None

    client.force_login(two.bureau_b)
    assert MARKER in _text(client.get("/financien/", HTTP_HOST=HOST_B))
    assert MARKER in _text(client.get("/organisaties/assen/", HTTP_HOST=HOST_B))
    assert client.get(pay, HTTP_HOST=HOST_B).status_code == 200
    assert client.post(pay, {"paid_on": "2025-03-05"}, HTTP_HOST=HOST_B).status_code == 302
    claim.refresh_from_db()
    assert claim.paid_on == dt.date(2025, 3, 5)
    assert selectors.outstanding_claims(association=two.a).count() == counted


def test_a_claim_names_the_association_of_its_project(two):
    vdg_project = Project.objects.filter(association=two.a).first()
    claim = ClaimFactory.build(association=two.b, organisation=two.assen, project=vdg_project)
    with pytest.raises(ValidationError) as error:
        claim.full_clean()
    assert error.value.message_dict["project"] == [
        "Dit project hoort bij een ander samenwerkingsverband."
    ]
    assert ClaimFactory(organisation=two.assen, project=vdg_project).association == two.a


def test_fund_spending_counts_only_in_its_own_associations_fund(client, two):
    fund_a = selectors.contingency_fund(association=two.a)
    assert fund_a.balance > D("1000.00")  # the demo's surcharges
    client.force_login(two.bureau_b)
    add = "/financien/handgeld/uitgave/"
    spending = {"spent_on": "2025-06-01", "amount": "400.00", "reason": f"{MARKER} kenniscafé"}
    # B's fund is empty, whatever A's holds.
    assert "handgeld beschikbaar" in _text(client.post(add, spending, HTTP_HOST=HOST_B))
    assert not FundSpending.objects.filter(association=two.b).exists()
    project = Project.objects.get(association=two.b, slug="voorbeeld-project")
    ProjectYear.objects.create(project=project, year=2025, members_amount=D("10000.00"))
    assert client.post(add, spending, HTTP_HOST=HOST_B).status_code == 302
    fund_b = selectors.contingency_fund(association=two.b)
    assert (fund_b.surcharges_in, fund_b.spent, fund_b.balance) == (
        D("500.00"),
        D("400.00"),
        D("100.00"),
    )
    FundSpendingFactory(association=two.b, amount=D("50.00"), reason=f"{MARKER} nog een")
    after = selectors.contingency_fund(association=two.a)
    assert (after.surcharges_in, after.spent, after.balance) == (
        fund_a.surcharges_in,
        fund_a.spent,
        fund_a.balance,
    )
    assert after.spendings == fund_a.spendings
    assert MARKER in _text(client.get("/financien/", HTTP_HOST=HOST_B))
    client.force_login(two.bureau_a)
    assert MARKER not in _text(client.get("/financien/"))


def test_two_associations_each_have_their_own_project_with_the_same_slug(client, two):
    vdg_project = Project.objects.get(association=two.a, slug="drents-zorglandschap")
    ProjectFactory(
        association=two.b, slug="drents-zorglandschap", name=f"{MARKER} Zorglandschap Voorbeeld"
    )
    url = "/financien/projecten/drents-zorglandschap/"
    client.force_login(two.bureau_a)
    page_a = _text(client.get(url))
    assert vdg_project.name in page_a and MARKER not in page_a
    client.force_login(two.bureau_b)
    page_b = _text(client.get(url, HTTP_HOST=HOST_B))
    assert f"{MARKER} Zorglandschap Voorbeeld" in page_b and vdg_project.name not in page_b
    with pytest.raises(IntegrityError), transaction.atomic():
        ProjectFactory(association=two.b, slug="drents-zorglandschap")


def test_loading_a_project_with_another_associations_slug_leaves_that_one_alone(two):
    vdg_project = Project.objects.get(association=two.a, slug="drents-zorglandschap")
    agenda_b = Agenda.objects.get(association=two.b)
    item = {"slug": "drents-zorglandschap", "name": "Zorglandschap Voorbeeldregio"}
    budget_load(agenda_b, {"service_desk_projects": [item]}, LoadCounts())
    project_b = Project.objects.get(association=two.b, slug="drents-zorglandschap")
    assert project_b.pk != vdg_project.pk and project_b.name == "Zorglandschap Voorbeeldregio"
    vdg_project.refresh_from_db()
    assert vdg_project.name == "Drents Zorglandschap"
