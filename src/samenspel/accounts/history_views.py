"""One's own history in an association (`accounts:history`): the roles one held, with
their dates, and what one did, also after every seat has ended (issue 17, point 3).

"What one did" is the audit trail (django-simple-history, `history_user`) of the domain
models that belong to one association: those whose admin declares an `association_path`
(core/admin_scoping.py), or that point at the association themselves. The national
register (organisations, people, accounts) has no association and is left out, so the
page shows nothing of another association. All models are read in one UNION query,
newest first, a page of 25 at a time: the number of queries does not grow with the data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.contrib import admin
from django.core.paginator import Paginator
from django.db import models
from django.db.models import CharField, F, Value
from django.db.models.functions import Cast, Left
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from samenspel.accounts.permissions import require
from samenspel.accounts.signin_permissions import can_view_own_history
from samenspel.core.admin_scoping import AssociationScoped, scoping_of
from samenspel.core.dates import today
from samenspel.web.navigation import breadcrumbs

PAGE_SIZE = 25
# The field that names a row, in this order; else the first such field of what it points at.
TITLE_FIELDS = ("title", "name", "subject", "label")
LABEL_LENGTH = 120
ACTIONS = {
    "+": gettext_lazy("aangemaakt"),
    "~": gettext_lazy("gewijzigd"),
    "-": gettext_lazy("verwijderd"),
}


# --- roles with their dates ------------------------------------------------------------


@dataclass(frozen=True)
class RoleRow:
    assignment: Any
    state: str  # "current", "ended" or "future"

    @property
    def state_label(self) -> str:
        return {
            "current": _("huidig"),
            "ended": _("beëindigd"),
            "future": _("nog niet begonnen"),
        }[self.state]


def roles_with_state(user: Any, association: Any, on: dt.date | None = None) -> list[RoleRow]:
    """`user`'s roles in `association`, current first, each marked current, ended or not
    yet begun on `on` (today). For the history page and the account page."""
    from samenspel.accounts.models import RoleAssignment

    on = on or today()
    rows = []
    assignments = RoleAssignment.objects.filter(user=user, association=association)
    for assignment in assignments.select_related("portfolio", "organisation").order_by(
        "-valid_until", "role", "pk"
    ):
        if assignment.valid_until is not None and assignment.valid_until < on:
            state = "ended"
        elif assignment.valid_from is not None and assignment.valid_from > on:
            state = "future"
        else:
            state = "current"
        rows.append(RoleRow(assignment, state))
    order = {"current": 0, "future": 1, "ended": 2}
    return sorted(rows, key=lambda row: order[row.state])


# --- what one did ----------------------------------------------------------------------


@dataclass(frozen=True)
class HistorySource:
    model: type[models.Model]
    association_path: str
    label_path: str  # "" when the model has nothing that names it


def _title_field(model: type[models.Model]) -> str:
    names = {f.name for f in model._meta.concrete_fields if not f.is_relation}
    return next((name for name in TITLE_FIELDS if name in names), "")


def _label_path(model: type[models.Model]) -> str:
    own = _title_field(model)
    if own:
        return own
    for field in model._meta.concrete_fields:
        target = field.related_model
        if field.many_to_one and isinstance(target, type):
            related = _title_field(target)
            if related:
                return f"{field.name}__{related}"
    return ""


def _association_path(model: type[models.Model], association_model: Any) -> str:
    scoping = scoping_of(admin.site, model)
    if scoping is not None and issubclass(scoping, AssociationScoped):
        return scoping.association_path or ""
    for field in model._meta.concrete_fields:
        if field.many_to_one and field.related_model is association_model:
            return field.name
    return ""


@cache
def history_sources() -> tuple[HistorySource, ...]:
    """The models with a history and a way to their association (the admin registry and
    the models do not change while the process runs)."""
    from samenspel.organisations.models import Association

    sources = []
    for model in apps.get_models():
        manager = getattr(model, "history", None)
        if model is Association or manager is None or not hasattr(manager, "model"):
            continue
        path = _association_path(model, Association)
        if path:
            sources.append(HistorySource(model, path, _label_path(model)))
    return tuple(sorted(sources, key=lambda s: s.model._meta.label_lower))


def _rows_of(source: HistorySource, user: Any, association: Any) -> Any:
    historical = source.model.history.model  # type: ignore[attr-defined]
    text: CharField = CharField()
    label = (
        Left(Cast(source.label_path, output_field=text), LABEL_LENGTH)
        if source.label_path
        else Value("", output_field=text)
    )
    return (
        historical.objects.filter(history_user=user, **{source.association_path: association})
        .order_by()
        .annotate(
            h_date=F("history_date"),
            h_id=F("history_id"),
            h_type=F("history_type"),
            h_model=Value(source.model._meta.label_lower, output_field=text),
            h_label=label,
            h_object=F(source.model._meta.pk.attname),
        )
        .values_list("h_date", "h_id", "h_type", "h_model", "h_label", "h_object")
    )


def history_of(user: Any, association: Any) -> Any:
    """The history rows `user` wrote in `association`, newest first, as one query of
    (date, history id, type, model label, row label, row id)."""
    parts = [_rows_of(source, user, association) for source in history_sources()]
    if not parts:
        return []
    first, *rest = parts
    return first.union(*rest, all=True).order_by("-h_date", "-h_id")


@dataclass(frozen=True)
class Deed:
    when: dt.datetime
    action: str
    what: str
    label: str


def _deed(row: tuple[Any, ...]) -> Deed:
    when, _history_id, kind, label_lower, label, object_id = row
    model = apps.get_model(label_lower)
    return Deed(
        when=when,
        action=str(ACTIONS.get(kind, kind)),
        what=str(model._meta.verbose_name),
        label=label or f"#{object_id}",
    )


@require_GET
@require(can_view_own_history)
def history(request: HttpRequest) -> HttpResponse:
    association = request.association  # type: ignore[attr-defined]
    page = Paginator(history_of(request.user, association), PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "accounts/history/history.html",
        {
            "roles": roles_with_state(request.user, association),
            "page": page,
            "deeds": [_deed(row) for row in page.object_list],
            "breadcrumbs": breadcrumbs(
                (_("Mijn account"), reverse("accounts:account")), (_("Mijn geschiedenis"), None)
            ),
        },
    )
