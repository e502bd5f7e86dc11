"""The agenda budget: Table 1 reproduced to the cent, stated versus computed, keys,
frozen invoiced years, the 5% surcharge and the contingency fund."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from samenspel.finance import project_shares, selectors, services
from samenspel.finance.models import (
    BudgetAmount,
    BudgetYear,
    Claim,
    FundSpending,
    Project,
    ProjectFunder,
    ProjectYear,
    StatedFigure,
)
from samenspel.finance.tests.factories import ClaimFactory
from samenspel.organisations.models import InhabitantCount, Organisation

D = Decimal


def test_default_data_reproduces_table_1_per_inhabitant_row(vdg_budget):
    figures = {f.budget_year.year: f for f in selectors.budget_years(vdg_budget)}
    stated = {s.year: s.amount for s in StatedFigure.objects.filter(what="per_inhabitant")}
    assert {y: f.per_inhabitant_rounded for y, f in figures.items()} == stated
    assert figures[2024].inhabitants_total == 504116
    assert figures[2024].remaining == D("75000.00")
    assert sum(figures[2024].shares.values()) == D("75000.00")


def test_members_amounts_add_up_and_follow_inhabitants(vdg_budget):
    figures = selectors.year_figures(BudgetYear.objects.get(year=2025))
    emmen = Organisation.objects.get(slug="emmen")
    westerveld = Organisation.objects.get(slug="westerveld")
    assert sum(figures.shares.values()) == D("52500.00")
    assert figures.shares[emmen.pk] == D("11389.15")  # 109361 / 504116 * 52500
    assert figures.shares[westerveld.pk] < figures.shares[emmen.pk]


def test_stated_vs_computed_finds_the_documents_own_differences(vdg_budget):
    differing = {
        (c.figure.what, c.figure.year, c.figure.amount, c.computed)
        for c in selectors.stated_vs_computed(vdg_budget)
        if c.differs
    }
    assert differing == {
        ("total_costs", None, D("235000.00"), D("250000.00")),
        ("remaining", None, D("170000.00"), D("185000.00")),
    }


def test_stated_vs_computed_finds_a_planted_difference_and_is_silent_when_fixed(vdg_budget):
    amount = BudgetAmount.objects.get(line__slug="communicatie", year=2026)
    amount.amount = D("21000.00")
    amount.save()
    planted = [
        c for c in selectors.stated_vs_computed(vdg_budget) if c.differs and c.figure.year == 2026
    ]
    assert {c.figure.what for c in planted} == {"total_costs", "remaining", "per_inhabitant"}
    amount.amount = D("20000.00")
    amount.save()
    assert not [
        c for c in selectors.stated_vs_computed(vdg_budget) if c.differs and c.figure.year == 2026
    ]


def test_other_keys_equal_fixed_and_base_plus_inhabitant(vdg_budget):
    year = BudgetYear.objects.get(year=2026)
    year.key = "equal"
    year.save()
    shares = selectors.year_figures(year).shares
    assert sum(shares.values()) == D("32500.00")
    assert max(shares.values()) - min(shares.values()) <= D("0.01")
    year.key = "base_plus_inhabitant"
    year.base_amount = D("1000.00")
    year.save()
    shares = selectors.year_figures(year).shares
    assert sum(shares.values()) == D("32500.00")
    assert min(shares.values()) > D("1000.00")


def test_reference_date_picks_the_figure_of_that_date(vdg_budget):
    assen = Organisation.objects.get(slug="assen")
    InhabitantCount.objects.create(
        organisation=assen, reference_date=dt.date(2026, 1, 1), count=70500, source="CBS test"
    )
    before = selectors.year_figures(BudgetYear.objects.get(year=2025)).members
    after = selectors.year_figures(BudgetYear.objects.get(year=2026)).members
    assert next(m for m in before if m.organisation == assen).inhabitants == 69691
    assert next(m for m in after if m.organisation == assen).inhabitants == 70500


def test_an_invoiced_year_is_frozen_and_shows_changes_as_differences(vdg_budget, bureau_user):
    year = BudgetYear.objects.get(year=2024)
    sent = services.budget_year_invoice(
        budget_year=year, invoiced_on=dt.date(2024, 3, 1), user=bureau_user
    )
    assert sent == 12
    assert Claim.objects.filter(year=2024).count() == 12
    assert {c.association for c in Claim.objects.filter(year=2024)} == {vdg_budget.association}
    assen = Organisation.objects.get(slug="assen")
    invoiced = selectors.year_figures(year).amount_for(assen.pk)
    InhabitantCount.objects.filter(organisation=assen, reference_date="2024-01-01").update(
        count=80000
    )
    figures = selectors.year_figures(BudgetYear.objects.get(year=2024))
    assert figures.amount_for(assen.pk) == invoiced  # stays as invoiced
    assert figures.difference(assen.pk) > 0  # the change shows as a difference
    with pytest.raises(ValidationError, match="al gefactureerd"):
        services.budget_year_invoice(
            budget_year=year, invoiced_on=dt.date(2024, 4, 1), user=bureau_user
        )


def test_surcharge_and_contingency_fund(vdg_budget, bureau_user):
    project = Project.objects.get(slug="drents-zorglandschap")
    project_year = ProjectYear.objects.create(
        project=project, year=2024, members_amount=D("60000.00")
    )
    ProjectFunder.objects.create(
        project_year=project_year,
        amount=D("25000.00"),
        organisation=Organisation.objects.get(slug="provincie-drenthe"),
    )
    shares = project_shares.project_year_shares(project_year)
    assert sum(shares.member_shares.values()) == D("60000.00")
    assert sum(shares.member_surcharges.values()) == D("3000.00")
    assert shares.surcharge_total == D("4250.00")  # 5% of 60.000 + 5% of 25.000
    association = vdg_budget.association
    fund = selectors.contingency_fund(association=association)
    assert fund.balance == D("4250.00")
    services.fund_spending_add(
        association=association,
        spent_on=dt.date(2024, 6, 1),
        amount=D("1000.00"),
        reason="Kenniscafé",
        user=bureau_user,
    )
    assert selectors.contingency_fund(association=association).balance == D("3250.00")
    with pytest.raises(ValidationError):
        services.fund_spending_add(
            association=association,
            spent_on=dt.date(2024, 6, 1),
            amount=D("5000.00"),
            reason="Te veel",
            user=bureau_user,
        )
    assert FundSpending.objects.get().association == association


def test_claim_cannot_be_paid_before_it_was_sent(vdg_budget, bureau_user):
    association = vdg_budget.association
    claim = ClaimFactory(
        association=association,
        organisation=Organisation.objects.get(slug="assen"),
        description="x",
        amount=D("10.00"),
        sent_on=dt.date(2024, 3, 1),
    )
    outstanding = selectors.outstanding_claims(association=association)
    assert outstanding.filter(pk=claim.pk).exists()  # a member's contribution claim
    with pytest.raises(ValidationError):
        services.claim_mark_paid(
            association=association, claim=claim, paid_on=dt.date(2024, 2, 1), user=bureau_user
        )
    services.claim_mark_paid(
        association=association, claim=claim, paid_on=dt.date(2024, 3, 5), user=bureau_user
    )
    assert not outstanding.filter(pk=claim.pk).exists()


def test_checkagenda_lists_the_stated_differences(vdg_budget, capsys):
    from django.core.management import call_command

    with pytest.raises(SystemExit):
        call_command("checkagenda", "--all")
    out = capsys.readouterr().out
    assert "Genoemde bedragen tegenover de begrotingsposten (3)" in out
    assert "het document zegt € 235.000,00, de posten geven € 250.000,00" in out


def test_assen_communication_is_a_cost_split_over_all_members_without_surcharge(vdg_budget):
    project = Project.objects.get(slug="compensatie-communicatie-assen")
    assert project.surcharge_percent == D("0.00")
    project_year = ProjectYear.objects.create(
        project=project, year=2025, members_amount=D("28800.00")
    )
    shares = project_shares.project_year_shares(project_year)
    assert len([s for s in shares.member_shares.values() if s > 0]) == 12
    assert sum(shares.member_shares.values()) == D("28800.00")
    assert shares.surcharge_total == D("0.00")
