"""Pages of the agenda: overview, portfolio, agreements (list, page, edit, update), timeline."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Q, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from samenspel.accounts.corrections import can_correct_progress_update, can_see_withdrawn_updates
from samenspel.accounts.permissions import (
    can_edit_agreement,
    can_edit_portfolio,
    is_signed_in,
    require,
)
from samenspel.agenda import selectors, services
from samenspel.agenda.charts import portfolio_status_bars, status_bar
from samenspel.agenda.constants import STATUS_COLOURS, STATUS_ORDER, Status, ThemeKind
from samenspel.agenda.forms import AgreementFilterForm, AgreementForm, ProgressUpdateForm
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate
from samenspel.agenda.timeline import timeline_rows
from samenspel.core.pages import versioned_edit
from samenspel.organisations.models import Portfolio
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs
from samenspel.web.sorting import SortColumn, Sorting

PAGE_SIZE = 50


def _agreement_to_edit(request: HttpRequest, slug: str) -> Agreement:
    """The agreement a write is about (for `can_edit_agreement`)."""
    agenda = selectors.current_agenda_or_404(request.association)
    return get_object_or_404(agenda.agreements.select_related("portfolio"), slug=slug)


def _portfolios(request: HttpRequest):
    """The portfolios of the request's association."""
    return Portfolio.objects.filter(association=request.association)


@require(is_signed_in)
def overview(request: HttpRequest) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    agreements = list(selectors.agreements_with_progress(agenda.agreements.all()))
    portfolios = list(_portfolios(request).order_by("order"))
    return render(
        request,
        "agenda/overview.html",
        {
            "agenda": agenda,
            "challenges": agenda.challenges.prefetch_related("portfolios"),
            "rows": portfolio_status_bars(portfolios, agreements),
            "association_wide": agenda.themes.filter(kind=ThemeKind.ASSOCIATION_WIDE),
            "progress": selectors.agenda_year_progress(agenda),
            "totals": selectors.status_counts(agreements),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Agenda"), None)),
        },
    )


@require(is_signed_in)
def portfolio_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    portfolio = get_object_or_404(_portfolios(request), slug=slug)
    agreements = list(
        selectors.agreements_with_progress(
            agenda.agreements.filter(selectors.in_portfolio(portfolio))
            .distinct()
            .select_related("theme")
        )
    )
    groups: dict = {}
    for agreement in agreements:
        groups.setdefault(agreement.theme, []).append(agreement)
    programme = agenda.programmes.filter(portfolio=portfolio).first()
    return render(
        request,
        "agenda/portfolio.html",
        {
            "agenda": agenda,
            "portfolio": portfolio,
            "programme": programme,
            "priority_themes": agenda.themes.filter(
                portfolios=portfolio, kind__in=[ThemeKind.PRIORITY, ThemeKind.SHARED]
            ),
            "groups": groups.items(),
            "counts": selectors.status_counts(agreements),
            "total": len(agreements),
            "shared": sum(1 for a in agreements if a.portfolio_id != portfolio.pk),
            "public_differences": selectors.public_status_differences(agreements),
            "bar": status_bar(agreements, label=portfolio.name),
            "overdue": selectors.overdue_milestones()
            .filter(agreement__agenda=agenda)
            .filter(Q(agreement__portfolio=portfolio) | Q(agreement__other_portfolios=portfolio))
            .select_related("agreement")
            .distinct()
            .order_by("end")[:20],
            "updates": ProgressUpdate.objects.standing()
            .filter(agreement__agenda=agenda)
            .filter(Q(agreement__portfolio=portfolio) | Q(agreement__other_portfolios=portfolio))
            .select_related("agreement", "author")
            .distinct()[:10],
            "bodies": portfolio.bodies.order_by("kind", "name"),
            "may_edit": can_edit_portfolio(request.user, portfolio),
            "breadcrumbs": breadcrumbs(
                (_("Agenda"), reverse("agenda:overview")), (portfolio.name, None)
            ),
        },
    )


def filtered_agreements(agenda, form: AgreementFilterForm):
    qs = selectors.agreements_with_progress(
        agenda.agreements.select_related("portfolio", "theme", "political_lead", "official_lead")
    )
    if not form.is_valid():
        return qs
    return selectors.agreements_filter(qs, **form.cleaned_data)


COLUMNS = [
    "Afspraak",
    "Portefeuille",
    "Thema",
    "Soort",
    "Planning",
    "Status",
    "Laatste update",
    "Mijlpaal over tijd",
]


# Statuses in the order they are declared (not started first), not alphabetically.
STATUS_RANK = Case(
    *(When(current_status=s, then=Value(i)) for i, s in enumerate(Status.values)),
    output_field=IntegerField(),
)
SORT_COLUMNS = {
    "afspraak": SortColumn(gettext_lazy("Afspraak"), ("title",)),
    "portefeuille": SortColumn(gettext_lazy("Portefeuille"), ("portfolio__abbreviation",)),
    "thema": SortColumn(gettext_lazy("Thema"), ("theme__name",)),
    "soort": SortColumn(gettext_lazy("Soort"), ("kind",)),
    "planning": SortColumn(gettext_lazy("Planning"), ("period_start", "period_end")),
    "status": SortColumn(gettext_lazy("Status"), (STATUS_RANK,)),
    "update": SortColumn(gettext_lazy("Laatste update"), ("last_update",)),
    "over-tijd": SortColumn(gettext_lazy("Mijlpaal over tijd"), ("is_overdue",)),
}


