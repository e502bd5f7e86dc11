"""The invitation pages: the bureau's (and a chair's) list, inviting, sending again and
revoking, and the public page behind the link where the invitee accepts."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samenspel.accounts.constants import SESSION_INVITATION_KEY
from samenspel.accounts.invitations.forms import (
    AcceptForm,
    InvitationFilterForm,
    InvitationForm,
    posts_for,
)
from samenspel.accounts.invitations.services import (
    VALID_DAYS_DEFAULT,
    InvitationStatus,
    invitation_accept,
    invitation_by_token,
    invitation_create,
    invitation_resend,
    invitation_revoke,
    invitation_send,
    invitation_status,
    invitations_with_status,
)
from samenspel.accounts.models import IdentityProvider, Invitation
from samenspel.accounts.permissions import bind_roles, require, takes_part
from samenspel.accounts.signin_permissions import can_invite, can_invite_to_post
from samenspel.web.exports import export_format, table_response
from samenspel.web.inbox import Shortcut
from samenspel.web.navigation import breadcrumbs
from samenspel.web.steps import Question, confirm_page, step_refused

PAGE_SIZE = 25
PASSWORD_BACKEND = "django.contrib.auth.backends.ModelBackend"

COLUMNS = [
    gettext_lazy("Naam"),
    gettext_lazy("E-mailadres"),
    gettext_lazy("Organisatie"),
    gettext_lazy("Zetel"),
    gettext_lazy("Lid vanaf"),
    gettext_lazy("Uitgenodigd door"),
    gettext_lazy("Gemaakt op"),
    gettext_lazy("Verloopt op"),
    gettext_lazy("Status"),
]


def _crumbs(*pairs: tuple[str, str | None]) -> list[dict]:
    return breadcrumbs(
        (_("Overzicht"), "/"), (_("Uitnodigingen"), reverse("accounts:invitations")), *pairs
    )


def invitations_visible_to(user: Any, association: Any) -> QuerySet[Invitation]:
    """The association's invitations to the seats `user` may invite to, newest first."""
    return (
        Invitation.objects.filter(association=association, post__in=posts_for(user, association))
        .select_related("organisation", "post__body", "post__organisation", "invited_by")
        .order_by("-created_at", "-pk")
    )


def invitation_of(request: HttpRequest, pk: int, **kwargs: Any) -> Invitation:
    """The invitation of the request's association (another association's: 404)."""
    return get_object_or_404(
        Invitation.objects.filter(association=request.association).select_related(
            "post__body", "post__organisation", "invited_by", "association"
        ),
        pk=pk,
    )


def seat_of(request: HttpRequest, pk: int, **kwargs: Any) -> Any:
    """What the permission of an invitation is about: its seat (can_invite_to_post)."""
    return invitation_of(request, pk).post


def _row(invitation: Invitation) -> dict[str, Any]:
    status = invitation_status(invitation)
    return {
        "invitation": invitation,
        "status": status,
        "status_label": InvitationStatus(status).label,
        "changeable": status in (InvitationStatus.OPEN, InvitationStatus.EXPIRED),
    }


def _export_rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
    return [
        [
            r["invitation"].name,
            r["invitation"].email,
            r["invitation"].organisation,
            r["invitation"].post,
            r["invitation"].start_date,
            r["invitation"].invited_by,
            r["invitation"].created_at,
            r["invitation"].expires_at,
            r["status_label"],
        ]
        for r in rows
    ]


@require_GET
@require(can_invite)
def invitation_list(request: HttpRequest) -> HttpResponse:
    form = InvitationFilterForm(request.GET or None)
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    invitations = invitations_visible_to(request.user, request.association)
    if status:
        invitations = invitations_with_status(invitations, status)
    fmt = export_format(request)
    if fmt:
        rows = [_row(invitation) for invitation in invitations]
        return table_response(
            fmt=fmt, filename="uitnodigingen", columns=COLUMNS, rows=_export_rows(rows)
        )
    page = Paginator(invitations, PAGE_SIZE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "accounts/invitations/list.html",
        {
            "form": form,
            "filtered": bool(status),
            "page": page,
            "rows": [_row(invitation) for invitation in page.object_list],
            "query": request.GET.urlencode(),
            "breadcrumbs": breadcrumbs((_("Overzicht"), "/"), (_("Uitnodigingen"), None)),
        },
    )


