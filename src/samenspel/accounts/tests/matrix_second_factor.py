"""The permission matrix rows of the second factor's pages (accounts/second_factor/).

Every signed-in user manages their own factors, roles or not. The matrix's users have no
device: the second step sends them on (302), recovery codes without an app are refused
(302 with a message), and renaming or removing needs a device of one's own (404 without).
"""

from __future__ import annotations

API_MATRIX: dict[str, tuple[str, str]] = {
    "accounts:second_factor": ("login 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "accounts:second_factor_totp": (
        "login 200 200 200 200 200 200",
        "login 200 200 200 200 200 200",
    ),
    "accounts:second_factor_recovery": (
        "login 200 200 200 200 200 200",
        "login 302 302 302 302 302 302",
    ),
    "accounts:second_factor_verify": (
        "login 302 302 302 302 302 302",
        "login 302 302 302 302 302 302",
    ),
    "accounts:second_factor_rename": (
        "login 404 404 404 404 404 404",
        "login 404 404 404 404 404 404",
    ),
    "accounts:second_factor_remove": (
        "login 404 404 404 404 404 404",
        "login 404 404 404 404 404 404",
    ),
}
