"""The evaluation round's status as data: open for judgements until the bureau closes
it, and reopened by the bureau when a judgement must still change. Checked by
`services.evaluation_round_status_set` and `services.judgement_record`; the round's page
lists the steps (`round_steps`). See docs/reports.md for the table.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.permissions import is_bureau
from samenspel.reports.constants import RoundStatus
from samenspel.reports.models import EvaluationRound
from samenspel.web.steps import Question, Step, Steps

ALLOWED: dict[str, set[RoundStatus]] = {
    RoundStatus.OPEN: {RoundStatus.CLOSED},
    RoundStatus.CLOSED: {RoundStatus.OPEN},
}
STEP_LABELS = {
    RoundStatus.CLOSED: gettext_lazy("Ronde afsluiten"),
    RoundStatus.OPEN: gettext_lazy("Ronde heropenen"),
}
ONLY_BUREAU = gettext_lazy("Alleen het bureau.")


def status_refusal(evaluation_round: EvaluationRound, status: str) -> str | None:
    """Why the round cannot get `status` now (None: it can)."""
    if status not in RoundStatus.values:
        return _("Onbekende status: '%(value)s'.") % {"value": status}
    if status in ALLOWED.get(evaluation_round.status, set()):
        return None
    if status == RoundStatus.CLOSED:
        return _("De evaluatieronde is al afgesloten.")
    return _("De evaluatieronde loopt al.")


def judge_refusal(evaluation_round: EvaluationRound) -> str | None:
    """Why no judgement can be given or changed in the round now (None: it can)."""
    if evaluation_round.status == RoundStatus.CLOSED:
        closed = evaluation_round.closed_on
        return _(
            "De evaluatieronde is afgesloten op %(date)s; het bureau kan haar heropenen om "
            "een oordeel te geven of te wijzigen."
        ) % {"date": closed.strftime("%d-%m-%Y") if closed else "—"}
    return None


def round_steps(evaluation_round: EvaluationRound, user: Any) -> Steps:
    """Closing or reopening the round, as its status allows."""
    url = reverse("reports:evaluation_status", args=[evaluation_round.pk])
    only = "" if is_bureau(user) else str(ONLY_BUREAU)
    return Steps(
        [
            # Deliberate, never the obvious next click: not a primary button.
            Step(
                status,
                str(STEP_LABELS[status]),
                f"{url}?status={status}",
                only,
                confirm=True,
                lead=False,
            )
            for status in ALLOWED[evaluation_round.status]
        ]
    )


def status_question(evaluation_round: EvaluationRound, status: str, *, unjudged: int) -> Question:
    """The question before the round gets `status` (one the rules allow now); `unjudged`:
    how many agreements and themes have no judgement yet."""
    name = {"name": evaluation_round.name}
    if status == RoundStatus.CLOSED:
        return Question(
            str(STEP_LABELS[RoundStatus.CLOSED]),
            _("Weet je zeker dat je '%(name)s' wilt afsluiten?") % name,
            _("Ja, sluit de ronde af"),
            (
                _("Daarna kan niemand nog een oordeel geven of wijzigen."),
                _(
                    "Het evaluatierapport en de overdrachtsdocumenten blijven beschikbaar, "
                    "met de oordelen zoals ze nu zijn."
                ),
                _("Nog zonder oordeel: %(count)s afspraken en thema's.") % {"count": unjudged},
            ),
            _("Ongedaan maken kan: heropen de ronde."),
            _("De evaluatieronde is afgesloten. Heropenen kan op deze pagina."),
        )
    return Question(
        str(STEP_LABELS[RoundStatus.OPEN]),
        _("Wil je '%(name)s' heropenen?") % name,
        _("Ja, heropen de ronde"),
        (_("Het bureau en de voorzitters kunnen weer oordelen geven en wijzigen."),),
        _("Afsluiten kan daarna weer."),
        _("De evaluatieronde loopt weer."),
    )
