"""The bureau's pages of its association's users (issue 17): who they are, how and when
they last signed in, their active sessions (ended here), and deactivating them. Users
are deactivated, never deleted: their history stays."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from samenspel.accounts.models import SignIn, User
from samenspel.accounts.permissions import require
from samenspel.accounts.signin_permissions import can_manage_users
from samenspel.accounts.users.selectors import (
    FILTERS,
    UserRow,
    second_factor_label,
    user_detail_rows,
    user_rows,
    users_listed,
    users_of,
)
from samenspel.accounts.users.services import user_deactivate_and_sign_out
from samenspel.accounts.users.sessions import session_end, sessions_active, sessions_end_all
from samenspel.core.dates import today
from samenspel.web.exports import export_format, table_response
from samenspel.web.forms import ChoiceLabels
from samenspel.web.inbox import Shortcut
from samenspel.web.navigation import breadcrumbs
from samenspel.web.steps import Question, confirm_page, step_refused

PAGE_SIZE = 50
EXPORT_CHUNK = 500  # rows enriched at a time in an export: bounded queries and memory


class UserFilterForm(ChoiceLabels, forms.Form):
    empty_labels = {"status": gettext_lazy("Alle gebruikers")}

    q = forms.CharField(
        label=gettext_lazy("Zoek op naam, gebruikersnaam of e-mail"), required=False
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Toon"), choices=[("", ""), *FILTERS.items()], required=False
    )


def user_of(request: HttpRequest, pk: int, **kwargs: Any) -> User:
    """A user with a role (now or once) in the request's association; another's: 404."""
    return get_object_or_404(users_of(request.association), pk=pk)


def _may_act_on(request: HttpRequest, user: User) -> str:
    """Why the bureau may not end sessions of or deactivate `user` (empty: it may)."""
    if user.is_superuser and not request.user.is_superuser:
        return _("Een technisch beheerder wordt alleen door een technisch beheerder beheerd.")
    return ""


def _crumbs(*pairs: tuple[str, str | None]) -> list[dict]:
    return breadcrumbs((_("Overzicht"), "/"), (_("Gebruikers"), reverse("accounts:users")), *pairs)


COLUMNS = [
    gettext_lazy("Naam"),
    gettext_lazy("Gebruikersnaam"),
    gettext_lazy("Organisatie"),
    gettext_lazy("Rollen nu"),
    gettext_lazy("Laatst ingelogd"),
    gettext_lazy("Methode"),
    gettext_lazy("Identiteitsprovider"),
    gettext_lazy("Tweede factor bij inloggen"),
    gettext_lazy("Tweede factor ingesteld"),
    gettext_lazy("Actieve sessies"),
    gettext_lazy("Status"),
]


def _status(user: User) -> str:
    return _("actief") if user.is_active else _("gedeactiveerd")


def _export_row(row: UserRow) -> list[Any]:
    sign_in = row.last_sign_in
    return [
        str(row.user),
        row.user.username,
        row.organisation or "",
        ", ".join(str(role) for role in row.roles),
        sign_in.at if sign_in else None,
        sign_in.get_method_display() if sign_in else "",
        (sign_in.provider.name if sign_in.provider else "") if sign_in else "",
        second_factor_label(sign_in.second_factor) if sign_in else "",
        row.second_factor_set_up,
        row.active_sessions,
        _status(row.user),
    ]


@require_GET
@require(can_manage_users)
def user_list(request: HttpRequest) -> HttpResponse:
    form = UserFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    query, status = (values.get("q") or "").strip(), values.get("status") or ""
    users = users_listed(request.association, query=query, status=status)
    fmt = export_format(request)
    if fmt:

        def rows():
            for start in range(0, users.count(), EXPORT_CHUNK):
                chunk = list(users[start : start + EXPORT_CHUNK])
                yield from map(_export_row, user_rows(chunk, request.association))

        return table_response(fmt=fmt, filename="gebruikers", columns=COLUMNS, rows=rows())
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("pagina"))
    params = request.GET.copy()
    params.pop("pagina", None)
    return render(
        request,
        "accounts/users/user_list.html",
        {
            "form": form,
            "page": page,
            "rows": user_rows(list(page.object_list), request.association),
            "query": params.urlencode(),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Gebruikers"), None)),
        },
    )


@require_GET
@require(can_manage_users)
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request, pk)
    details = user_detail_rows(user, request.association)
    on = today()
    roles = [
        (
            role,
            (role.valid_from is None or role.valid_from <= on)
            and (role.valid_until is None or role.valid_until >= on),
        )
        for role in details["roles"]
    ]
    return render(
        request,
        "accounts/users/user_detail.html",
        {
            "subject": user,
            **details,
            "roles": roles,
            "sessions": sessions_active(user, association=request.association),
            "sign_ins": [(s, second_factor_label(s.second_factor)) for s in details["sign_ins"]],
            "refused": _may_act_on(request, user),
            "is_self": user.pk == request.user.pk,
            "breadcrumbs": _crumbs((str(user), None)),
        },
    )


@require(can_manage_users)
def user_end_session(request: HttpRequest, pk: int, sign_in: int) -> HttpResponse:
    user = user_of(request, pk)
    back = reverse("accounts:user", args=[user.pk])
    row = get_object_or_404(
        SignIn.objects.filter(user=user, association=request.association), pk=sign_in
    )
    refused = _may_act_on(request, user)
    if refused:
        return step_refused(request, refused, back)
    names = {"name": str(user), "at": date_format(timezone.localtime(row.at), "j F Y H:i")}
    if request.method != "POST":
        return confirm_page(
            request,
            Question(
                _("Sessie beëindigen"),
                _("De sessie van %(name)s, ingelogd op %(at)s, beëindigen?") % names,
                _("Ja, sessie beëindigen"),
                [_("Die browser is meteen uitgelogd; wie er nog werkt, moet opnieuw inloggen.")],
            ),
            back=back,
            breadcrumbs=_crumbs((str(user), back), (_("Sessie beëindigen"), None)),
        )
    session_end(row, by=request.user)
    messages.success(request, _("De sessie van %(name)s is beëindigd.") % names)
    return redirect(back)


@require(can_manage_users)
def user_end_sessions(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request, pk)
    back = reverse("accounts:user", args=[user.pk])
    refused = _may_act_on(request, user)
    if refused:
        return step_refused(request, refused, back)
    names = {"name": str(user)}
    if request.method != "POST":
        return confirm_page(
            request,
            Question(
                _("Alle sessies beëindigen"),
                _("Alle sessies van %(name)s beëindigen?") % names,
                _("Ja, alle sessies beëindigen"),
                [
                    _("Elke browser waarin %(name)s is ingelogd, is meteen uitgelogd.") % names,
                    _("Opnieuw inloggen kan daarna gewoon; deactiveer om dat te voorkomen."),
                ],
            ),
            back=back,
            breadcrumbs=_crumbs((str(user), back), (_("Alle sessies beëindigen"), None)),
        )
    ended = sessions_end_all(user, by=request.user, association=request.association)
    messages.success(
        request,
        _("Alle sessies van %(name)s zijn beëindigd (%(count)d actief).")
        % {**names, "count": ended},
    )
    return redirect(back)


@require(can_manage_users)
def user_deactivate(request: HttpRequest, pk: int) -> HttpResponse:
    user = user_of(request, pk)
    back = reverse("accounts:user", args=[user.pk])
    names = {"name": str(user)}
    if user.pk == request.user.pk:
        return step_refused(
            request,
            _("Je kunt jezelf niet deactiveren: vraag een collega van het bureau."),
            back,
        )
    refused = _may_act_on(request, user)
    if refused:
        return step_refused(request, refused, back)
    if not user.is_active:
        return step_refused(request, _("%(name)s is al gedeactiveerd.") % names, back)
    if request.method != "POST":
        return confirm_page(
            request,
            Question(
                _("Gebruiker deactiveren"),
                _("%(name)s deactiveren?") % names,
                _("Ja, deactiveren"),
                [
                    _("%(name)s kan niet meer inloggen; elke sessie wordt nu beëindigd.") % names,
                    _("De gebruiker en alles wat op zijn of haar naam staat, blijven bewaard."),
                ],
                _("Terugdraaien kan in Technisch beheer: zet daar 'Actief' weer aan."),
            ),
            back=back,
            breadcrumbs=_crumbs((str(user), back), (_("Deactiveren"), None)),
        )
    user_deactivate_and_sign_out(user, by=request.user)
    messages.success(request, _("%(name)s is gedeactiveerd en uitgelogd.") % names)
    return redirect(back)


def users_shortcuts(*, user: Any, association: Any) -> list[Shortcut]:
    """The dashboard's link to the users page, for the bureau
    (`web.inbox.register_shortcut(users_shortcuts)` in the accounts app's ready())."""
    if not can_manage_users(user):
        return []
    return [Shortcut(_("Gebruikers en sessies"), reverse("accounts:users"))]
