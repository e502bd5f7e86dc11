"""The permission matrix rows of the bureau's users pages (/gebruikers/)."""

from __future__ import annotations

from typing import Any

from samenspel.accounts.constants import SignInMethod
from samenspel.accounts.models import SignIn, User

# Only the bureau sees, signs out and deactivates users; the pages are about the demo's
# reader (not the bureau itself, which may not deactivate itself).
BUREAU_ONLY = "login 403 403 403 403 403 200"
API_MATRIX: dict[str, tuple[str, str]] = {
    "accounts:users": (BUREAU_ONLY, "405 405 405 405 405 405 405"),
    "accounts:user": (BUREAU_ONLY, "405 405 405 405 405 405 405"),
    "accounts:user_end_session": (BUREAU_ONLY, "login 403 403 403 403 403 302"),
    "accounts:user_end_sessions": (BUREAU_ONLY, "login 403 403 403 403 403 302"),
    "accounts:user_deactivate": (BUREAU_ONLY, "login 403 403 403 403 403 302"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    """The reader, with a sign-in in the VDG, made inside the test's transaction."""
    reader = User.objects.get(username="lezer")
    sign_in = SignIn.objects.create(
        user=reader,
        association=agenda.association,
        method=SignInMethod.PASSWORD,
        session_key="matrix-session",
    )
    user = {"pk": reader.pk}
    return {
        "accounts:users": {},
        "accounts:user": user,
        "accounts:user_end_session": {**user, "sign_in": sign_in.pk},
        "accounts:user_end_sessions": user,
        "accounts:user_deactivate": user,
    }
