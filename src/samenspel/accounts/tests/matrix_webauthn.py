"""The permission matrix rows of django-otp-webauthn's endpoints (/webauthn/).

Every signed-in user may add a passkey and use one as the second step (passwordless
sign-in is off, so anonymous users are sent to the login page). A POST without data
starts a ceremony (200, its options) or finds no ceremony to complete (400); the
JavaScript catalogue with the package's texts is public.
"""

from __future__ import annotations

SIGNED_IN_405 = "login 405 405 405 405 405 405"

API_MATRIX: dict[str, tuple[str, str]] = {
    "otp_webauthn:credential-registration-begin": (
        SIGNED_IN_405,
        "login 200 200 200 200 200 200",
    ),
    "otp_webauthn:credential-registration-complete": (
        SIGNED_IN_405,
        "login 400 400 400 400 400 400",
    ),
    "otp_webauthn:credential-authentication-begin": (
        SIGNED_IN_405,
        "login 200 200 200 200 200 200",
    ),
    "otp_webauthn:credential-authentication-complete": (
        SIGNED_IN_405,
        "login 400 400 400 400 400 400",
    ),
    "otp_webauthn:js-i18n-catalog": (
        "200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405",
    ),
}
