"""What proposals put in the dashboard's to-do inbox (`web.inbox`): the account holder's
decisions to record, with the organisation's share and the deadline, and the bureau's
proposals waiting on members. Each costs a fixed number of queries, whatever the number
of proposals."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.accounts.permissions import is_bureau, organisations_held_by
from samenspel.decisions.constants import Result, Stage
from samenspel.decisions.costs import CostRow
from samenspel.decisions.selectors import association_states_on, organisation_decisions
from samenspel.organisations.models import Association, Organisation
from samenspel.web.inbox import InboxItem, Shortcut, urgency_of
from samenspel.web.templatetags.samenspel import format_euro

TO_RECORD = "decisions_to_record"
WAITING = "proposals_waiting"


def _held(user: Any) -> list[Organisation]:
    held = organisations_held_by(user)
    return list(Organisation.objects.filter(pk__in=held).order_by("name")) if held else []


def _years(shares: dict[int, Any]) -> str:
    years = sorted(shares)
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def _unbroken(text: str) -> str:
    """'€ 1.234,56' kept on one line."""
    return text.replace(" ", "\N{NO-BREAK SPACE}")


def share_text(organisation: Organisation, costs: CostRow | None) -> str:
    """'Aandeel van Gemeente Assen: € 16.717,33 (2023-2024); 16 uur per jaar'."""
    parts = []
    if costs is not None and costs.total:
        years = _years({year: share for year, share in costs.shares.items() if share})
        parts.append(f"{_unbroken(format_euro(costs.total))} ({years})")
    if costs is not None and costs.hours_per_year:
        parts.append(
            _("%(hours)s uur per jaar") % {"hours": floatformat(costs.hours_per_year, "-1g")}
        )
    if not parts:
        return _("%(org)s draagt geen geld of uren bij.") % {"org": organisation.name}
    return _("Aandeel van %(org)s: %(share)s") % {
        "org": organisation.name,
        "share": "; ".join(parts),
    }


def decisions_to_record(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The account holder's: each held organisation's decisions still to take on
    `association`'s proposals sent to the executives, linked to the form that records one."""
    items = []
    for organisation in _held(user):
        page = organisation_decisions(organisation, association=association, on=on, decided_shown=0)
        costs = {share.state.proposal.pk: share.costs for share in page.running}
        for pending in page.pending:
            participant = pending.participant
            proposal = participant.proposal
            url = reverse("decisions:decide", args=[proposal.pk, participant.pk])
            items.append(
                InboxItem(
                    kind=TO_RECORD,
                    title=proposal.title,
                    detail=share_text(organisation, costs.get(proposal.pk)),
                    due=proposal.decision_deadline,
                    url=f"{url}?next=/",
                    urgency=urgency_of(proposal.decision_deadline, on),
                )
            )
    return items


def proposals_waiting(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The bureau's: proposals with the executives that wait on members' decisions, and
    those whose coalition the bureau has to confirm."""
    if not is_bureau(user):
        return []
    items = []
    for state in association_states_on(association=association, on=on):
        proposal = state.proposal
        if proposal.created_on > on:
            continue
        if state.result == Result.COALITION_TO_CONFIRM:
            items.append(
                InboxItem(
                    kind=WAITING,
                    title=proposal.title,
                    detail=_("Alle deelnemers hebben besloten: bevestig de coalitie."),
                    due=None,
                    url=reverse("decisions:coalition", args=[proposal.pk]),
                )
            )
        elif state.stage == Stage.SENT and state.is_running:
            detail = _("%(d)s van %(n)s besloten") % {
                "d": state.decided_count,
                "n": state.participant_count,
            }
            if state.overdue_count:
                detail += ", " + ngettext(
                    "%(counter)s besluit over tijd",
                    "%(counter)s besluiten over tijd",
                    state.overdue_count,
                ) % {"counter": state.overdue_count}
            items.append(
                InboxItem(
                    kind=WAITING,
                    title=proposal.title,
                    detail=detail,
                    due=proposal.decision_deadline,
                    url=proposal.get_absolute_url(),
                    urgency=urgency_of(proposal.decision_deadline, on),
                )
            )
    return items


def my_organisation_shortcuts(*, user: Any, association: Association) -> list[Shortcut]:
    """An account holder's way to their organisation's page of decisions, money and hours."""
    url = reverse("decisions:my_organisation")
    return [
        Shortcut(
            _("Mijn organisatie: %(name)s") % {"name": organisation.name},
            f"{url}?organisatie={organisation.slug}",
        )
        for organisation in _held(user)
    ]


def to_record_more_url(user: Any, association: Association) -> str:
    return reverse("decisions:my_organisation")


def waiting_more_url(user: Any, association: Association) -> str:
    return reverse("decisions:list") + f"?stage={Stage.SENT}"
