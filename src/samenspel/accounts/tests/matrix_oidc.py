"""The permission matrix rows of sign-in through one's own organisation (accounts/oidc)."""

from __future__ import annotations

# The sign-in pages are for everyone (a signed-in user may sign in again); without a
# provider chosen, start is a 404 and the callback a 400 (nothing to check). Linking is
# for every signed-in user (with no provider of their organisation: back to the account).
API_MATRIX: dict[str, tuple[str, str]] = {
    "accounts:sso_choose": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "accounts:sso_start": ("404 404 404 404 404 404 404", "405 405 405 405 405 405 405"),
    "accounts:sso_callback": ("400 400 400 400 400 400 400", "405 405 405 405 405 405 405"),
    "accounts:sso_unknown": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "accounts:sso_link": ("login 405 405 405 405 405 405", "login 302 302 302 302 302 302"),
    "accounts:logout": ("405 405 405 405 405 405 405", "login login login login login login login"),
}
