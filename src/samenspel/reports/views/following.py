"""Pages for following: what I follow, follow or stop, and the one-click stop from a digest."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from samenspel.accounts.permissions import is_signed_in, public, require
from samenspel.reports.following import (
    follow_add,
    follow_label,
    follow_remove,
    follows_of,
    unfollow_by_token,
)
from samenspel.reports.forms import FollowChoiceForm, FollowForm
from samenspel.reports.models import Follow
from samenspel.web.navigation import breadcrumbs, safe_back


@require(is_signed_in)
def follows(request: HttpRequest) -> HttpResponse:
    form = FollowChoiceForm(request.POST or None, association=request.association)
    if request.method == "POST" and form.is_valid():
        for target, object_id in form.chosen():
            follow_add(
                user=request.user,
                association=request.association,
                target=target,
                object_id=object_id,
            )
        messages.success(request, _("U volgt dit nu; wijzigingen krijgt u wekelijks per e-mail."))
        return redirect("reports:follows")
    mine = [(f, follow_label(f)) for f in follows_of(request.user, association=request.association)]
    return render(
        request,
        "reports/follows.html",
        {
            "form": form,
            "follows": mine,
            "breadcrumbs": breadcrumbs(
                (_("Overzicht"), "/"), (_("Rapportages"), "/rapportages/"), (_("Volgen"), None)
            ),
        },
    )


@require_POST
@require(is_signed_in)
def follow_toggle(request: HttpRequest) -> HttpResponse:
    """Follow or stop following one object (the button on a proposal's page)."""
    form = FollowForm(request.POST)
    if not form.is_valid():
        raise Http404
    target, object_id = form.cleaned_data["target"], form.cleaned_data["object_id"]
    if form.cleaned_data["stop"]:
        follow_remove(
            user=request.user, association=request.association, target=target, object_id=object_id
        )
        messages.success(request, _("U volgt dit niet meer."))
    else:
        # Only what the request's association owns can be followed here (else 404).
        try:
            follow_add(
                user=request.user,
                association=request.association,
                target=target,
                object_id=object_id,
            )
        except ObjectDoesNotExist as exc:
            raise Http404 from exc
        messages.success(request, _("U volgt dit nu; wijzigingen krijgt u wekelijks per e-mail."))
    return redirect(safe_back(request, request.POST.get("next"), reverse("reports:follows")))


@public
def unfollow(request: HttpRequest, token: str) -> HttpResponse:
    """From the link in a digest, no sign-in needed: the signed token says who and what.
    A forged token is a 404; one older than SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS a 410 with a
    page that points to the follows page (after signing in)."""
    try:
        user_id, target, object_id = unfollow_by_token(token)
    except signing.SignatureExpired:
        # Genuine but old: say so and show the way round (410 Gone, not an error page).
        days = settings.SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS
        return render(request, "reports/unfollow_expired.html", {"max_age_days": days}, status=410)
    except signing.BadSignature as exc:
        raise Http404(_("Deze link is ongeldig.")) from exc
    # The signed token names one follow (on any host: the link is the same in every
    # association's digest); the follow names its association.
    follow = (
        Follow.objects.filter(user_id=user_id, target=target, object_id=object_id)
        .select_related("user", "association")
        .first()
    )
    done = False
    if request.method == "POST":
        done = (
            follow_remove(
                user=follow.user,
                association=follow.association,
                target=target,
                object_id=object_id,
            )
            if follow
            else True
        )
        follow = None
    return render(
        request,
        "reports/unfollow.html",
        {"follow": follow, "label": follow_label(follow) if follow else "", "done": done},
    )