def _errors_on_form(form: Any, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.error_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _base_url(request: HttpRequest) -> str:
    """The link in the mail starts with this request's host: the association's own."""
    return request.build_absolute_uri("/").rstrip("/")


@never_cache
@require(can_invite)
def invitation_create_view(request: HttpRequest) -> HttpResponse:
    form = InvitationForm(request.POST or None, user=request.user, association=request.association)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            invitation, token = invitation_create(
                request.association,
                email=data["email"],
                name=data["name"],
                organisation=data["organisation"],
                post=data["post"],
                start_date=data["start_date"],
                invited_by=request.user,
                valid_days=data["valid_days"],
            )
        except ValidationError as error:
            _errors_on_form(form, error)
        else:
            names = {"name": invitation.name, "email": invitation.email}
            if invitation_send(invitation, token, base_url=_base_url(request)):
                messages.success(request, _("%(name)s is uitgenodigd via %(email)s.") % names)
            else:
                messages.error(
                    request,
                    _(
                        "De uitnodiging voor %(name)s is gemaakt, maar de mail kon niet worden "
                        "verstuurd. Probeer het later opnieuw met 'Opnieuw versturen'."
                    )
                    % names,
                )
            return redirect("accounts:invitations")
    return render(
        request,
        "accounts/invitations/form.html",
        {
            "form": form,
            "title": _("Iemand uitnodigen"),
            "back": reverse("accounts:invitations"),
            "conflict": [],
            "breadcrumbs": _crumbs((_("Uitnodigen"), None)),
        },
    )


@require(can_invite_to_post, obj=seat_of)
def invitation_resend_view(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = invitation_of(request, pk)
    back = reverse("accounts:invitations")
    names = {"name": invitation.name, "email": invitation.email}
    if invitation_status(invitation) not in (InvitationStatus.OPEN, InvitationStatus.EXPIRED):
        return step_refused(
            request, _("De uitnodiging voor %(name)s is niet meer open.") % names, back
        )
    if request.method != "POST":
        return confirm_page(
            request,
            Question(
                _("Uitnodiging opnieuw versturen"),
                _("De uitnodiging voor %(name)s opnieuw versturen naar %(email)s?") % names,
                _("Ja, opnieuw versturen"),
                [
                    _("De uitnodiging krijgt een nieuwe link; de vorige link werkt niet meer."),
                    _("De nieuwe link is %(days)s dagen geldig.") % {"days": VALID_DAYS_DEFAULT},
                ],
            ),
            back=back,
            breadcrumbs=_crumbs((_("Opnieuw versturen"), None)),
        )
    try:
        sent = invitation_resend(invitation, user=request.user, base_url=_base_url(request))
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), back)
    if sent:
        messages.success(request, _("De uitnodiging is opnieuw verstuurd naar %(email)s.") % names)
    else:
        messages.error(request, _("De mail kon niet worden verstuurd; probeer het later opnieuw."))
    return redirect(back)


@require(can_invite_to_post, obj=seat_of)
def invitation_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    invitation = invitation_of(request, pk)
    back = reverse("accounts:invitations")
    names = {"name": invitation.name, "email": invitation.email}
    if invitation_status(invitation) not in (InvitationStatus.OPEN, InvitationStatus.EXPIRED):
        return step_refused(
            request, _("De uitnodiging voor %(name)s is niet meer open.") % names, back
        )
    if request.method != "POST":
        return confirm_page(
            request,
            Question(
                _("Uitnodiging intrekken"),
                _("De uitnodiging voor %(name)s (%(email)s) intrekken?") % names,
                _("Ja, intrekken"),
                [_("De link in de mail werkt dan niet meer.")],
                _("Ongedaan maken kan niet: nodig zo nodig opnieuw uit."),
            ),
            back=back,
            breadcrumbs=_crumbs((_("Intrekken"), None)),
        )
    try:
        invitation_revoke(invitation, user=request.user)
    except ValidationError as error:
        return step_refused(request, " ".join(error.messages), back)
    messages.success(request, _("De uitnodiging voor %(name)s is ingetrokken.") % names)
    return redirect(back)


