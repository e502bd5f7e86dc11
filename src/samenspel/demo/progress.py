"""Demo progress: fictitious updates 2023-2026 on the real agreements, marked demo.

Deterministic (seeded by each agreement's slug), so every installation shows the same
demo: a realistic mix of statuses, some milestones reached, some overdue, and some
agreements that nobody updated for months.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from samenspel.accounts.models import User
from samenspel.agenda.constants import Status
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.agenda.selectors import current_agenda
from samenspel.core.dates import today
from samenspel.organisations.associations import association_default

TEXTS = {
    Status.ON_TRACK: [
        "De werkgroep is bijeengekomen; de uitwerking ligt op schema.",
        "Afspraken met de partners zijn gemaakt; de eerste resultaten worden in het PHO gedeeld.",
        "Alle gemeenten hebben hun inbreng geleverd. Volgende stap staat gepland.",
        "Kennissessie gehouden met ambtenaren van alle gemeenten; goede opkomst.",
    ],
    Status.AT_RISK: [
        "Door personele schaarste bij enkele gemeenten is de inzet lager dan afgesproken.",
        "De planning is krap: de besluitvorming in de colleges loopt uiteen.",
        "Financiering van de provincie is nog niet rond; dat kan de start vertragen.",
    ],
    Status.DELAYED: [
        "Vertraagd: de opdracht wordt opnieuw geformuleerd na bespreking in het PHO.",
        "De oplevering schuift een kwartaal door vertraging bij de externe partner.",
    ],
    Status.DONE: [
        "Afgerond en vastgesteld in het PHO. Resultaten staan op de website.",
        "Opgeleverd; de uitvoering gaat lokaal verder.",
    ],
    Status.STOPPED: ["Gestopt: de colleges kozen ervoor dit lokaal op te pakken."],
}

# Final status weights for the demo's mix.
FINAL = [
    (Status.ON_TRACK, 45),
    (Status.DONE, 20),
    (Status.AT_RISK, 14),
    (Status.DELAYED, 10),
    (Status.STOPPED, 3),
    (Status.NOT_STARTED, 8),
]

USERS_BY_PORTFOLIO = {
    "gezondheid-en-welzijn": "voorzitter-gw",
    "energie-klimaat-en-milieu": "kerngroep-ekm",
}


def _author(agreement: Agreement, users: dict[str, User]) -> User | None:
    slug = agreement.portfolio.slug if agreement.portfolio else ""
    return users.get(USERS_BY_PORTFOLIO.get(slug, "bureau"))


def _path(final: str, rng: random.Random) -> list[str]:
    """A believable sequence of statuses ending in `final`."""
    steps = [Status.ON_TRACK] * rng.randint(1, 3)
    if final in (Status.AT_RISK, Status.DELAYED):
        steps += [Status.AT_RISK] if final == Status.DELAYED else []
    if final == Status.DONE and rng.random() < 0.3:
        steps += [Status.AT_RISK, Status.ON_TRACK]
    return [*steps, final]


def _updates_for(agreement, agenda, rng, on: dt.date) -> list[tuple[dt.date, str]]:
    """Dated statuses: the path to the final status, then regular reports while it runs.

    About one in six running agreements stops reporting months before `on` (stale).
    """
    final = rng.choices([s for s, _ in FINAL], weights=[w for _, w in FINAL])[0]
    if final == Status.NOT_STARTED:
        return []
    start = max(agenda.period_start, agreement.period_start or agenda.period_start)
    date = start + dt.timedelta(days=rng.randint(20, 120))
    stale = rng.random() < 0.16
    last_possible = on - dt.timedelta(days=200 if stale else rng.randint(5, 45))
    result = []
    for status in _path(final, rng):
        if date > last_possible:
            break
        result.append((date, status))
        date += dt.timedelta(days=rng.randint(90, 240))
    running = final not in (Status.DONE, Status.STOPPED)
    while running and result and date <= last_possible:
        result.append((date, final))
        date += dt.timedelta(days=rng.randint(75, 110))
    if running and result and not stale and result[-1][0] < last_possible - dt.timedelta(60):
        result.append((last_possible, final))
    return result


@transaction.atomic
def demo_progress_create() -> int:
    """Add the demo progress once; returns how many updates were added (0 the second time)."""
    agenda = current_agenda(association_default())  # the demo is the VDG's
    if agenda is None or ProgressUpdate.objects.filter(is_demo=True).exists():
        return 0
    on = today()
    users = {u.username: u for u in User.objects.filter(is_demo=True)}
    created = 0
    for agreement in agenda.agreements.select_related("portfolio").prefetch_related("milestones"):
        rng = random.Random(agreement.slug)
        updates = _updates_for(agreement, agenda, rng, on)
        finished = bool(updates) and updates[-1][1] == Status.DONE
        for date, status in updates:
            ProgressUpdate.objects.create(
                agreement=agreement,
                date=date,
                status=status,
                author=_author(agreement, users),
                text=rng.choice(TEXTS[status]),
                is_demo=True,
                is_internal=rng.random() < 0.1,
                percent=100 if status == Status.DONE else None,
            )
            created += 1
        for milestone in agreement.milestones.all():
            overdue = milestone.end and milestone.end < on and not milestone.reached_on
            if overdue and (finished or rng.random() < 0.7):
                milestone.reached_on = milestone.end - dt.timedelta(days=rng.randint(0, 25))
                milestone.reached_is_demo = True
                milestone.save(update_fields=["reached_on", "reached_is_demo"])
    return created
