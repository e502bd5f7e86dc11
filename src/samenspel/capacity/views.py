"""Pages of the staff commitment: Tables 2.1 and 2.2, planned against realised, recording hours."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_record_decision, is_signed_in, require
from samenspel.agenda.models import Agenda
from samenspel.agenda.selectors import current_agenda
from samenspel.capacity import realised, selectors, services, tables
from samenspel.capacity.charts import hours_per_portfolio_chart
from samenspel.capacity.forms import RealisedHoursForm
from samenspel.core.dates import today, year_from
from samenspel.organisations.models import Organisation
from samenspel.organisations.selectors import is_member
from samenspel.web.exports import export_format
from samenspel.web.navigation import breadcrumbs


def _year(request: HttpRequest) -> int:
    """The year a page shows: ?jaar=YYYY, default (and when out of range) the current year."""
    return year_from(request.GET.get("jaar"))


def _years(agenda: Agenda | None, year: int) -> list[int]:
    years = set(range(agenda.period_start.year, agenda.period_end.year + 1)) if agenda else set()
    return sorted(years | {year})


def _overview_tables(
    request: HttpRequest, agenda: Agenda, year: int
) -> tuple[dict[str, tables.Table], dict]:
    """Every table of the overview by its export key, and what else the page shows."""
    commitments = selectors.staff_commitments(agenda=agenda, year=year)
    member_list = selectors.members(agenda.association)
    shared = {
        "agenda": agenda,
        "year": year,
        "commitments": commitments,
        "member_list": member_list,
    }
    table_2_1 = selectors.portfolio_hours_table(**shared)
    table_2_2 = selectors.role_hours_table(**shared)
    planned_realised = realised.planned_vs_realised(**shared)
    hires = list(selectors.external_hires(agenda=agenda))

    def record_url(organisation: Organisation) -> str:
        if can_record_decision(request.user, organisation):
            return reverse("capacity:record", kwargs={"org_slug": organisation.slug})
        return ""

    by_key = {
        "2.1": tables.hours_table(
            table_2_1,
            key="2.1",
            caption=_("Tabel 2.1: Structurele ambtelijke inzet per portefeuille, uren in %(year)s")
            % {"year": year},
        ),
        "2.2": tables.hours_table(
            table_2_2,
            key="2.2",
            caption=_("Tabel 2.2: Structurele ambtelijke inzet per rol, uren in %(year)s")
            % {"year": year},
        ),
        "totaal": tables.member_totals_table(selectors.member_totals(**shared), year=year),
        "portefeuilles": tables.portfolio_chart_table(table_2_1),
        "realisatie": tables.realised_members_table(planned_realised, url_for=record_url),
        "realisatie-portefeuille": tables.realised_portfolios_table(planned_realised),
        "inhuur": tables.external_hires_table(hires, member_ids={o.pk for o in member_list}),
    }
    extra = {
        "has_commitments": bool(commitments),
        "chart": hours_per_portfolio_chart(table_2_1) if table_2_1.columns else "",
        "realised": planned_realised,
        "hires": hires,
        "recordable": [o for o in member_list if can_record_decision(request.user, o)],
    }
    return by_key, extra


@require(is_signed_in)
def overview(request: HttpRequest) -> HttpResponse:
    agenda = current_agenda(request.association)
    year = _year(request)
    context = {
        "agenda": agenda,
        "year": year,
        "years": _years(agenda, year),
        "query": f"jaar={year}",
        "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Ambtelijke inzet"), None)),
    }
    if agenda is None:
        return render(request, "capacity/overview.html", context)
    by_key, extra = _overview_tables(request, agenda, year)
    fmt = export_format(request)
    if fmt:
        key = request.GET.get("tabel", "2.1")
        if key not in by_key:
            raise Http404(_("Deze tabel bestaat niet."))
        return by_key[key].response(fmt)
    return render(
        request,
        "capacity/overview.html",
        {
            **context,
            **extra,
            "tables": by_key,
            "arrangements": selectors.staff_arrangements(agenda=agenda),
            "temporary": selectors.temporary_commitments(agenda=agenda),
        },
    )


def _member(request: HttpRequest, org_slug: str) -> Organisation:
    organisation = get_object_or_404(Organisation, slug=org_slug)
    if not is_member(organisation, request.association):
        raise Http404
    return organisation


def _last_quarter() -> tuple[int, int]:
    """The last quarter that has ended: what a member usually reports."""
    date = today()
    quarter = (date.month - 1) // 3 + 1
    return (date.year - 1, 4) if quarter == 1 else (date.year, quarter - 1)


def _record(request: HttpRequest, form: RealisedHoursForm, organisation: Organisation) -> bool:
    data = form.cleaned_data
    try:
        services.realised_hours_record(
            association=request.association, organisation=organisation, user=request.user, **data
        )
    except ValidationError as error:
        if not hasattr(error, "error_dict"):
            form.add_error(None, error)
        for name, errors in getattr(error, "error_dict", {}).items():
            form.add_error(name if name in form.fields else None, errors)
        return False
    what = data["portfolio"] or _("rollen zonder portefeuille")
    messages.success(
        request,
        _("De uren van %(org)s voor Q%(q)s %(year)s (%(what)s) zijn opgeslagen.")
        % {
            "org": organisation.display_name,
            "q": data["quarter"],
            "year": data["year"],
            "what": what,
        },
    )
    return True


@require(can_record_decision, obj=_member)
def realised_hours_record(request: HttpRequest, org_slug: str) -> HttpResponse:
    organisation = _member(request, org_slug)
    last_year, last_quarter = _last_quarter()
    form = RealisedHoursForm(
        request.POST or None,
        association=request.association,
        initial={"year": last_year, "quarter": last_quarter},
    )
    if request.method == "POST" and form.is_valid() and _record(request, form, organisation):
        return redirect(f"{request.path}?jaar={form.cleaned_data['year']}")
    year = _year(request) if "jaar" in request.GET else last_year
    hours = realised.organisation_hours(organisation, year, association=request.association)
    table = tables.organisation_quarters_table(
        hours.portfolios, hours.total, name=organisation.display_name, year=year
    )
    fmt = export_format(request)
    if fmt:
        return table.response(fmt)
    return render(
        request,
        "capacity/record.html",
        {
            "organisation": organisation,
            "form": form,
            "hours": hours,
            "table": table,
            "year": year,
            "years": _years(current_agenda(request.association), year),
            "query": f"jaar={year}",
            "breadcrumbs": breadcrumbs(
                (_("Overzicht"), "/"),
                (_("Ambtelijke inzet"), reverse("capacity:overview")),
                (organisation.display_name, None),
            ),
        },
    )
