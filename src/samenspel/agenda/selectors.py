"""Reads of the agenda and its progress. Every list here costs a fixed number of queries.

The current status of an agreement is the status of its latest progress update (or
'not started'); a milestone is overdue when its latest date has passed unreached; an
agreement is stale when it had no update for SAMENSPEL_STALE_MONTHS months.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext as _

from samenspel.agenda.constants import STATUS_ORDER, Status
from samenspel.agenda.models import Agenda, Agreement, Milestone, ProgressUpdate
from samenspel.core.dates import today
from samenspel.core.fulltext import text_filter
from samenspel.organisations.models import Association

FINISHED = (Status.DONE, Status.STOPPED)


def months_before(date: dt.date, months: int) -> dt.date:
    month_index = date.year * 12 + date.month - 1 - months
    year, month = divmod(month_index, 12)
    month += 1
    last_day = [
        31,
        29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ][month - 1]
    return dt.date(year, month, min(date.day, last_day))


def current_agenda(association: Association) -> Agenda | None:
    """The newest agenda of `association` (pages: `request.association`)."""
    return Agenda.objects.filter(association=association).order_by("-period_start").first()


def overdue_milestones(*, on: dt.date | None = None) -> QuerySet[Milestone]:
    on = on or today()
    return Milestone.objects.filter(end__lt=on, reached_on__isnull=True)


def agreements_with_progress(
    queryset: QuerySet[Agreement] | None = None,
    *,
    on: dt.date | None = None,
    public: bool = False,
) -> QuerySet[Agreement]:
    """Agreements annotated with current_status, last_update, is_overdue and is_stale.

    Withdrawn updates do not count. `public` only counts updates that are not internal,
    for the public page.
    """
    on = on or today()
    updates = ProgressUpdate.objects.standing().filter(agreement=OuterRef("pk"), date__lte=on)
    if public:
        updates = updates.filter(is_internal=False)
    latest = updates.order_by("-date", "-created_at", "-pk")
    queryset = queryset if queryset is not None else Agreement.objects.all()
    stale_before = months_before(on, settings.SAMENSPEL_STALE_MONTHS)
    return queryset.annotate(
        current_status=Coalesce(Subquery(latest.values("status")[:1]), Value(Status.NOT_STARTED)),
        last_update=Subquery(latest.values("date")[:1]),
        is_overdue=Exists(overdue_milestones(on=on).filter(agreement=OuterRef("pk"))),
    ).annotate(
        is_stale=~Q(current_status__in=FINISHED)
        & (Q(last_update__isnull=True) | Q(last_update__lt=stale_before)),
    )


def in_portfolio(portfolio) -> Q:
    """The one rule for "the agreements of a portfolio": those it leads and those it
    shares (`other_portfolios`). Every count per portfolio follows it: the dashboard, the
    agenda and public pages, the list's filter and the timeline."""
    return Q(portfolio=portfolio) | Q(other_portfolios=portfolio)


def agreements_per_portfolio(
    agreements: list[Agreement], portfolios
) -> dict[int | None, list[Agreement]]:
    """`agreements` (already read) per portfolio pk by the rule of `in_portfolio`, and
    under None those without a portfolio. One query, for the shared links."""
    shared = Agreement.other_portfolios.through.objects.filter(
        agreement_id__in=[a.pk for a in agreements]
    ).values_list("agreement_id", "portfolio_id")
    sharing: dict[int, set[int]] = {}
    for agreement_id, portfolio_id in shared:
        sharing.setdefault(agreement_id, set()).add(portfolio_id)
    per_portfolio: dict[int | None, list[Agreement]] = {p.pk: [] for p in portfolios}
    per_portfolio[None] = []
    for agreement in agreements:
        owners = ({agreement.portfolio_id} | sharing.get(agreement.pk, set())) - {None}
        for pk in owners or {None}:
            if pk in per_portfolio:
                per_portfolio[pk].append(agreement)
    return per_portfolio


def public_status_differences(agreements: list[Any], *, on: dt.date | None = None) -> int:
    """How many of `agreements` (read with internal updates) show another status on the
    public pages, where internal updates do not count. One query."""
    public: Any = agreements_with_progress(
        Agreement.objects.filter(pk__in=[a.pk for a in agreements]).only("pk"),
        on=on,
        public=True,
    )
    status = {a.pk: a.current_status for a in public}
    return len([a for a in agreements if status[a.pk] != a.current_status])


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def status_counts(agreements) -> list[StatusCount]:
    counter = Counter(a.current_status for a in agreements)
    return [StatusCount(s.value, str(s.label), counter.get(s.value, 0)) for s in STATUS_ORDER]


def agenda_year_progress(agenda: Agenda, *, on: dt.date | None = None) -> dict:
    """How far into the agenda period we are: the year and the share of the period passed."""
    on = on or today()
    total = (agenda.period_end - agenda.period_start).days + 1
    passed = min(max((on - agenda.period_start).days + 1, 0), total)
    return {
        "year": on.year,
        "percent": round(100 * passed / total),
        "year_number": on.year - agenda.period_start.year + 1,
        "years": agenda.period_end.year - agenda.period_start.year + 1,
    }


# What the search of agreements reads: their own columns (indexed together on PostgreSQL,
# migration 0006) and their theme's name.
SEARCHED = ("title", "description", "topic")
SEARCHED_THEME = {"theme": ("name",)}


def agreements_matching(qs: QuerySet[Agreement], terms: list[str]) -> QuerySet[Agreement]:
    """The one match of agreements, for the list's filter and the site search: every term
    in the title, description, topic or theme name (Dutch full text on PostgreSQL)."""
    return text_filter(qs, terms, SEARCHED, SEARCHED_THEME)


def _search(qs, text: str):
    return agreements_matching(qs, text.split())


def _in_year(qs, year: int):
    """Agreements whose planned period or a milestone touches `year`."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    period = (
        (Q(period_start__lte=end) | Q(period_start__isnull=True))
        & (Q(period_end__gte=start) | Q(period_end__isnull=True))
        & (Q(period_start__isnull=False) | Q(period_end__isnull=False))
    )
    milestone = Q(milestones__end__gte=start, milestones__start__lte=end)
    return qs.filter(period | milestone).distinct()


# Filter name (the list page's query parameter) -> how it narrows the annotated queryset.
FILTERS = {
    "q": _search,
    "portefeuille": lambda qs, p: qs.filter(in_portfolio(p)).distinct(),
    "thema": lambda qs, slug: qs.filter(theme__slug=slug),
    "soort": lambda qs, kind: qs.filter(kind=kind),
    "status": lambda qs, status: qs.filter(current_status=status),
    "trekker": lambda qs, org: qs.filter(Q(political_lead=org) | Q(official_lead=org)),
    "jaar": _in_year,
    "te_laat": lambda qs, _: qs.filter(is_overdue=True),
    "stil": lambda qs, _: qs.filter(is_stale=True),
}


def agreements_filter(qs: QuerySet[Agreement], **filters) -> QuerySet[Agreement]:
    """Apply the list filters that have a value (empty ones are ignored)."""
    for name, value in filters.items():
        if value not in (None, "", False):
            qs = FILTERS[name](qs, value)
    return qs


def current_agenda_or_404(association: Association) -> Agenda:
    """For pages that need an agenda: the current agenda of `association`, 404 with a
    hint when it has none loaded yet."""
    agenda = current_agenda(association)
    if agenda is None:
        raise Http404(_("Er is nog geen agenda geladen. Draai 'samenspel setup'."))
    return agenda
