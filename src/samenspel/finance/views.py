"""Money pages: the agenda budget with stated-vs-computed, contributions per year,
projects of the service desk, the contingency fund and claims."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import (
    can_manage_money,
    can_view_organisation_finance,
    is_signed_in,
    owned_rows_visible_to,
    require,
)
from samenspel.agenda.selectors import current_agenda, current_agenda_or_404
from samenspel.core.pages import form_page, versioned_edit
from samenspel.finance import project_shares, selectors, services
from samenspel.finance.charts import contributions_chart
from samenspel.finance.contributions import year_contributions
from samenspel.finance.forms import BudgetYearForm, FundSpendingForm, InvoiceForm, PaidForm
from samenspel.finance.models import BudgetLine, BudgetYear, Project
from samenspel.organisations.models import Association
from samenspel.organisations.selectors import is_member
from samenspel.web.exports import export_format, table_response
from samenspel.web.navigation import breadcrumbs


def _visible_claims(request: HttpRequest):
    """The bureau sees every open claim of the association; an account holder those of
    their organisation."""
    return owned_rows_visible_to(
        request.user, selectors.outstanding_claims(association=request.association)
    )


def _projects(association: Association):
    return Project.objects.filter(association=association)


@require(is_signed_in)
def overview(request: HttpRequest) -> HttpResponse:
    agenda = current_agenda_or_404(request.association)
    years = selectors.budget_years(agenda)
    lines = BudgetLine.objects.filter(agenda=agenda).prefetch_related("amounts")
    year_numbers = [f.budget_year.year for f in years]
    rows = [
        (
            line,
            [
                next((a.amount for a in line.amounts.all() if a.year == y), None)
                for y in year_numbers
            ],
        )
        for line in lines
    ]
    comparisons = selectors.stated_vs_computed(agenda)
    fmt = export_format(request)
    if fmt:
        columns = [_("Post"), *[str(y) for y in year_numbers]]
        data = [[line.name, *amounts] for line, amounts in rows]
        data.append([_("Totale kosten"), *[f.total_costs for f in years]])
        data.append([_("Uit lopende begroting"), *[f.from_running_budget for f in years]])
        data.append([_("Resterend te financieren"), *[f.remaining for f in years]])
        data.append([_("Bijdrage per inwoner"), *[f.per_inhabitant_rounded for f in years]])
        return table_response(fmt=fmt, filename="begroting", columns=columns, rows=data)
    return render(
        request,
        "finance/overview.html",
        {
            "agenda": agenda,
            "years": years,
            "rows": rows,
            "comparisons": comparisons,
            "differences": [c for c in comparisons if c.differs],
            "fund": selectors.contingency_fund(association=request.association),
            "claims": _visible_claims(request)[:50],
            "may_manage": can_manage_money(request.user),
            "projects": _projects(request.association),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Financiën"), None)),
        },
    )


@dataclass(frozen=True)
class ContributionRow:
    """A member's line on the contributions page."""

    member: object
    agenda: Decimal
    projects: list[tuple[str, Decimal]]
    projects_total: Decimal
    total: Decimal
    difference: Decimal


@require(is_signed_in)
def contributions(request: HttpRequest, year: int) -> HttpResponse:
    agenda = current_agenda_or_404(request.association)
    budget_year = get_object_or_404(
        BudgetYear.objects.prefetch_related("fixed", "invoiced"), agenda=agenda, year=year
    )
    year_rows = year_contributions(budget_year, association=request.association)
    figures = year_rows.figures
    sources = [_("samenwerkingsagenda"), *year_rows.projects]
    table = [(row.member, row.amounts, row.total, row.difference) for row in year_rows.rows]
    totals = [sum(row[1][i] for row in table) for i in range(len(sources))]
    # On screen: the agenda, the projects together (each behind a details element) and
    # the total; the CSV and XLSX keep a column per source.
    rows = [
        ContributionRow(
            member=row.member,
            agenda=row.agenda,
            projects=list(zip(year_rows.projects, row.amounts[1:], strict=True)),
            projects_total=row.projects_total,
            total=row.total,
            difference=row.difference,
        )
        for row in year_rows.rows
    ]
    fmt = export_format(request)
    if fmt:
        columns = [
            "organisation",
            "code",
            "inhabitants",
            "reference_date",
            *[f"source:{s}" for s in sources],
            "total",
        ]
        data = [
            [m.organisation.name, m.code, m.inhabitants, m.reference_date, *amounts, total]
            for m, amounts, total, _d in table
        ]
        return table_response(fmt=fmt, filename=f"bijdragen-{year}", columns=columns, rows=data)
    return render(
        request,
        "finance/contributions.html",
        {
            "figures": figures,
            "year": year,
            "sources": sources,
            "rows": rows,
            "project_totals": list(zip(sources[1:], totals[1:], strict=True)),
            "totals": totals,
            "projects_total": sum(totals[1:]),
            "grand_total": sum(totals),
            "chart": contributions_chart(table, sources=sources, year=year),
            "years": BudgetYear.objects.filter(agenda=agenda).values_list("year", flat=True),
            "may_manage": can_manage_money(request.user),
            "invoice_form": InvoiceForm() if can_manage_money(request.user) else None,
            "breadcrumbs": breadcrumbs(
                (_("Financiën"), reverse("finance:overview")),
                (_("Bijdragen %(year)s") % {"year": year}, None),
            ),
        },
    )


