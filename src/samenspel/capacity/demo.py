"""Demo realised hours: fictitious quarters 2023 to 2026 Q3 for every member, marked demo.

Deterministic (seeded by member, portfolio, year and quarter), so every installation
shows the same demo. Each quarter is a quarter of the year's planned hours, varied by
up to 30% either way: some members spend less than agreed, some more.
"""

from __future__ import annotations

import random
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from samenspel.agenda.selectors import current_agenda
from samenspel.capacity.models import RealisedHours
from samenspel.capacity.selectors import staff_commitments
from samenspel.organisations.associations import association_default

FIRST_YEAR = 2023
# (year, last quarter): the demo runs up to and including 2026 Q3.
LAST = (2026, 3)
VARIATION = 0.3


def _quarters():
    for year in range(FIRST_YEAR, LAST[0] + 1):
        for quarter in range(1, (LAST[1] if year == LAST[0] else 4) + 1):
            yield year, quarter


def _hours(planned: int, seed: str) -> Decimal:
    factor = random.Random(seed).uniform(1 - VARIATION, 1 + VARIATION)
    # Whole and half hours, as people write them down.
    return Decimal(round(planned / 4 * factor * 2)) / 2


@transaction.atomic
def demo_realised_hours_create() -> int:
    """Add the demo's realised hours; returns how many rows it made (0 when already there)."""
    association = association_default()  # the demo is the VDG's
    agenda = current_agenda(association)
    recorded = RealisedHours.objects.filter(association=association)
    if agenda is None or recorded.filter(is_demo=True).exists():
        return 0
    # Quarters someone already filled in for real are left alone.
    taken = set(recorded.values_list("organisation_id", "portfolio_id", "year", "quarter"))
    rows = []
    for year, quarter in _quarters():
        planned: dict[tuple, int] = defaultdict(int)
        for commitment in staff_commitments(agenda=agenda, year=year):
            planned[(commitment.organisation, commitment.portfolio)] += commitment.hours_per_year
        for (organisation, portfolio), hours in sorted(
            planned.items(), key=lambda i: (i[0][0].slug, i[0][1].slug if i[0][1] else "")
        ):
            if (organisation.pk, portfolio.pk if portfolio else None, year, quarter) in taken:
                continue
            what = portfolio.slug if portfolio else "rollen"
            rows.append(
                RealisedHours(
                    association=association,
                    organisation=organisation,
                    portfolio=portfolio,
                    year=year,
                    quarter=quarter,
                    hours=_hours(hours, f"{organisation.slug}/{what}/{year}/{quarter}"),
                    note="Demo",
                    is_demo=True,
                )
            )
    bulk_create_with_history(rows, RealisedHours, batch_size=500)
    return len(rows)
