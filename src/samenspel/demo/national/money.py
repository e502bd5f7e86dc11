"""One generated association's money and hours: budget lines with an amount for every
year, budget years, the planned hours per member and portfolio (Table 2.1) and the
realised hours of every quarter up to the reference date."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from samenspel.capacity.constants import TABLE_2_1, CommitmentKind
from samenspel.capacity.models import RealisedHours, StaffCommitment
from samenspel.demo.national.bulk import PERIOD_START, Progress, history, insert
from samenspel.demo.national.structure import Built
from samenspel.finance.constants import ContributionKey, LineKind
from samenspel.finance.models import BudgetAmount, BudgetLine, BudgetYear

YEARS = range(2023, 2028)


def money_create(built: Built, agenda, on: dt.date, progress: Progress) -> None:
    rng = built.rng
    lines = [
        BudgetLine(agenda=agenda, slug=f"post-{n + 1}", name=name, kind=kind, order=n)
        for n, (name, kind) in enumerate(
            [
                ("Bureau en secretariaat", LineKind.RECURRING),
                ("Programmabudget portefeuilles", LineKind.RECURRING),
                ("Kennis en onderzoek", LineKind.RECURRING),
                ("Communicatie", LineKind.RECURRING),
                ("Lobby en belangenbehartiging", LineKind.ONE_OFF),
                ("Onvoorzien", LineKind.ONE_OFF),
            ]
        )
    ]
    insert(BudgetLine, lines, progress)
    history(BudgetLine, lines, lambda _: PERIOD_START, progress)
    amounts = insert(
        BudgetAmount,
        [
            BudgetAmount(line=line, year=year, amount=Decimal(rng.randint(20, 400) * 1000))
            for line in lines
            for year in YEARS
        ],
        progress,
    )
    history(BudgetAmount, amounts, lambda _: PERIOD_START, progress)
    years = insert(
        BudgetYear,
        [
            BudgetYear(
                agenda=agenda,
                year=year,
                from_running_budget=Decimal(rng.randint(50, 250) * 1000),
                key=ContributionKey.PER_INHABITANT,
                reference_date=dt.date(year - 1, 1, 1),
                invoiced_on=dt.date(year, 3, 1) if dt.date(year, 3, 1) <= on else None,
            )
            for year in YEARS
        ],
        progress,
    )
    history(BudgetYear, years, lambda y: dt.date(y.year - 1, 11, 1), progress)
    commitments, realised = [], []
    for org in built.municipalities:
        for portfolio in built.portfolios:
            hours = rng.choice([40, 80, 120, 160, 200])
            commitments.append(
                StaffCommitment(
                    agenda=agenda,
                    organisation=org,
                    kind=CommitmentKind.PORTFOLIO,
                    portfolio=portfolio,
                    label=portfolio.abbreviation,
                    hours_per_year=hours,
                    year_from=2023,
                    source=TABLE_2_1,
                    is_demo=True,
                )
            )
            for year in YEARS:
                for quarter in range(1, 5):
                    if dt.date(year, quarter * 3, 28) > on:
                        break
                    realised.append(
                        RealisedHours(
                            association=built.association,
                            organisation=org,
                            portfolio=portfolio,
                            year=year,
                            quarter=quarter,
                            hours=Decimal(hours * rng.randint(10, 40) // 100),
                            entered_by=built.users["accounthouder"],
                            is_demo=True,
                        )
                    )
    insert(StaffCommitment, commitments, progress)
    history(StaffCommitment, commitments, lambda _: PERIOD_START, progress)
    insert(RealisedHours, realised, progress)
    # each quarter recorded at its end
    history(RealisedHours, realised, lambda r: dt.date(r.year, r.quarter * 3, 28), progress)
