"""Pages of the evaluation round: progress, a portfolio's items, judging one item."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenspel.accounts.permissions import (
    can_judge_evaluation,
    can_judge_target,
    can_run_evaluation_round,
    can_view_reports,
    require,
)
from samenspel.agenda.models import Agreement, Theme
from samenspel.agenda.selectors import current_agenda_or_404
from samenspel.core.dates import today
from samenspel.organisations.models import Portfolio
from samenspel.reports import selectors, workflow
from samenspel.reports.forms import EvaluationRoundForm, JudgementForm
from samenspel.reports.models import EvaluationRound, Judgement
from samenspel.reports.selectors import EVALUATED_THEME_KINDS
from samenspel.reports.services import (
    evaluation_round_create,
    evaluation_round_status_set,
    judgement_record,
)
from samenspel.web.navigation import breadcrumbs
from samenspel.web.steps import confirm_page, step_refused


def _crumbs(*more):
    return breadcrumbs((_("Overzicht"), "/"), (_("Rapportages"), "/rapportages/"), *more)


@require(can_view_reports)
def evaluation_index(request: HttpRequest) -> HttpResponse:
    evaluation_round = selectors.current_round(association=request.association)
    if evaluation_round is not None:
        return redirect(evaluation_round)
    form = EvaluationRoundForm(request.POST or None)
    if request.method == "POST":
        if not can_run_evaluation_round(request.user):
            raise Http404
        if form.is_valid():
            try:
                created = evaluation_round_create(
                    agenda=current_agenda_or_404(request.association), **form.cleaned_data
                )
            except ValidationError as error:  # the name is taken in this agenda
                form.add_error(None, error.messages)
            else:
                return redirect(created)
    return render(
        request,
        "reports/evaluation_start.html",
        {
            "form": form,
            "may_start": can_run_evaluation_round(request.user),
            "breadcrumbs": _crumbs((_("Evaluatie"), None)),
        },
    )


def _round(request: HttpRequest, pk: int) -> EvaluationRound:
    """The round a URL names, of the request's association (another's: 404)."""
    return get_object_or_404(selectors.rounds_of(association=request.association), pk=pk)


@require(can_view_reports)
def evaluation_round(request: HttpRequest, pk: int) -> HttpResponse:
    evaluation_round = _round(request, pk)
    rows = selectors.round_progress(evaluation_round, as_of=today())
    return render(
        request,
        "reports/evaluation_round.html",
        {
            "round": evaluation_round,
            "rows": rows,
            "judged": sum(r.judged for r in rows),
            "total": sum(r.total for r in rows),
            "verdicts": selectors.VERDICT_ORDER,
            "closed_reason": workflow.judge_refusal(evaluation_round),
            "steps": workflow.round_steps(evaluation_round, request.user)
            if can_run_evaluation_round(request.user)
            else None,
            "breadcrumbs": _crumbs((evaluation_round.name, None)),
        },
    )


@require(can_run_evaluation_round)
def evaluation_status(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks "Weet je het zeker?" about closing or reopening (`?status=`), POST does it."""
    evaluation_round = _round(request, pk)
    back = evaluation_round.get_absolute_url()
    data = request.POST if request.method == "POST" else request.GET
    status = data.get("status", "")
    refusal = workflow.status_refusal(evaluation_round, status)
    if refusal:
        return step_refused(request, refusal, back)
    rows = selectors.round_progress(evaluation_round, as_of=today())
    unjudged = sum(r.total - r.judged for r in rows)
    question = workflow.status_question(evaluation_round, status, unjudged=unjudged)
    if request.method != "POST":
        return confirm_page(
            request,
            question,
            back=back,
            fields={"status": status},
            breadcrumbs=_crumbs((evaluation_round.name, back), (question.title, None)),
        )
    try:
        evaluation_round_status_set(
            evaluation_round=evaluation_round, status=status, user=request.user
        )
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), back)
    messages.success(request, question.done)
    return redirect(back)


def _portfolio(evaluation_round: EvaluationRound, slug: str) -> Portfolio | None:
    if slug == selectors.NO_PORTFOLIO_SLUG:
        return None
    portfolios = Portfolio.objects.filter(association_id=evaluation_round.agenda.association_id)
    return get_object_or_404(portfolios, slug=slug)


