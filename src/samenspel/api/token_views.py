"""The API token pages under /api-toegang/: the list, issuing one (its key shown once),
revoking one, and a token's use log."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samenspel.accounts.permissions import require
from samenspel.api.forms import TokenForm
from samenspel.api.models import ApiToken
from samenspel.api.token_permissions import (
    can_manage_api_tokens,
    can_manage_token,
    tokens_visible_to,
)
from samenspel.api.tokens import (
    TokenState,
    scope_labels,
    token_create,
    token_revoke,
    token_state,
    token_state_label,
)
from samenspel.web.inbox import Shortcut
from samenspel.web.navigation import breadcrumbs
from samenspel.web.steps import Question, confirm_page, step_refused

PAGE_SIZE = 50
USES_SHOWN = 100


def token_of(request: HttpRequest, pk: int, **kwargs: Any) -> ApiToken:
    """The token of the request's association (another association's: 404)."""
    return get_object_or_404(
        ApiToken.objects.filter(association=request.association).select_related(
            "user", "organisation", "created_by"
        ),
        pk=pk,
    )


def _crumbs(*pairs: tuple[str, str | None]) -> list[dict]:
    return breadcrumbs((_("Overzicht"), "/"), (_("API-toegang"), reverse("api_pages:list")), *pairs)


def _row(token: ApiToken) -> dict[str, Any]:
    return {
        "token": token,
        "scopes": scope_labels(token),
        "state": token_state(token),
        "state_label": token_state_label(token),
    }


@require_GET
@require(can_manage_api_tokens)
def token_list(request: HttpRequest) -> HttpResponse:
    tokens = tokens_visible_to(request.user, request.association)
    page = Paginator(tokens, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "api/token_list.html",
        {
            "page": page,
            "rows": [_row(token) for token in page.object_list],
            "active": TokenState.ACTIVE,
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("API-toegang"), None)),
        },
    )


def _errors_on_form(form: TokenForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


@never_cache
@require(can_manage_api_tokens)
def token_create_view(request: HttpRequest) -> HttpResponse:
    form = TokenForm(request.POST or None, user=request.user, association=request.association)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            issued = token_create(
                association=request.association,
                name=data["name"],
                user=data["user"],
                organisation=data.get("organisation"),
                scopes=list(data["scopes"]),
                expires_on=data["expires_on"],
                created_by=request.user,
            )
        except ValidationError as error:
            _errors_on_form(form, error)
        else:
            # The key is in this response only: not in a message, the session or a redirect.
            return render(
                request,
                "api/token_created.html",
                {
                    **_row(issued.token),
                    "key": issued.key,
                    "breadcrumbs": _crumbs((_("Nieuw token"), None)),
                },
            )
    return render(
        request,
        "api/token_form.html",
        {
            "form": form,
            "title": _("Nieuw API-token"),
            "back": reverse("api_pages:list"),
            "conflict": [],
            "breadcrumbs": _crumbs((_("Nieuw token"), None)),
        },
    )


@require(can_manage_token, obj=token_of)
def token_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    token = token_of(request, pk)
    back = reverse("api_pages:list")
    names = {"name": token.name, "prefix": token.prefix}
    if token.revoked_at is not None:
        return step_refused(request, _("Het token '%(name)s' is al ingetrokken.") % names, back)
    if request.method != "POST":
        return confirm_page(
            request,
            Question(
                _("Token intrekken"),
                _("Het token '%(name)s' (%(prefix)s…) intrekken?") % names,
                _("Ja, intrekken"),
                [
                    _("Elk systeem dat dit token gebruikt, krijgt meteen 401 (niet aangemeld)."),
                    _("Het gebruik tot nu toe blijft te zien."),
                ],
                _("Ongedaan maken kan niet: maak zo nodig een nieuw token."),
            ),
            back=back,
            breadcrumbs=_crumbs((_("Token intrekken"), None)),
        )
    token_revoke(token=token, user=request.user)
    messages.success(request, _("Het token '%(name)s' is ingetrokken.") % names)
    return redirect(back)


@require_GET
@require(can_manage_token, obj=token_of)
def token_uses(request: HttpRequest, pk: int) -> HttpResponse:
    token = token_of(request, pk)
    return render(
        request,
        "api/token_uses.html",
        {
            **_row(token),
            "uses": list(token.uses.order_by("-at", "-pk")[:USES_SHOWN]),
            "shown": USES_SHOWN,
            "active": TokenState.ACTIVE,
            "breadcrumbs": _crumbs((token.name, None)),
        },
    )


def api_token_shortcuts(*, user: Any, association: Any) -> list[Shortcut]:
    """The dashboard's link to the token pages, for who may use them
    (`web.inbox.register_shortcut(api_token_shortcuts)` in the api app's ready())."""
    if not can_manage_api_tokens(user):
        return []
    return [Shortcut(_("API-toegang"), reverse("api_pages:list"))]
