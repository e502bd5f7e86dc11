"""Recording realised hours: one figure per quarter, validated, audited; and the demo layer."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samenspel.capacity import realised
from samenspel.capacity.demo import demo_realised_hours_create
from samenspel.capacity.models import RealisedHours
from samenspel.capacity.services import realised_hours_record
from samenspel.capacity.tests.factories import RealisedHoursFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.organisations.tests.factories import OrganisationFactory, PortfolioFactory


@pytest.fixture
def world(db):
    return {
        "assen": OrganisationFactory(slug="assen", name="Gemeente Assen", municipality=True),
        "sport": PortfolioFactory(slug="sport", name="Sport"),
        "provincie": OrganisationFactory(slug="provincie", province=True),
    }


def _record(world, bureau_user, **values):
    arguments = {
        "association": association_default(),
        "organisation": world["assen"],
        "portfolio": world["sport"],
        "year": 2024,
        "quarter": 1,
        "hours": Decimal("20"),
        "user": bureau_user,
    }
    return realised_hours_record(**{**arguments, **values})


def test_recording_a_quarter_again_replaces_it_and_the_history_keeps_both(world, bureau_user):
    first = _record(world, bureau_user, hours="12,5", note="eerste opgave")
    second = _record(world, bureau_user, hours=Decimal("14"))
    assert first.pk == second.pk
    record = RealisedHours.objects.get()
    assert (record.hours, record.note, record.entered_by) == (Decimal("14.0"), "", bureau_user)
    assert [h.hours for h in record.history.order_by("history_date")] == [
        Decimal("12.5"),
        Decimal("14.0"),
    ]
    assert record.history.first().history_user == bureau_user
    # The same figure again writes nothing.
    _record(world, bureau_user, hours=14)
    assert record.history.count() == 2


def test_roles_without_a_portfolio_are_one_figure_per_quarter(world, bureau_user):
    _record(world, bureau_user, portfolio=None, hours=30)
    _record(world, bureau_user, portfolio=None, hours=35)
    _record(world, bureau_user, portfolio=None, quarter=2, hours=35)
    assert RealisedHours.objects.filter(portfolio=None).count() == 2
    with pytest.raises(IntegrityError), transaction.atomic():
        RealisedHoursFactory(organisation=world["assen"], year=2024, quarter=1, hours=1)


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({"quarter": 0}, "quarter", "Het kwartaal moet 1, 2, 3 of 4 zijn."),
        ({"quarter": 5}, "quarter", "Het kwartaal moet 1, 2, 3 of 4 zijn."),
        ({"hours": Decimal("-0.5")}, "hours", "Het aantal uren kan niet negatief zijn."),
        ({"hours": 2000.5}, "hours", "Meer dan 2000 uren in één kwartaal kan niet kloppen."),
        ({"hours": "12.25"}, "hours", "Vul de uren in met hoogstens één decimaal, bijv. 12,5."),
        ({"hours": "twaalf"}, "hours", "Vul het aantal uren in als getal, bijv. 12 of 12,5."),
        ({"hours": "NaN"}, "hours", "Vul het aantal uren in als getal, bijv. 12 of 12,5."),
        ({"year": 1999}, "year", "Het jaar moet tussen 2000 en 2100 liggen."),
    ],
)
def test_bad_input_is_named_in_dutch_and_nothing_is_saved(
    world, bureau_user, values, field, message
):
    with pytest.raises(ValidationError) as error:
        _record(world, bureau_user, **values)
    assert error.value.message_dict[field] == [message]
    assert not RealisedHours.objects.exists()


def test_edges_are_allowed(world, bureau_user):
    _record(world, bureau_user, hours=0)
    _record(world, bureau_user, quarter=4, hours=2000)
    assert RealisedHours.objects.count() == 2


def test_only_members_record_hours(world, bureau_user):
    with pytest.raises(ValidationError) as error:
        _record(world, bureau_user, organisation=world["provincie"])
    assert "organisation" in error.value.message_dict


def test_the_database_refuses_a_fifth_quarter_and_negative_hours(world):
    for values in ({"quarter": 5, "hours": 1}, {"quarter": 1, "hours": -1}):
        with pytest.raises(IntegrityError), transaction.atomic():
            RealisedHoursFactory(
                organisation=world["assen"], portfolio=world["sport"], year=2024, **values
            )


def test_organisation_hours_breaks_the_year_down_by_portfolio_and_role(vdg_agenda, bureau_user):
    assen = Organisation.objects.get(slug="assen")
    oc = Portfolio.objects.get(slug="onderwijs-en-cultuur")
    realised_hours_record(
        association=association_default(),
        organisation=assen,
        portfolio=oc,
        year=2025,
        quarter=3,
        hours=40,
        user=bureau_user,
    )
    hours = realised.organisation_hours(assen, 2025, association=association_default())
    by_portfolio = {row.label: row for row in hours.portfolios}
    assert by_portfolio["Onderwijs en Cultuur"].planned == 90 + 100
    assert by_portfolio["Onderwijs en Cultuur"].quarters == [None, None, Decimal("40.0"), None]
    assert by_portfolio["Gezondheid en Welzijn"].planned == 110
    assert by_portfolio["Rollen zonder portefeuille"].planned == 535
    assert [(r.kind, r.hours) for r in hours.roles] == [
        ("chair", 110),
        ("account_holder", 40),
        ("vng_committee_support", 25),
        ("staff_expertise", 360),
    ]
    assert (hours.planned, hours.realised) == (1375, Decimal("40.0"))
    assert realised.organisation_hours(assen, 2022, association=association_default()).planned == 0


def test_demo_realised_hours_are_marked_deterministic_and_made_once(vdg_agenda):
    made = demo_realised_hours_create()
    # 15 quarters (2023 to 2026 Q3) x 12 members x (8 portfolios + their roles)
    assert made == 15 * 12 * 9
    assert RealisedHours.objects.filter(is_demo=False).count() == 0
    assert not RealisedHours.objects.filter(year=2026, quarter=4).exists()
    assert not RealisedHours.objects.filter(year=2027).exists()
    assert demo_realised_hours_create() == 0
    assert RealisedHours.objects.count() == made

    assen = Organisation.objects.get(slug="assen")
    gw = Portfolio.objects.get(slug="gezondheid-en-welzijn")
    quarters = RealisedHours.objects.filter(organisation=assen, portfolio=gw)
    for record in quarters:
        assert Decimal("110") / 4 * Decimal("0.7") - 1 <= record.hours
        assert record.hours <= Decimal("110") / 4 * Decimal("1.3") + 1
    first = {(r.year, r.quarter): r.hours for r in quarters}
    RealisedHours.objects.all().delete()
    demo_realised_hours_create()
    assert {(r.year, r.quarter): r.hours for r in quarters.all()} == first

    summary = realised.planned_vs_realised(agenda=vdg_agenda, year=2024)
    assert summary.has_demo and summary.has_realised
    assert 80 <= summary.total.percent <= 120


def test_demo_leaves_quarters_someone_filled_in_alone(vdg_agenda, bureau_user):
    assen = Organisation.objects.get(slug="assen")
    gw = Portfolio.objects.get(slug="gezondheid-en-welzijn")
    realised_hours_record(
        association=association_default(),
        organisation=assen,
        portfolio=gw,
        year=2023,
        quarter=1,
        hours=1,
        user=bureau_user,
    )
    assert demo_realised_hours_create() == 15 * 12 * 9 - 1
    assert (
        RealisedHours.objects.get(organisation=assen, portfolio=gw, year=2023, quarter=1).hours == 1
    )


def test_hours_on_another_associations_portfolio_are_not_counted(vdg_agenda):
    from samenspel.organisations.models import Association
    from samenspel.organisations.tests.factories import PortfolioFactory

    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    elsewhere = PortfolioFactory(association=other, slug="elders", name="Portefeuille Elders")
    assen = Organisation.objects.get(slug="assen")
    RealisedHoursFactory(
        organisation=assen, portfolio=elsewhere, year=2025, quarter=1, hours=Decimal("12")
    )
    hours = realised.organisation_hours(assen, 2025, association=association_default())
    assert "Portefeuille Elders" not in [row.label for row in hours.portfolios]
    assert hours.realised == 0
    summary = realised.planned_vs_realised(agenda=vdg_agenda, year=2025)
    assert summary.total.realised == 0
    assert "Portefeuille Elders" not in [row.label for row in summary.portfolios]
