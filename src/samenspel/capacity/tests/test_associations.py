"""Realised hours are owned by one association (issue 14), the role hours (no portfolio)
included: an organisation in two associations records its roles' hours in each.

Association A is the VDG with its demo, on the default host; association B is the example
association (`association_b()`), on its own host. Assen takes part in both.
"""

import csv
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.defaultfilters import floatformat
from django.test import RequestFactory
from django.utils import translation

from samenspel.accounts.constants import RoleKind
from samenspel.capacity import realised
from samenspel.capacity.models import RealisedHours
from samenspel.capacity.panels import organisation_hours_panel
from samenspel.capacity.services import realised_hours_record
from samenspel.capacity.tests.factories import RealisedHoursFactory
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.organisations.tests.factories import AssociationMembershipFactory
from samenspel.web.tests.test_isolation import association_b

D = Decimal
HOST_B = "voorbeeld.localhost"
ROLES = "Rollen zonder portefeuille"


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


def _post(client, hours: str, **extra):
    values = {"year": 2025, "quarter": 1, "portfolio": "", "hours": hours, "note": ""}
    return client.post("/inzet/realisatie/assen/", values, **extra)


def _row(client, url: str, label: str, **extra) -> list[str]:
    response = client.get(url, **extra)
    assert response.status_code == 200
    rows = csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    return next(row for row in rows if row[0].startswith(label))


def _q1(row: list[str]) -> Decimal:
    return D(row[2].replace(",", "."))  # label, planned, Q1, …


def _role_hours(association, quarter: int = 1) -> Decimal:
    rows = RealisedHours.objects.filter(
        association=association, portfolio=None, year=2025, quarter=quarter
    )
    return sum((r.hours for r in rows), D("0"))


def test_role_hours_of_one_organisation_in_two_associations_are_both_stored(client, two):
    client.force_login(two.bureau_a)
    assert _post(client, "41,5").status_code == 302
    client.force_login(two.bureau_b)
    assert _post(client, "17,5", HTTP_HOST=HOST_B).status_code == 302
    rows = RealisedHours.objects.filter(
        organisation=two.assen, portfolio=None, year=2025, quarter=1
    )
    assert {(r.association, r.hours) for r in rows} == {(two.a, D("41.5")), (two.b, D("17.5"))}
    # Recording again replaces only the figure of the request's association.
    assert _post(client, "18", HTTP_HOST=HOST_B).status_code == 302
    assert rows.get(association=two.a).hours == D("41.5")
    assert rows.get(association=two.b).hours == D("18.0")
    # One figure per quarter and association, for the roles as for a portfolio.
    with pytest.raises(IntegrityError), transaction.atomic():
        RealisedHoursFactory(association=two.b, organisation=two.assen, year=2025, quarter=1)


def test_each_host_shows_only_its_own_associations_hours(client, two):
    _record_both(two)
    quarters = "/inzet/realisatie/assen/?jaar=2025&format=csv"
    members = "/inzet/?jaar=2025&tabel=realisatie&format=csv"
    portfolios = "/inzet/?jaar=2025&tabel=realisatie-portefeuille&format=csv"

    client.force_login(two.bureau_a)
    assert _q1(_row(client, quarters, ROLES)) == D("41.5")
    assert _q1(_row(client, portfolios, ROLES)) == _role_hours(two.a)
    a_assen = realised.organisation_hours(two.assen, 2025, association=two.a)
    assert a_assen.portfolios[-1].quarters[0] == D("41.5")
    assert _q1(_row(client, members, "Assen")) == a_assen.total.quarters[0]

    client.force_login(two.bureau_b)
    assert _q1(_row(client, quarters, ROLES, HTTP_HOST=HOST_B)) == D("17.5")
    assert _q1(_row(client, members, "Assen", HTTP_HOST=HOST_B)) == D("17.5")
    assert _q1(_row(client, portfolios, ROLES, HTTP_HOST=HOST_B)) == D("17.5")
    b_assen = realised.organisation_hours(two.assen, 2025, association=two.b)
    assert b_assen.realised == D("17.5")
    assert b_assen.portfolios[-1].quarters == [D("17.5"), None, None, None]


def _record_both(two) -> None:
    """Assen's role hours of 2025 Q1: 41.5 in A (replacing the demo's), 17.5 in B."""
    for association, hours in ((two.a, "41.5"), (two.b, "17.5")):
        realised_hours_record(
            association=association,
            organisation=two.assen,
            portfolio=None,
            year=2025,
            quarter=1,
            hours=hours,
            user=None,
        )


def test_the_organisation_page_counts_only_its_associations_hours(client, two):
    _record_both(two)
    request = RequestFactory().get("/organisaties/assen/")
    request.association = two.a
    roles = organisation_hours_panel(request, two.assen)["hours"].portfolios[-1]
    assert (roles.label, roles.quarters[0]) == (ROLES, D("41.5"))
    client.force_login(two.bureau_a)
    page = client.get("/organisaties/assen/").content.decode()
    with translation.override("nl"):
        own = floatformat(roles.realised, "-1")
        with_b = floatformat(roles.realised + D("17.5"), "-1")
    assert f">{own}</td>" in page and f">{with_b}</td>" not in page


def test_hours_on_another_associations_portfolio_are_refused(two):
    vdg_portfolio = Portfolio.objects.filter(association=two.a).first()
    with pytest.raises(ValidationError) as error:
        realised_hours_record(
            association=two.b,
            organisation=two.assen,
            portfolio=vdg_portfolio,
            year=2025,
            quarter=1,
            hours=10,
            user=None,
        )
    assert error.value.message_dict["portfolio"] == [
        "Deze portefeuille hoort bij een ander samenwerkingsverband."
    ]
    row = RealisedHoursFactory.build(
        association=two.b, organisation=two.assen, portfolio=vdg_portfolio
    )
    with pytest.raises(ValidationError):
        row.full_clean()


def test_the_demo_hours_are_the_vdgs(two):
    assert RealisedHours.objects.filter(is_demo=True, portfolio=None).exists()
    assert not RealisedHours.objects.exclude(association=two.a).exists()