# --- the invitee's page behind the link ---------------------------------------------------

GONE_REASONS = {
    InvitationStatus.EXPIRED: gettext_lazy("Deze uitnodiging is verlopen."),
    InvitationStatus.REVOKED: gettext_lazy("Deze uitnodiging is ingetrokken."),
    InvitationStatus.ACCEPTED: gettext_lazy("Deze uitnodiging is al gebruikt."),
}


def _gone(request: HttpRequest, reason: str, status: int) -> HttpResponse:
    """Never a form: what happened and whom to ask (the association's bureau)."""
    return render(request, "accounts/invitations/gone.html", {"reason": reason}, status=status)


def _provider_for(invitation: Invitation) -> IdentityProvider | None:
    """The organisation's own identity provider in this association, when the sign-in
    through it is installed (accounts:sso_start)."""
    try:
        reverse("accounts:sso_start")
    except NoReverseMatch:
        return None
    return (
        IdentityProvider.objects.filter(
            association=invitation.association_id,
            organisation=invitation.organisation_id,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )


def _welcome(request: HttpRequest, user: Any, invitation: Invitation) -> HttpResponse:
    messages.success(
        request,
        _("Welkom bij Samenspel, %(name)s. Je hebt nu de zetel %(post)s.")
        % {"name": user.get_full_name() or user.username, "post": invitation.post},
    )
    bind_roles(user, request.association)
    # A seat that starts later gives no roles yet: then the account page, not a 404.
    return redirect("web:dashboard" if takes_part(user) else "accounts:account")


def _accept_posted(
    request: HttpRequest, invitation: Invitation, provider: IdentityProvider | None
) -> tuple[HttpResponse | None, AcceptForm | None, list[str]]:
    """A POST on the accept page: a response when it is done, else the form and errors
    to show again."""
    action = request.POST.get("wijze", "")
    if request.user.is_authenticated:
        if action != "zelf":
            return None, None, []
        try:
            invitation_accept(invitation, user=request.user)
        except ValidationError as error:
            return None, None, error.messages
        return _welcome(request, request.user, invitation), None, []
    if action == "sso" and provider is not None:
        # The provider's backend accepts the invitation once it knows who this is.
        request.session[SESSION_INVITATION_KEY] = invitation.pk
        return redirect(f"{reverse('accounts:sso_start')}?provider={provider.pk}"), None, []
    form = AcceptForm(request.POST, invitation=invitation)
    if form.is_valid():
        try:
            user = invitation_accept(
                invitation,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password1"],
            )
        except ValidationError as error:
            _errors_on_form(form, error)
        else:
            login(request, user, backend=PASSWORD_BACKEND)
            return _welcome(request, user, invitation), None, []
    return None, form, []


@never_cache
def invitation_accept_view(request: HttpRequest, token: str) -> HttpResponse:
    # No throttling: the token is 32 random bytes, so guessing one is hopeless.
    invitation = invitation_by_token(request.association, token)
    if invitation is None:
        return _gone(request, _("Deze uitnodiging bestaat niet."), 404)
    status = invitation_status(invitation)
    if status != InvitationStatus.OPEN:
        return _gone(request, str(GONE_REASONS[InvitationStatus(status)]), 410)
    signed_in = request.user.is_authenticated
    provider = None if signed_in else _provider_for(invitation)
    form: AcceptForm | None = None
    errors: list[str] = []
    if request.method == "POST":
        done, form, errors = _accept_posted(request, invitation, provider)
        if done is not None:
            return done
    if form is None and not signed_in:
        form = AcceptForm(None, invitation=invitation)
    return render(
        request,
        "accounts/invitations/accept.html",
        {
            "invitation": invitation,
            "inviter": invitation.invited_by.get_full_name() or invitation.invited_by.username,
            "form": form,
            "errors": errors,
            "provider": provider,
        },
    )


def invitation_shortcuts(*, user: Any, association: Any) -> list[Shortcut]:
    """The dashboard's link to the invitations, for who may invite
    (`web.inbox.register_shortcut(invitation_shortcuts)` in the accounts app's ready())."""
    if not can_invite(user):
        return []
    return [Shortcut(_("Uitnodigingen"), reverse("accounts:invitations"))]
