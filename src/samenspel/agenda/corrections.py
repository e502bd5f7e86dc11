"""Pages that correct or withdraw a progress update; who may is
`accounts.permissions.can_correct_progress_update`. Both write through `agenda.services`
with the version the form was opened with, so two people correcting the same update meet
a conflict, never an overwrite.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.accounts.corrections import can_correct_progress_update, within_correction_period
from samenspel.accounts.permissions import require
from samenspel.agenda import services
from samenspel.agenda.forms import ProgressUpdateCorrectForm, ProgressUpdateWithdrawForm
from samenspel.agenda.models import ProgressUpdate
from samenspel.core.pages import form_page
from samenspel.web.navigation import breadcrumbs

CORRECTED_FIELDS = ("date", "status", "text", "percent", "link", "is_internal", "version")


def update_of(request: HttpRequest, pk: int, **kwargs: Any) -> ProgressUpdate:
    """The progress update of the request's association (another association's: 404)."""
    return get_object_or_404(
        ProgressUpdate.objects.select_related("agreement__portfolio", "author").filter(
            agreement__agenda__association=request.association
        ),
        pk=pk,
    )


def _page(
    request: HttpRequest,
    update: ProgressUpdate,
    form: Any,
    *,
    save: Any,
    success: str,
    title: str,
    button: str,
    explanation: str,
) -> HttpResponse:
    agreement = update.agreement
    back = f"{agreement.get_absolute_url()}#update-{update.pk}"
    return form_page(
        request,
        form,
        save=save,
        success=success,
        next_url=back,
        title=title,
        back=back,
        template="agenda/update_correction.html",
        context={
            "update": update,
            "button": button,
            "explanation": explanation,
            "within_period": within_correction_period(update.created_at),
            "days": settings.SAMENSPEL_CORRECTION_DAYS,
            "breadcrumbs": breadcrumbs(
                (_("Afspraken"), reverse("agenda:agreements")),
                (agreement.title, agreement.get_absolute_url()),
                (title, None),
            ),
        },
    )


@require(can_correct_progress_update, obj=update_of)
def update_correct(request: HttpRequest, pk: int) -> HttpResponse:
    update = update_of(request, pk)
    initial = {name: getattr(update, name) for name in CORRECTED_FIELDS}
    form = ProgressUpdateCorrectForm(request.POST or None, initial=initial)
    return _page(
        request,
        update,
        form,
        save=lambda data: services.progress_update_correct(
            update=update, user=request.user, expected_version=data.pop("version"), **data
        ),
        success=_("De voortgangsupdate is gecorrigeerd."),
        title=_("Voortgangsupdate corrigeren"),
        button=_("Correctie opslaan"),
        explanation=_(
            "Herstel een vergissing in deze update. De oorspronkelijke versie blijft in de "
            "geschiedenis staan, en rapportages over een eerdere datum tonen die nog steeds. "
            "Is er iets nieuws te melden? Meld dan nieuwe voortgang."
        ),
    )


@require(can_correct_progress_update, obj=update_of)
def update_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    update = update_of(request, pk)
    form = ProgressUpdateWithdrawForm(request.POST or None, initial={"version": update.version})
    return _page(
        request,
        update,
        form,
        save=lambda data: services.progress_update_withdraw(
            update=update,
            user=request.user,
            expected_version=data["version"],
            reason=data["reason"],
        ),
        success=_("De voortgangsupdate is ingetrokken."),
        title=_("Voortgangsupdate intrekken"),
        button=_("Update intrekken"),
        explanation=_(
            "Een ingetrokken update blijft bewaard en zichtbaar voor het bureau, maar telt niet "
            "meer mee voor de status van de afspraak: dan geldt weer de update daarvoor."
        ),
    )
