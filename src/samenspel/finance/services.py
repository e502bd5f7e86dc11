"""Writes to the money. Atomic; a year that was invoiced keeps its invoiced figures."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.core.history import changed_by
from samenspel.core.versioning import versioned_update
from samenspel.finance.models import BudgetYear, Claim, FundSpending, InvoicedContribution
from samenspel.finance.selectors import contingency_fund, year_figures
from samenspel.organisations.models import Association


def budget_year_update(
    *, budget_year: BudgetYear, expected_version: int, user: User | None, **values: Any
) -> BudgetYear:
    """Change key, reference date or funding of a year. An invoiced year stays as invoiced;
    the page shows the change as a difference instead."""
    return versioned_update(obj=budget_year, expected_version=expected_version, user=user, **values)


@transaction.atomic
def budget_year_invoice(*, budget_year: BudgetYear, invoiced_on: dt.date, user: User | None) -> int:
    """Freeze a year: record each member's amount as invoiced and send a claim to each."""
    budget_year = BudgetYear.objects.select_for_update().get(pk=budget_year.pk)
    if budget_year.invoiced_on is not None:
        raise ValidationError(
            _("Dit jaar is al gefactureerd op %(date)s.") % {"date": budget_year.invoiced_on}
        )
    figures = year_figures(budget_year)
    created = 0
    for member in figures.members:
        amount = figures.shares.get(member.organisation.pk, Decimal("0.00"))
        InvoicedContribution.objects.create(
            budget_year=budget_year,
            organisation=member.organisation,
            amount=amount,
            inhabitants=member.inhabitants,
            reference_date=member.reference_date,
        )
        if amount > 0:
            claim = Claim(
                association_id=budget_year.agenda.association_id,
                organisation=member.organisation,
                year=budget_year.year,
                description=_("Bijdrage samenwerkingsagenda %(year)s") % {"year": budget_year.year},
                amount=amount,
                sent_on=invoiced_on,
            )
            changed_by(claim, user)
            claim.save()
            created += 1
    budget_year.invoiced_on = invoiced_on
    changed_by(budget_year, user)
    budget_year.save(update_fields=["invoiced_on"])
    return created


@transaction.atomic
def claim_mark_paid(
    *, association: Association, claim: Claim, paid_on: dt.date, user: User | None
) -> Claim:
    """Record that `association`'s claim was paid (another association's claim does not
    exist here: Claim.DoesNotExist). The row is locked while it changes."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk, association=association)
    if paid_on < claim.sent_on:
        raise ValidationError({"paid_on": _("De betaaldatum ligt vóór de verzenddatum.")})
    claim.paid_on = paid_on
    changed_by(claim, user)
    claim.save(update_fields=["paid_on"])
    return claim


# Any fixed number: the key of the PostgreSQL lock that serialises spending from the fund.
FUND_LOCK = 7_450_001


@transaction.atomic
def fund_spending_add(
    *,
    association: Association,
    spent_on: dt.date,
    amount: Decimal,
    reason: str,
    user: User | None,
) -> FundSpending:
    """Spend from the contingency fund, never more than its balance. The balance is read
    under a lock held to the end of the transaction, so two spendings at the same moment
    cannot both pass the check (SQLite writes one transaction at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [FUND_LOCK])
    available = contingency_fund(association=association).balance
    if amount > available:
        raise ValidationError(
            {
                "amount": _("Er is maar %(available)s handgeld beschikbaar.")
                % {"available": available}
            }
        )
    spending = FundSpending(
        association=association,
        spent_on=spent_on,
        amount=amount,
        reason=reason,
        decided_by=user,
    )
    changed_by(spending, user)
    spending.full_clean()
    spending.save()
    return spending
