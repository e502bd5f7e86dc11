"""Sign-in settings (docs/sign-in.md): passwords, the second factor and single sign-on.

Apart from settings.py to keep both readable; settings.py imports everything here.
"""

from samenspel.conf.env import env

# NCSC and OWASP ASVS level 2: at least 12 characters, not a common or breached password
# (lists shipped in the package), no composition rules, no forced change (docs/sign-in.md).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "samenspel.accounts.passwords.BreachedPasswordValidator"},
]
# A password reset may be asked this often per e-mail address and per client address an hour.
SAMENSPEL_PASSWORD_RESET_RATE = env("SAMENSPEL_PASSWORD_RESET_RATE", 3)
SAMENSPEL_PASSWORD_RESET_RATE_ADDRESS = env("SAMENSPEL_PASSWORD_RESET_RATE_ADDRESS", 10)

# --- second factor (docs/sign-in.md) ----------------------------------------------------
# Required for the bureau, admin users and whoever may send proposals or change money. Off
# in development and tests (demo accounts sign in with a password only); on in production.
SAMENSPEL_SECOND_FACTOR_REQUIRED = env("SAMENSPEL_SECOND_FACTOR_REQUIRED", False)
OTP_TOTP_ISSUER = "Samenspel"
OTP_WEBAUTHN_RP_NAME = "Samenspel"
# The relying party is the host the page was served on (each association has its own).
OTP_WEBAUTHN_RP_ID_CALLABLE = "samenspel.accounts.second_factor.webauthn.relying_party_id"
# The origin is the page's own (an association's host, checked by ALLOWED_HOSTS and the
# association routing): WebAuthnHelper.get_allowed_origins. This list only satisfies the
# package's start-up check.
OTP_WEBAUTHN_HELPER_CLASS = "samenspel.accounts.second_factor.webauthn.WebAuthnHelper"
OTP_WEBAUTHN_ALLOWED_ORIGINS = ["http://localhost:8000"]
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False  # a passkey is the second factor, not the only

# --- single sign-on (docs/sign-in.md) ---------------------------------------------------
# Client secrets of identity providers are encrypted with these keys (the first encrypts,
# every one decrypts: add a new key in front to rotate). Empty: derived from SECRET_KEY.
SAMENSPEL_FIELD_ENCRYPTION_KEYS = env("SAMENSPEL_FIELD_ENCRYPTION_KEYS", [])
OIDC_CALLBACK_CLASS = "samenspel.accounts.oidc.views.CallbackView"
OIDC_AUTHENTICATE_CLASS = "samenspel.accounts.oidc.views.AuthenticateView"
# mozilla-django-oidc reads these at import; the real values are per identity provider.
OIDC_RP_CLIENT_ID = ""
OIDC_RP_CLIENT_SECRET = ""
OIDC_OP_AUTHORIZATION_ENDPOINT = ""
OIDC_OP_TOKEN_ENDPOINT = ""
OIDC_OP_USER_ENDPOINT = ""
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env("OIDC_TIMEOUT", 10)
