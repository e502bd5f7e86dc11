"""Decision list, action list and the year's schedule: pages and their exports."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.accounts.meeting_permissions import can_generate_schedule
from samenspel.accounts.permissions import is_signed_in, require
from samenspel.core.dates import today, year_or_404
from samenspel.jobs.services import job_start
from samenspel.meetings import forms, ical, selectors
from samenspel.meetings.jobs import SCHEDULE_PDF
from samenspel.meetings.schedule import schedule_generate
from samenspel.meetings.views.common import crumbs
from samenspel.web.exports import export_format, table_response
from samenspel.web.sorting import SortColumn, Sorting

PAGE_SIZE = 100


def _filters(request: HttpRequest) -> tuple[forms.MeetingFilterForm, dict]:
    form = forms.MeetingFilterForm(
        request.GET or None, initial={"year": today().year}, association=request.association
    )
    data = form.cleaned_data if form.is_valid() else {}
    return form, {**data, "year": data.get("year") or today().year}


DECISION_SORT = {
    "nummer": SortColumn(gettext_lazy("Nummer"), ("body__name", "number")),
    "datum": SortColumn(gettext_lazy("Datum"), ("item__meeting__starts_at", "number")),
    "overleg": SortColumn(gettext_lazy("Overleg"), ("body__name", "item__meeting__starts_at")),
    "agendapunt": SortColumn(gettext_lazy("Agendapunt"), ("item__title",)),
    "besluit": SortColumn(gettext_lazy("Besluit"), ("text",)),
}
DECISION_COLUMNS = [_("Nummer"), _("Datum"), _("Overleg"), _("Agendapunt"), _("Besluit")]


def decision_rows(decisions) -> list[list]:
    return [
        [d.reference, d.item.meeting.date, d.body.name, d.item.title, d.text] for d in decisions
    ]


@require(is_signed_in)
def decision_list(request: HttpRequest) -> HttpResponse:
    form, data = _filters(request)
    sorting = Sorting.from_request(request, DECISION_SORT)
    decisions = selectors.decisions_between(
        association=request.association,
        start=dt.date(data["year"], 1, 1),
        end=dt.date(data["year"], 12, 31),
        body=data.get("body"),
        portfolio=data.get("portfolio"),
    )
    decisions = sorting.apply(decisions)
    fmt = export_format(request)
    if fmt:
        return table_response(
            fmt=fmt,
            filename=f"besluitenlijst-{data['year']}",
            columns=DECISION_COLUMNS,
            rows=decision_rows(decisions),
        )
    return render(
        request,
        "meetings/decision_list.html",
        {
            "form": form,
            "year": data["year"],
            "page": Paginator(decisions, PAGE_SIZE).get_page(request.GET.get("pagina")),
            "query": request.GET.urlencode(),
            "sorting": sorting,
            "breadcrumbs": crumbs((_("Besluitenlijst"), None)),
        },
    )


ACTION_SORT = {
    "actie": SortColumn(gettext_lazy("Actie"), ("title",)),
    "eigenaar": SortColumn(gettext_lazy("Eigenaar"), ("owner__name",)),
    "overleg": SortColumn(gettext_lazy("Overleg"), ("body__name",)),
    "afgesproken": SortColumn(gettext_lazy("Afgesproken"), ("created_on",)),
    "uiterlijk": SortColumn(gettext_lazy("Uiterlijk"), ("due_on",)),
    "status": SortColumn(gettext_lazy("Status"), ("status", "closed_on")),
}
ACTION_COLUMNS = [
    _("Actie"),
    _("Eigenaar"),
    _("Overleg"),
    _("Afgesproken op"),
    _("Uiterlijk"),
    _("Status"),
    _("Gesloten op"),
]


def action_rows(actions) -> list[list]:
    return [
        [
            a.title,
            a.owner.name,
            a.body.name,
            a.created_on,
            a.due_on,
            a.get_status_display(),
            a.closed_on,
        ]
        for a in actions
    ]


@require(is_signed_in)
def action_list(request: HttpRequest) -> HttpResponse:
    form, data = _filters(request)
    only_open = request.GET.get("open") == "on"
    actions = selectors.action_list(
        association=request.association,
        year=data["year"],
        only_open=only_open,
        body=data.get("body"),
        portfolio=data.get("portfolio"),
    )
    sorting = Sorting.from_request(request, ACTION_SORT)
    actions = sorting.apply(actions)
    fmt = export_format(request)
    if fmt:
        return table_response(
            fmt=fmt, filename="actielijst", columns=ACTION_COLUMNS, rows=action_rows(actions)
        )
    return render(
        request,
        "meetings/action_list.html",
        {
            "form": form,
            "year": data["year"],
            "only_open": only_open,
            "today": today(),
            "page": Paginator(actions, PAGE_SIZE).get_page(request.GET.get("pagina")),
            "query": request.GET.urlencode(),
            "sorting": sorting,
            "breadcrumbs": crumbs((_("Actielijst"), None)),
        },
    )


# --- the schedule -----------------------------------------------------------------------

SCHEDULE_COLUMNS = [
    _("Datum"),
    _("Tijd"),
    _("Overleg"),
    _("Portefeuille"),
    _("Plaats"),
    _("Bereidt voor"),
    _("Status"),
]


def schedule_rows(meetings) -> list[list]:
    return [
        [
            m.date,
            timezone.localtime(m.starts_at).strftime("%H:%M"),
            m.display_title,
            m.body.portfolio.abbreviation if m.body.portfolio else "",
            m.place,
            m.prepares.display_title if m.prepares else "",
            m.get_status_display(),
        ]
        for m in meetings
    ]


def _schedule_export(request: HttpRequest, year: int, meetings) -> HttpResponse | None:
    fmt = request.GET.get("format", "")
    if fmt in ("csv", "xlsx"):
        return table_response(
            fmt=fmt,
            filename=f"vergaderplanning-{year}",
            columns=SCHEDULE_COLUMNS,
            rows=schedule_rows(meetings),
        )
    if fmt == "ics":
        return ical.calendar_response(
            meetings,
            name=_("Vergaderplanning %(year)s") % {"year": year},
            base_url=request.build_absolute_uri("/").rstrip("/"),
            filename=f"vergaderplanning-{year}",
            association_name=request.association.name,
        )
    return None


@require(is_signed_in)
def schedule(request: HttpRequest, year: int) -> HttpResponse:
    year = year_or_404(year)
    meetings = list(selectors.schedule_of_year(association=request.association, year=year))
    export = _schedule_export(request, year, meetings)
    if export is not None:
        return export
    can_generate = can_generate_schedule(request.user)
    cycles = selectors.meeting_cycles(association=request.association) if can_generate else []
    return render(
        request,
        "meetings/schedule.html",
        {
            "year": year,
            "months": selectors.by_month(meetings),
            "count": len(meetings),
            "can_generate": can_generate,
            "cycles": cycles,
            "breadcrumbs": crumbs((_("Vergaderplanning %(year)s") % {"year": year}, None)),
        },
    )


@require_POST
@require(is_signed_in)
def schedule_pdf(request: HttpRequest, year: int) -> HttpResponse:
    """The year schedule as PDF: seconds of work, so a background job (meetings/jobs.py)."""
    year = year_or_404(year)
    job = job_start(
        association=request.association,
        user=request.user,
        kind=SCHEDULE_PDF,
        title=_("Vergaderplanning %(year)s als PDF") % {"year": year},
        params={"year": year},
    )
    return redirect(job)


@require_POST
@require(can_generate_schedule)
def schedule_generate_view(request: HttpRequest, year: int) -> HttpResponse:
    year = year_or_404(year)
    created = schedule_generate(association=request.association, year=year, user=request.user)
    messages.success(
        request,
        _("%(count)s vergaderingen gepland uit de vergadercycli.") % {"count": len(created)},
    )
    return redirect("meetings:schedule", year=year)
