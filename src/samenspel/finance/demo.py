"""Demo money: project amounts, claims, supplier payments and fund spending, marked demo.

The agenda's own budget (Table 1) is real and untouched; what the document does not
give (how the service desk's projects are financed per year, what was claimed and paid)
is invented here, deterministically.
"""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

from django.db import transaction

from samenspel.agenda.selectors import current_agenda
from samenspel.core.dates import today
from samenspel.finance.models import (
    Claim,
    FundSpending,
    Project,
    ProjectFunder,
    ProjectYear,
    SupplierPayment,
)
from samenspel.finance.project_shares import project_year_shares
from samenspel.finance.selectors import budget_years
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Association

# Members' share, and other funders' amounts, per project per year (invented).
PLAN = {
    "drents-zorglandschap": (
        Decimal("60000.00"),
        {"provincie-drenthe": Decimal("25000.00"), "zilveren-kruis": Decimal("18005.00")},
    ),
    "drentse-onderwijsmonitor": (Decimal("24000.00"), {"provincie-drenthe": Decimal("24000.00")}),
    "hartveilig-drenthe": (Decimal("36000.00"), {}),
    "flexteam-warmte": (Decimal("150000.00"), {"provincie-drenthe": Decimal("100000.00")}),
    # 8 hours a week, about 45 weeks, at an invented hourly rate of € 80.
    "compensatie-communicatie-assen": (Decimal("28800.00"), {}),
}


def _claims_for(shares, project: Project, year: int, rng: random.Random, on: dt.date) -> int:
    sent = dt.date(year, 2, 1)
    if sent > on:
        return 0
    created = 0
    rows = [
        (
            m.organisation,
            shares.member_shares[m.organisation.pk] + shares.member_surcharges[m.organisation.pk],
        )
        for m in shares.members
    ]
    rows += [(org, amount + surcharge) for org, amount, surcharge in shares.funders]
    for organisation, amount in rows:
        if amount <= 0:
            continue
        paid = sent + dt.timedelta(days=rng.randint(20, 90))
        Claim.objects.create(
            association_id=project.association_id,
            organisation=organisation,
            project=project,
            year=year,
            amount=amount,
            description=f"{project.name} {year} (incl. 5% opslag)",
            sent_on=sent,
            paid_on=paid if paid <= on and rng.random() < 0.9 else None,
            is_demo=True,
        )
        created += 1
    return created


def _project_years(project: Project, members_amount, funders, rng, on: dt.date) -> int:
    from samenspel.organisations.models import Organisation

    created = 0
    for year in range(2023, on.year + 1):
        project_year = ProjectYear.objects.create(
            project=project, year=year, members_amount=members_amount, is_demo=True
        )
        for org_slug, amount in funders.items():
            ProjectFunder.objects.create(
                project_year=project_year,
                amount=amount,
                organisation=Organisation.objects.get(slug=org_slug),
                is_demo=True,
            )
        created += _claims_for(project_year_shares(project_year), project, year, rng, on)
        for quarter in range(4):
            paid_on = dt.date(year, 3 * quarter + 3, 15)
            if paid_on <= on:
                SupplierPayment.objects.create(
                    project=project,
                    supplier=project.supplier or f"Uitvoerder {project.name}",
                    description=f"Termijn Q{quarter + 1} {year}",
                    paid_on=paid_on,
                    amount=(members_amount + sum(funders.values())) / 4,
                    is_demo=True,
                )
    return created


def _agenda_claims(association: Association, rng: random.Random, on: dt.date) -> int:
    agenda = current_agenda(association)
    created = 0
    for figures in budget_years(agenda) if agenda else []:
        year = figures.budget_year.year
        sent = dt.date(year, 3, 1)
        if figures.remaining <= 0 or sent > on:
            continue
        for member in figures.members:
            paid = sent + dt.timedelta(days=rng.randint(14, 70))
            Claim.objects.create(
                association=association,
                organisation=member.organisation,
                year=year,
                sent_on=sent,
                amount=figures.shares[member.organisation.pk],
                description=f"Bijdrage samenwerkingsagenda {year}",
                paid_on=paid if paid <= on and rng.random() < 0.85 else None,
                is_demo=True,
            )
            created += 1
    return created


SPENDINGS = [
    (dt.date(2024, 5, 14), Decimal("4500.00"), "Extra bijeenkomst kenniscafé asiel en integratie"),
    (dt.date(2025, 10, 2), Decimal("7800.00"), "Spoedonderzoek gevolgen herijking gemeentefonds"),
]


@transaction.atomic
def demo_finance_create() -> int:
    """Add the demo money once; returns how many claims were made (0 the second time)."""
    association = association_default()  # the demo is the VDG's
    if Claim.objects.filter(association=association, is_demo=True).exists():
        return 0
    on = today()
    rng = random.Random("samenspel-finance")
    created = 0
    for slug, (members_amount, funders) in PLAN.items():
        project = Project.objects.filter(association=association, slug=slug).first()
        if project is not None:
            created += _project_years(project, members_amount, funders, rng, on)
    created += _agenda_claims(association, rng, on)
    for spent_on, amount, reason in SPENDINGS:
        if spent_on <= on:
            FundSpending.objects.create(
                association=association,
                spent_on=spent_on,
                amount=amount,
                reason=reason,
                is_demo=True,
            )
    return created