@require(is_signed_in)
def agreement_list(request: HttpRequest) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    form = AgreementFilterForm(request.GET or None, association=request.association)
    sorting = Sorting.from_request(request, SORT_COLUMNS)
    agreements = sorting.apply(filtered_agreements(agenda, form))
    fmt = export_format(request)
    if fmt:
        rows = (
            [
                a.title,
                a.portfolio or "",
                a.theme.name,
                a.get_kind_display(),
                a.period_text,
                Status(a.current_status).label,
                a.last_update,
                a.is_overdue,
            ]
            for a in agreements
        )
        return table_response(fmt=fmt, filename="afspraken", columns=COLUMNS, rows=rows)
    page = Paginator(agreements, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    query.pop("format", None)
    return render(
        request,
        "agenda/agreement_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "sorting": sorting,
            "status_colours": STATUS_COLOURS,
            "breadcrumbs": breadcrumbs(
                (_("Agenda"), reverse("agenda:overview")), (_("Afspraken"), None)
            ),
        },
    )


def _agreement(agenda, slug: str) -> Agreement:
    qs = agenda.agreements.select_related(
        "portfolio",
        "theme",
        "political_lead",
        "official_lead",
        "political_lead_person",
        "official_lead_person",
    ).prefetch_related("other_portfolios", "partners")
    return get_object_or_404(selectors.agreements_with_progress(qs), slug=slug)


def updates_shown(request: HttpRequest, agreement: Agreement) -> list[ProgressUpdate]:
    """The agreement's updates for this user, newest first: withdrawn ones only for who may
    see them (marked), each with `may_correct`."""
    updates = agreement.updates.select_related("author")
    if not can_see_withdrawn_updates(request.user):
        updates = updates.standing()
    shown = list(updates)
    for update in shown:
        update.may_correct = can_correct_progress_update(  # type: ignore[attr-defined]
            request.user, update
        )
    return shown


def _update_form(agreement: Agreement) -> ProgressUpdateForm:
    return ProgressUpdateForm(
        initial={"status": agreement.current_status, "date": selectors.today()}
    )


@require(is_signed_in)
def agreement_detail(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    agreement = _agreement(agenda, slug)
    editable = can_edit_agreement(request.user, agreement)
    return render(
        request,
        "agenda/agreement_detail.html",
        {
            "agreement": agreement,
            "milestones": agreement.milestones.all(),
            "today": selectors.today(),
            "updates": updates_shown(request, agreement),
            "may_edit": editable,
            "form": _update_form(agreement) if editable else None,
            "breadcrumbs": breadcrumbs(
                (_("Agenda"), reverse("agenda:overview")),
                (_("Afspraken"), reverse("agenda:agreements")),
                (agreement.title, None),
            ),
        },
    )


@require_POST
@require(can_edit_agreement, obj=_agreement_to_edit)
def progress_update_add(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    agreement = _agreement(agenda, slug)
    form = ProgressUpdateForm(request.POST)
    if form.is_valid():
        try:
            services.progress_update_add(
                agreement=agreement, author=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                # The progress section, and (out of band) the status line at the top.
                agreement = _agreement(agenda, slug)
                return render(
                    request,
                    "agenda/includes/progress_saved.html",
                    {
                        "agreement": agreement,
                        "updates": updates_shown(request, agreement),
                        "may_edit": True,
                        "form": _update_form(agreement),
                        "just_saved": True,
                    },
                )
            messages.success(request, _("De voortgang is bijgewerkt."))
            return redirect(agreement)
    template = "agenda/includes/progress.html" if request.htmx else "agenda/update_form.html"
    return render(
        request,
        template,
        {
            "agreement": agreement,
            "form": form,
            "may_edit": True,
            "updates": updates_shown(request, agreement),
        },
        status=200 if request.htmx else 400,
    )


@require(can_edit_agreement, obj=_agreement_to_edit)
def agreement_edit(request: HttpRequest, slug: str) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    agreement = _agreement(agenda, slug)
    return versioned_edit(
        request,
        agreement,
        AgreementForm,
        back=agreement.get_absolute_url(),
        save=lambda obj, **kw: services.agreement_update(agreement=obj, **kw),
        success=_("De afspraak is opgeslagen."),
        template="agenda/agreement_form.html",
        context={
            "agreement": agreement,
            "breadcrumbs": breadcrumbs(
                (_("Afspraken"), reverse("agenda:agreements")),
                (agreement.title, agreement.get_absolute_url()),
                (_("Bewerken"), None),
            ),
        },
    )


@require(is_signed_in)
def timeline(request: HttpRequest) -> HttpResponse:
    agenda = selectors.current_agenda_or_404(request.association)
    portfolio = _portfolios(request).filter(slug=request.GET.get("portefeuille", "")).first()
    portfolios = list(_portfolios(request).order_by("order"))
    agreements = selectors.agreements_with_progress(
        agenda.agreements.select_related("portfolio").prefetch_related(
            Prefetch("milestones", queryset=Milestone.objects.order_by("order"))
        )
    )
    if portfolio:
        agreements = agreements.filter(selectors.in_portfolio(portfolio)).distinct()
    grid = timeline_rows(
        agenda, agreements, today=selectors.today(), portfolios=portfolios, portfolio=portfolio
    )
    return render(
        request,
        "agenda/timeline.html",
        {
            "agenda": agenda,
            "grid": grid,
            "today": selectors.today(),
            "statuses": [(s, STATUS_COLOURS[s]) for s in STATUS_ORDER],
            "portfolio": portfolio,
            "portfolios": portfolios,
            "breadcrumbs": breadcrumbs(
                (_("Agenda"), reverse("agenda:overview")), (_("Tijdlijn"), None)
            ),
        },
    )
