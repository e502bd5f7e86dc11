"""Marking a milestone reached, or not reached after all: a one-click change that asks
first. GET shows "Weet je het zeker?" with what it changes (with htmx in place, beside
the milestone), POST does it; a change the rules do not allow
(`agenda.workflow.milestone_refusal`) is refused with the reason."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_edit_agreement, require
from samenspel.agenda import services
from samenspel.agenda.models import Agreement, Milestone
from samenspel.agenda.workflow import milestone_refusal
from samenspel.core.dates import today
from samenspel.web.navigation import breadcrumbs
from samenspel.web.steps import Question, confirm_page, step_refused


def _milestones(request: HttpRequest):
    """The milestones of the request's association: another's is a 404."""
    return Milestone.objects.filter(
        agreement__agenda__association=request.association
    ).select_related("agreement__portfolio")


def _milestone_agreement(request: HttpRequest, pk: int) -> Agreement:
    return get_object_or_404(_milestones(request), pk=pk).agreement


def _date(milestone: Milestone, data, *, asking: bool) -> dt.date | None:
    """The date asked for: `reached_on` (empty: not reached after all); a question
    without it asks for the other state than the milestone has (reached today, or not
    reached), an answer without it is refused."""
    if "reached_on" not in data:
        if not asking:
            raise ValidationError(_("Geef de datum waarop de mijlpaal is bereikt."))
        return None if milestone.reached_on else today()
    value = data["reached_on"].strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(_("'%(value)s' is geen geldige datum.") % {"value": value}) from None


def _nl(date: dt.date) -> str:
    return date.strftime("%d-%m-%Y")


@require(can_edit_agreement, obj=_milestone_agreement)
def milestone_reach(request: HttpRequest, pk: int) -> HttpResponse:
    milestone = get_object_or_404(_milestones(request), pk=pk)
    agreement = milestone.agreement
    back = f"{agreement.get_absolute_url()}#mijlpaal-{milestone.pk}"
    try:
        asking = request.method != "POST"
        reached_on = _date(milestone, request.GET if asking else request.POST, asking=asking)
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), back)
    refusal = milestone_refusal(milestone, reached_on, on=today())
    if refusal:
        return step_refused(request, refusal, back)
    names = {"title": milestone.title}
    if request.method != "POST":
        if reached_on is None:
            title = _("Toch niet bereikt")
            question = _("Is de mijlpaal '%(title)s' toch niet bereikt?") % names
            consequences = [
                _("De datum waarop ze bereikt was (%(date)s) vervalt; de geschiedenis bewaart hem.")
                % {"date": _nl(milestone.reached_on)},
                _("Is de geplande datum voorbij, dan telt de mijlpaal weer als over tijd."),
            ]
            button, undo = (
                _("Ja, toch niet bereikt"),
                _("Ongedaan maken kan: meld de mijlpaal daarna weer als bereikt."),
            )
        else:
            title = _("Mijlpaal bereikt")
            question = _("Is de mijlpaal '%(title)s' bereikt op %(date)s?") % {
                **names,
                "date": _nl(reached_on),
            }
            consequences = [
                _("De afspraak, de tijdlijn en de rapportages tonen de mijlpaal als bereikt."),
                _("Ze telt niet meer als over tijd."),
            ]
            button, undo = _("Ja, bereikt"), _("Ongedaan maken kan met 'Toch niet bereikt'.")
        return confirm_page(
            request,
            Question(title, question, button, consequences, undo),
            back=back,
            fields={"reached_on": reached_on.isoformat() if reached_on else ""},
            breadcrumbs=breadcrumbs(
                (_("Agenda"), reverse("agenda:overview")),
                (agreement.title, agreement.get_absolute_url()),
                (title, None),
            ),
        )
    try:
        services.milestone_reach(milestone=milestone, reached_on=reached_on, user=request.user)
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), back)
    if reached_on is None:
        messages.success(request, _("Mijlpaal '%(title)s' staat weer als niet bereikt.") % names)
    else:
        messages.success(
            request,
            _("Mijlpaal '%(title)s' staat als bereikt op %(date)s.")
            % {**names, "date": _nl(reached_on)},
        )
    return redirect(back)
