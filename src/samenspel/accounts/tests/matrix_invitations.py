"""The permission matrix rows of the invitation pages (/uitnodigingen/, /uitnodiging/<token>/)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from samenspel.accounts.invitations.services import invitation_create
from samenspel.accounts.models import User
from samenspel.organisations.models import Organisation, Post

# The bureau invites to every seat, a chair to their own portfolio's core group (the
# demo's voorzitter-gw chairs G&W; the matrix's invitation is to the G&W core group).
# The link's page is public: everyone sees it; a POST without data meets the form.
INVITERS = "login 403 200 403 403 403 200"
API_MATRIX: dict[str, tuple[str, str]] = {
    "accounts:invitations": (INVITERS, "405 405 405 405 405 405 405"),
    "accounts:invitation_create": (INVITERS, INVITERS),
    "accounts:invitation_resend": (INVITERS, "login 403 302 403 403 403 302"),
    "accounts:invitation_revoke": (INVITERS, "login 403 302 403 403 403 302"),
    "accounts:invitation_accept": ("200 200 200 200 200 200 200", "200 200 200 200 200 200 200"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    """An open invitation to the G&W core group, made inside the test's transaction."""
    post = Post.objects.filter(
        body__association=agenda.association, body__slug="kerngroep-gw", label="Ambtenaar"
    ).first()
    invitation, token = invitation_create(
        agenda.association,
        email="matrix@assen.nl",
        name="Matrix Genodigde",
        organisation=Organisation.objects.get(slug="assen"),
        post=post,
        start_date=dt.date(2024, 6, 15),
        invited_by=User.objects.get(username="bureau"),
    )
    return {
        "accounts:invitation_resend": {"pk": invitation.pk},
        "accounts:invitation_revoke": {"pk": invitation.pk},
        "accounts:invitation_accept": {"token": token},
    }