@require(can_view_reports)
def evaluation_portfolio(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    evaluation_round = _round(request, pk)
    portfolio = _portfolio(evaluation_round, slug)
    judgements = {
        (j.agreement_id, j.theme_id): j for j in Judgement.objects.filter(round=evaluation_round)
    }
    agreements = [
        (a, judgements.get((a.pk, None)))
        for a in selectors.evaluated_agreements(evaluation_round, portfolio)
    ]
    themes = [
        (t, judgements.get((None, t.pk)))
        for t in selectors.evaluated_themes(evaluation_round, portfolio)
    ]
    name = portfolio.name if portfolio else _("Zonder portefeuille")
    return render(
        request,
        "reports/evaluation_portfolio.html",
        {
            "round": evaluation_round,
            "portfolio": portfolio,
            "name": name,
            "slug": slug,
            "agreements": agreements,
            "themes": themes,
            "may_judge": can_judge_evaluation(request.user, portfolio)
            and not workflow.judge_refusal(evaluation_round),
            "closed_reason": workflow.judge_refusal(evaluation_round),
            "breadcrumbs": _crumbs(
                (evaluation_round.name, evaluation_round.get_absolute_url()), (name, None)
            ),
        },
    )


CONFLICT = gettext_lazy(
    "Iemand anders heeft dit oordeel intussen gewijzigd. Bekijk het nieuwe oordeel en voer "
    "je wijziging opnieuw in."
)


def _target(evaluation_round: EvaluationRound, kind: str, target_pk: int):
    """Only the round's own agreements and evaluated themes can be judged in it."""
    agenda = evaluation_round.agenda
    if kind == "afspraak":
        return {"agreement": get_object_or_404(Agreement, pk=target_pk, agenda=agenda)}
    if kind == "thema":
        themes = Theme.objects.filter(agenda=agenda, kind__in=EVALUATED_THEME_KINDS)
        return {"theme": get_object_or_404(themes, pk=target_pk)}
    raise Http404


def _version(judgement: Judgement | None) -> str:
    if judgement is None:
        return "nieuw"
    latest = judgement.history.order_by("-history_id").values_list("history_id", flat=True)
    return str(latest.first())


def _judged(request: HttpRequest, pk: int, kind: str, target_pk: int) -> dict:
    """What a judgement is about (for `can_judge_target`)."""
    return _target(_round(request, pk), kind, target_pk)


@require(can_judge_target, obj=_judged)
def judgement_edit(request: HttpRequest, pk: int, kind: str, target_pk: int) -> HttpResponse:
    evaluation_round = _round(request, pk)
    target = _target(evaluation_round, kind, target_pk)
    item = target.get("agreement") or target.get("theme")
    refusal = workflow.judge_refusal(evaluation_round)
    if refusal:
        back = reverse(
            "reports:evaluation_portfolio", args=[evaluation_round.pk, _back_slug(target)]
        )
        return step_refused(request, refusal, back)
    existing = Judgement.objects.filter(round=evaluation_round, **target).first()
    initial = {"seen": _version(existing)}
    if existing:
        initial |= {
            "verdict": existing.verdict,
            "explanation": existing.explanation,
            "lessons": existing.lessons,
        }
    form = JudgementForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        seen = values.pop("seen")
        if seen and seen != _version(existing):
            messages.error(request, CONFLICT)
            return redirect(request.path)
        try:
            judgement_record(
                evaluation_round=evaluation_round, user=request.user, **target, **values
            )
        except IntegrityError:  # someone else made the first judgement at the same moment
            messages.error(request, CONFLICT)
            return redirect(request.path)
        except ValidationError as error:  # the bureau closed the round meanwhile
            return step_refused(request, " ".join(error.messages), request.path)
        messages.success(request, _("Het oordeel is opgeslagen."))
        slug = _back_slug(target)
        return redirect("reports:evaluation_portfolio", pk=evaluation_round.pk, slug=slug)
    return render(
        request,
        "reports/judgement_form.html",
        {
            "round": evaluation_round,
            "item": item,
            "form": form,
            "existing": existing,
            "breadcrumbs": _crumbs(
                (evaluation_round.name, evaluation_round.get_absolute_url()), (str(item), None)
            ),
        },
    )


def _back_slug(target) -> str:
    if "agreement" in target:
        portfolio = target["agreement"].portfolio
    else:
        portfolio = target["theme"].portfolios.order_by("order").first()
    return portfolio.slug if portfolio else selectors.NO_PORTFOLIO_SLUG
