"""Production settings: the base plus HTTPS-only cookies, HSTS, a required SECRET_KEY and
a required DATABASE_URL.

`samenspel check --deploy` reports nothing with these settings (tested).
"""

import os

from django.core.exceptions import ImproperlyConfigured

# Without DATABASE_URL the base falls back to a SQLite file under var/: in production that
# would quietly start on an empty database beside the code, so refuse instead, before the
# base reads it (an empty value would fail there unexplained).
if not os.environ.get("DATABASE_URL", "").strip():
    raise ImproperlyConfigured(
        "DATABASE_URL must be set in production (e.g. postgres://user:pass@host:5432/samenspel);"
        " without it Samenspel would use a local SQLite file."
    )

from samenspel.conf.env import env
from samenspel.conf.settings import *  # noqa: F403

PRODUCTION = True
DEBUG = env("DEBUG", False)
if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("dev-only"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters in production."
    )
ALLOWED_HOSTS = env("ALLOWED_HOSTS", [])

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# WhiteNoise serves the collected static files (run `samenspel collectstatic`).
MIDDLEWARE = [
    MIDDLEWARE[0],  # noqa: F405 (SecurityMiddleware stays first)
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Notification callbacks never reach this machine or an internal network (SSRF).
SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES = env("SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES", False)

# Second factor for the bureau, admin users and who sends proposals or changes money (BIO).
SAMENSPEL_SECOND_FACTOR_REQUIRED = env("SAMENSPEL_SECOND_FACTOR_REQUIRED", True)
