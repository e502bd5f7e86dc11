"""Writes to the staff commitment: realised hours per quarter."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.capacity.constants import MAX_QUARTER_HOURS, QUARTERS
from samenspel.capacity.models import PORTFOLIO_ELSEWHERE, RealisedHours
from samenspel.core.dates import quarter_bounds
from samenspel.core.history import changed_by
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.selectors import member_ids_during

FIRST_YEAR, LAST_YEAR = 2000, 2100


def _hours(value: Any) -> Decimal:
    """The hours as a Decimal with at most one decimal, or a Dutch message for the field."""
    try:
        hours = Decimal(str(value).replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(
            {"hours": _("Vul het aantal uren in als getal, bijv. 12 of 12,5.")}
        ) from None
    if not hours.is_finite():
        raise ValidationError({"hours": _("Vul het aantal uren in als getal, bijv. 12 of 12,5.")})
    return hours


def _check(
    *,
    association: Association,
    organisation: Organisation,
    portfolio: Portfolio | None,
    year: int,
    quarter: int,
    hours: Decimal,
) -> None:
    errors = {}
    if quarter in QUARTERS and FIRST_YEAR <= year <= LAST_YEAR:
        first_day, last_day = quarter_bounds(year, quarter)
        if organisation.pk not in member_ids_during(association, start=first_day, end=last_day):
            errors["organisation"] = _(
                "Alleen leden van het samenwerkingsverband houden hun uren bij, en "
                "%(organisation)s was in dat kwartaal geen lid."
            ) % {"organisation": organisation.display_name}
    if portfolio is not None and portfolio.association_id != association.pk:
        errors["portfolio"] = str(PORTFOLIO_ELSEWHERE)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = _("Het jaar moet tussen %(first)s en %(last)s liggen.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR,
        }
    if quarter not in QUARTERS:
        errors["quarter"] = _("Het kwartaal moet 1, 2, 3 of 4 zijn.")
    if hours < 0:
        errors["hours"] = _("Het aantal uren kan niet negatief zijn.")
    elif hours > MAX_QUARTER_HOURS:
        errors["hours"] = _("Meer dan %(max)s uren in één kwartaal kan niet kloppen.") % {
            "max": MAX_QUARTER_HOURS
        }
    elif hours != hours.quantize(Decimal("0.1")):
        errors["hours"] = _("Vul de uren in met hoogstens één decimaal, bijv. 12,5.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def realised_hours_record(
    *,
    association: Association,
    organisation: Organisation,
    portfolio: Portfolio | None,
    year: int,
    quarter: int,
    hours: Decimal | int | str,
    user: User | None,
    note: str = "",
) -> RealisedHours:
    """Record the hours `organisation` spent in one quarter on `portfolio` (None: its roles
    in `association`).

    A quarter has one figure per portfolio, and one for the roles per association:
    recording it again replaces it (the history keeps the earlier figure and who entered
    it). The row is locked while it changes.
    """
    hours = _hours(hours)
    _check(
        association=association,
        organisation=organisation,
        portfolio=portfolio,
        year=year,
        quarter=quarter,
        hours=hours,
    )
    hours = hours.quantize(Decimal("0.1"))
    record = (
        # order_by("pk"): the default ordering joins the nullable portfolio, which
        # PostgreSQL refuses to lock.
        RealisedHours.objects.select_for_update()
        .filter(
            association=association,
            organisation=organisation,
            portfolio=portfolio,
            year=year,
            quarter=quarter,
        )
        .order_by("pk")
        .first()
    )
    if record is None:
        record = RealisedHours(
            association=association,
            organisation=organisation,
            portfolio=portfolio,
            year=year,
            quarter=quarter,
        )
    elif record.hours == hours and record.note == note and not record.is_demo:
        return record
    record.hours = hours
    record.note = note
    record.is_demo = False
    record.entered_by = user if getattr(user, "is_authenticated", False) else None
    changed_by(record, record.entered_by)
    record.save()
    return record
