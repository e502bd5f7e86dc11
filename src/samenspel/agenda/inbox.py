"""What the agenda puts in the dashboard's to-do inbox (`web.inbox`): for a portfolio's
chair and core group, its agreements without a recent update and its overdue milestones;
for the bureau, the structure rules of annex 1 that fail. Each costs a fixed number of
queries.

"Recent" is the agenda's one definition, SAMENSPEL_STALE_MONTHS (see
`selectors.agreements_with_progress`), so the inbox and the list behind "en N meer"
(`?stil=on`) count the same agreements.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.accounts.permissions import is_bureau, roles_of
from samenspel.agenda.selectors import agreements_with_progress, current_agenda, overdue_milestones
from samenspel.organisations.failing_rules import failing_rules
from samenspel.organisations.models import Association, Portfolio
from samenspel.web.inbox import InboxItem, Shortcut, Urgency

STALE = "agreements_stale"
OVERDUE = "milestones_overdue"
CHECKS = "checks_failing"


def _portfolio_ids(user: Any) -> frozenset[int]:
    """The portfolios whose agreements `user` keeps up: as chair or in the core group."""
    roles = roles_of(user)
    return roles.chair_of | roles.core_group_of


def stale_agreements(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The user's portfolios' running agreements without a recent update, the longest
    silent first, linked to the agreement's progress form."""
    portfolios = _portfolio_ids(user)
    agenda = current_agenda(association) if portfolios else None
    if agenda is None:
        return []
    annotated = agreements_with_progress(
        agenda.agreements.filter(portfolio_id__in=portfolios), on=on
    )
    # (last update or None, agreement) of the stale ones; annotations are not model fields.
    stale = [
        (agreement.last_update, agreement)  # type: ignore[attr-defined]
        for agreement in annotated.filter(is_stale=True)  # type: ignore[misc]
    ]
    items = []
    for last_update, agreement in sorted(stale, key=lambda s: (s[0] is not None, s[0])):
        if last_update:
            detail = _("Laatste update %(date)s") % {"date": date_format(last_update, "j-n-Y")}
        else:
            detail = _("Nog nooit bijgewerkt")
        items.append(
            InboxItem(
                kind=STALE,
                title=agreement.title,
                detail=detail,
                due=None,
                url=f"{agreement.get_absolute_url()}#progress",
            )
        )
    return items


def milestones_overdue(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The user's portfolios' milestones past their date and not reached, linked to the
    agreement where they are marked reached."""
    portfolios = _portfolio_ids(user)
    agenda = current_agenda(association) if portfolios else None
    if agenda is None:
        return []
    milestones = (
        overdue_milestones(on=on)
        .filter(agreement__agenda=agenda, agreement__portfolio_id__in=portfolios)
        .select_related("agreement")
        .order_by("end", "pk")
    )
    return [
        InboxItem(
            kind=OVERDUE,
            title=milestone.title,
            detail=f"{milestone.agreement.title} ({milestone.when_text})"
            if milestone.when_text
            else milestone.agreement.title,
            due=milestone.end,
            url=f"{milestone.agreement.get_absolute_url()}#reached-{milestone.pk}",
            urgency=Urgency.OVERDUE,
        )
        for milestone in milestones
    ]


def checks_failing(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """The bureau's: each structure rule of annex 1 that fails on `on`, linked to the
    structure check of that date (its offences name what to change)."""
    if not is_bureau(user):
        return []
    url = reverse("organisations:governance") + "?" + urlencode({"datum": on.isoformat()})
    items = []
    for result in failing_rules(date=on, association=association):
        count = ngettext(
            "%(counter)s afwijking", "%(counter)s afwijkingen", len(result.offences)
        ) % {"counter": len(result.offences)}
        items.append(
            InboxItem(
                kind=CHECKS,
                title=result.title,
                detail=f"{count}: {result.offences[0]}",
                due=None,
                url=url,
            )
        )
    return items


def _more(user: Any, association: Association, flag: str) -> str:
    query = {flag: "on"}
    portfolios = list(
        Portfolio.objects.filter(association=association, pk__in=_portfolio_ids(user))
    )
    if len(portfolios) == 1:
        query["portefeuille"] = portfolios[0].slug
    return reverse("agenda:agreements") + "?" + urlencode(query)


def stale_more_url(user: Any, association: Association) -> str:
    return _more(user, association, "stil")


def overdue_more_url(user: Any, association: Association) -> str:
    return _more(user, association, "te_laat")


def checks_more_url(user: Any, association: Association) -> str:
    return reverse("organisations:governance")


def portfolio_shortcuts(*, user: Any, association: Association) -> list[Shortcut]:
    """A chair's and a core group member's way to their portfolio's page."""
    ids = _portfolio_ids(user)
    if not ids:
        return []
    portfolios = Portfolio.objects.filter(association=association, pk__in=ids).order_by("order")
    return [
        Shortcut(
            _("Portefeuille %(name)s") % {"name": portfolio.name},
            reverse("agenda:portfolio", kwargs={"slug": portfolio.slug}),
        )
        for portfolio in portfolios
    ]
