"""Demo evaluation round 2025: fictitious judgements on the real agreements, marked demo.

Deterministic (seeded by each slug) and idempotent: a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction

from samenspel.agenda.constants import Status
from samenspel.agenda.selectors import current_agenda
from samenspel.organisations.associations import association_default
from samenspel.reports.as_of import agenda_on
from samenspel.reports.constants import Verdict
from samenspel.reports.models import EvaluationRound
from samenspel.reports.selectors import EVALUATED_THEME_KINDS
from samenspel.reports.services import evaluation_round_create, judgement_record

NAME = "Evaluatie samenwerkingsagenda 2025"
JUDGED_BY = dt.date(2025, 11, 28)

# Verdict weights per status at the time of judging.
WEIGHTS = {
    Status.DONE: [(Verdict.ACHIEVED, 8), (Verdict.PARTLY, 2)],
    Status.ON_TRACK: [(Verdict.ACHIEVED, 3), (Verdict.PARTLY, 6), (Verdict.NOT_ACHIEVED, 1)],
    Status.AT_RISK: [(Verdict.PARTLY, 6), (Verdict.NOT_ACHIEVED, 4)],
    Status.DELAYED: [(Verdict.PARTLY, 3), (Verdict.NOT_ACHIEVED, 7)],
    Status.STOPPED: [(Verdict.NOT_RELEVANT, 8), (Verdict.NOT_ACHIEVED, 2)],
    Status.NOT_STARTED: [(Verdict.NOT_ACHIEVED, 5), (Verdict.NOT_RELEVANT, 5)],
}
EXPLANATIONS = {
    Verdict.ACHIEVED: "Het beoogde resultaat is opgeleverd en wordt lokaal gebruikt.",
    Verdict.PARTLY: "Een deel is bereikt; de rest loopt door in de volgende bestuursperiode.",
    Verdict.NOT_ACHIEVED: "Niet bereikt: te weinig ambtelijke capaciteit bij de gemeenten.",
    Verdict.NOT_RELEVANT: "Niet meer relevant: landelijke ontwikkelingen hebben dit ingehaald.",
}
LESSONS = [
    "Leg bij de start vast wie ambtelijk trekt en hoeveel uren dat vraagt.",
    "Bespreek de voortgang elk kwartaal in het PHO, niet alleen bij problemen.",
    "Betrek de provincie vanaf het begin bij de financiering.",
    "Kleinere, concrete afspraken komen vaker tot resultaat dan brede ambities.",
]


def _judge(rng: random.Random, status: str) -> tuple[str, str, str, dt.date]:
    verdicts, weights = zip(*WEIGHTS[status], strict=True)
    verdict = rng.choices(verdicts, weights=weights)[0]
    lessons = rng.choice(LESSONS) if rng.random() < 0.35 else ""
    judged_on = dt.date(2025, 9, 15) + dt.timedelta(days=rng.randint(0, 70))
    return verdict, EXPLANATIONS[verdict], lessons, judged_on


@transaction.atomic
def demo_evaluation_create() -> int:
    """Create the demo round with judgements on about three in four items; return how many."""
    agenda = current_agenda(association_default())  # the demo is the VDG's
    if agenda is None or EvaluationRound.objects.filter(agenda=agenda, name=NAME).exists():
        return 0
    evaluation_round = evaluation_round_create(
        agenda=agenda,
        name=NAME,
        starts_on=dt.date(2025, 7, 1),
        ends_on=dt.date(2025, 12, 31),
        is_demo=True,
    )
    state = agenda_on(agenda=agenda, as_of=JUDGED_BY)
    objects = {a.pk: a for a in agenda.agreements.all()}
    count = 0
    for agreement in state.agreements:
        rng = random.Random(f"evaluatie-{agreement.row.slug}")
        if rng.random() < 0.75:
            verdict, text, lessons, on = _judge(rng, agreement.status)
            judgement_record(
                evaluation_round=evaluation_round,
                agreement=objects[agreement.pk],
                verdict=verdict,
                explanation=text,
                lessons=lessons,
                judged_on=on,
                is_demo=True,
            )
            count += 1
    for theme in agenda.themes.filter(kind__in=EVALUATED_THEME_KINDS):
        rng = random.Random(f"evaluatie-{theme.slug}")
        verdict, text, lessons, on = _judge(rng, Status.ON_TRACK)
        judgement_record(
            evaluation_round=evaluation_round,
            theme=theme,
            verdict=verdict,
            explanation=text,
            lessons=lessons,
            judged_on=on,
            is_demo=True,
        )
        count += 1
    return count