@require(can_manage_money)
def budget_year_edit(request: HttpRequest, year: int) -> HttpResponse:
    budget_year = get_object_or_404(
        BudgetYear, agenda=current_agenda_or_404(request.association), year=year
    )
    back = reverse("finance:contributions", kwargs={"year": year})
    return versioned_edit(
        request,
        budget_year,
        BudgetYearForm,
        back=back,
        save=lambda obj, **kw: services.budget_year_update(budget_year=obj, **kw),
        success=_("Het begrotingsjaar is opgeslagen."),
        context={"title": _("Begrotingsjaar %(year)s") % {"year": year}},
    )


@require(can_manage_money)
def budget_year_invoice(request: HttpRequest, year: int) -> HttpResponse:
    budget_year = get_object_or_404(
        BudgetYear, agenda=current_agenda_or_404(request.association), year=year
    )
    form = InvoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = services.budget_year_invoice(
                budget_year=budget_year,
                invoiced_on=form.cleaned_data["invoiced_on"],
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("%(year)s is gefactureerd: %(n)s declaraties verstuurd.")
                % {"year": year, "n": sent},
            )
        return redirect("finance:contributions", year=year)
    return render(
        request,
        "core/simple_form.html",
        {
            "form": form,
            "title": _("Bijdragen %(year)s factureren") % {"year": year},
            "back": reverse("finance:contributions", kwargs={"year": year}),
        },
    )


@require(can_manage_money)
def claim_paid(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(selectors.claims_of(request.association), pk=pk)
    return form_page(
        request,
        PaidForm(request.POST or None),
        save=lambda values: services.claim_mark_paid(
            association=request.association, claim=claim, user=request.user, **values
        ),
        success=_("De declaratie is als betaald gemarkeerd."),
        next_url=reverse("finance:overview"),
        title=_("Betaald: %(claim)s") % {"claim": claim},
        back=reverse("finance:overview"),
    )


@require(can_manage_money)
def fund_spending_add(request: HttpRequest) -> HttpResponse:
    return form_page(
        request,
        FundSpendingForm(request.POST or None),
        save=lambda values: services.fund_spending_add(
            association=request.association, user=request.user, **values
        ),
        success=_("De uitgave uit het handgeld is vastgelegd."),
        next_url=reverse("finance:overview"),
        title=_("Uitgave uit het handgeld"),
        back=reverse("finance:overview"),
    )


@require(is_signed_in)
def project_list(request: HttpRequest) -> HttpResponse:
    projects = (
        _projects(request.association)
        .select_related("portfolio")
        .prefetch_related("commissioners", "years")
    )
    fmt = export_format(request)
    columns = [_("Project"), _("Portefeuille"), _("Opdrachtgevers"), _("Jaren"), _("Opslag (%)")]
    rows = [
        [
            p.name,
            p.portfolio or "",
            ", ".join(str(c) for c in p.commissioners.all()),
            ", ".join(str(y.year) for y in p.years.all()),
            p.surcharge_percent,
        ]
        for p in projects
    ]
    if fmt:
        return table_response(fmt=fmt, filename="projecten", columns=columns, rows=rows)
    return render(
        request,
        "finance/project_list.html",
        {
            "projects": projects,
            "breadcrumbs": breadcrumbs(
                (_("Financiën"), reverse("finance:overview")), (_("Projecten"), None)
            ),
        },
    )


@require(is_signed_in)
def project_detail(request: HttpRequest, slug: str) -> HttpResponse:
    project = get_object_or_404(
        _projects(request.association).prefetch_related("commissioners", "other_funders"),
        slug=slug,
    )
    years = [project_shares.project_year_shares(py) for py in project.years.all()]
    claims = owned_rows_visible_to(
        request.user,
        selectors.claims_of(request.association)
        .filter(project=project)
        .select_related("organisation"),
    )
    return render(
        request,
        "finance/project_detail.html",
        {
            "project": project,
            "years": years,
            "claims": claims,
            "payments": project.payments.all() if can_manage_money(request.user) else [],
            "may_manage": can_manage_money(request.user),
            "breadcrumbs": breadcrumbs(
                (_("Financiën"), reverse("finance:overview")),
                (_("Projecten"), reverse("finance:projects")),
                (project.name, None),
            ),
        },
    )


def organisation_contributions(request: HttpRequest, organisation) -> dict:
    """The organisation page's 'what we contribute' panel (money part)."""
    agenda = current_agenda(request.association)
    if agenda is None or not is_member(organisation, request.association):
        return {}
    per_year = [
        (f.budget_year.year, f.amount_for(organisation.pk)) for f in selectors.budget_years(agenda)
    ]
    claims = (
        selectors.outstanding_claims(organisation, association=request.association)
        if can_view_organisation_finance(request.user, organisation)
        else None
    )
    return {"contributions": per_year, "claims": claims}
