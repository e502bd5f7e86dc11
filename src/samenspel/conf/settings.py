"""Samenspel settings: one base with safe development defaults, read from the environment.

Production sets `DJANGO_SETTINGS_MODULE=samenspel.conf.production`, which builds on this
module and refuses to start without a real SECRET_KEY. Every variable is listed, with its
meaning, in `.env.example`.
"""

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from samenspel.conf.env import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# The checkout (or the working directory of an installed package): home of var/ and node_modules/.
BASE_DIR = Path(env("SAMENSPEL_HOME", str(PACKAGE_DIR.parent.parent))).resolve()
VAR_DIR = Path(env("SAMENSPEL_VAR_DIR", str(BASE_DIR / "var")))
NODE_MODULES_DIR = Path(env("SAMENSPEL_NODE_MODULES", str(BASE_DIR / "node_modules")))

PRODUCTION = False
DEBUG = env("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-in-production-0123456789abcdef")
# `.localhost`: every `<association>.localhost` in development (docs/associations.md).
ALLOWED_HOSTS = env(
    "ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "samenspel.web.apps.SamenspelAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "samenspel.conf.staticfiles.StaticFilesConfig",  # django.contrib.staticfiles, ignoring more
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",  # the queue of background jobs, in the database (ADR 0008)
    "rest_framework",
    "drf_spectacular",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "mozilla_django_oidc",
    # Our apps, bottom of the dependency rule first (docs/architecture.md).
    "samenspel.organisations",
    "samenspel.jobs",
    "samenspel.api",
    "samenspel.agenda",
    "samenspel.finance",
    "samenspel.capacity",
    "samenspel.decisions",
    "samenspel.meetings",
    "samenspel.reports",
    "samenspel.notifications",
    "samenspel.opendata",
    "samenspel.accounts",
    "samenspel.web",
    "samenspel.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "samenspel.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed a second factor.
    "django_otp.middleware.OTPMiddleware",
    # request.association, from the host (docs/associations.md).
    "samenspel.organisations.middleware.AssociationMiddleware",
    # API-Version, problem+json for every API error, CORS for public reads (docs/api.md).
    "samenspel.api.middleware.ApiMiddleware",
    # Permissions-Policy on every response, Cache-Control: no-store on private ones.
    "samenspel.web.middleware.PrivacyHeadersMiddleware",
    "samenspel.web.middleware.DownloadReadyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "samenspel.accounts.middleware.SessionLifetimeMiddleware",
    # A session that must still pass (or set up) a second factor sees only those pages.
    "samenspel.accounts.second_factor.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # AxesMiddleware must be last: it turns a lockout into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "samenspel.urls"
WSGI_APPLICATION = "samenspel.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samenspel.web.context_processors.site",
                "samenspel.organisations.context_processors.association_switcher",
            ],
        },
    },
]

# Database: SQLite file under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'samenspel.sqlite3'}"),
        conn_max_age=env("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Concurrent use of the embedded database (several requests, a command): every
    # transaction takes the write lock when it begins (IMMEDIATE), so a read-then-write
    # waits for its turn instead of failing with "database is locked" halfway; WAL lets
    # readers go on while one writes; a writer waits up to 20 s for the lock.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
# The admin's history pages show old versions but never write one back: a revert would
# pass by the stage rules and version checks (pages and core.admin.VersionCheckedAdmin).
SIMPLE_HISTORY_REVERT_DISABLED = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # Axes first, so a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Sign-in through an organisation's own identity provider (accounts/oidc/).
    "samenspel.accounts.oidc.backend.ProviderBackend",
    "samenspel.accounts.backends.BureauPermissionBackend",
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Passwords, the second factor and single sign-on (docs/sign-in.md).
from samenspel.conf.sign_in import *  # noqa: E402, F403

# Brute-force protection: lock a username+address after 5 failures for an hour.
AXES_FAILURE_LIMIT = env("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
# The address axes locks is the client's, not the reverse proxy's: with N trusted proxies in
# front (docs/deploy.md), the N-th address from the right of X-Forwarded-For. 0 (make run,
# no proxy): X-Forwarded-For is ignored and REMOTE_ADDR is used.
SAMENSPEL_TRUSTED_PROXIES = env("SAMENSPEL_TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "samenspel.accounts.client_address.client_address"

# Sessions end after 30 minutes idle (SESSION_COOKIE_AGE, renewed at most once a
# SESSION_RENEW_SECONDS by SessionLifetimeMiddleware, so a page view writes no session
# row) and after 12 hours at most (checked by the same middleware).
SESSION_IDLE_MINUTES = env("SESSION_IDLE_MINUTES", 30)
SESSION_MAX_HOURS = env("SESSION_MAX_HOURS", 12)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_RENEW_SECONDS = 60
SESSION_SAVE_EVERY_REQUEST = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"


def cache_settings(environ: Mapping[str, str]) -> tuple[dict[str, Any], str]:
    """CACHES and SESSION_ENGINE: Redis when REDIS_URL is set, else the embedded defaults.

    Without Redis the cache is each process's own memory and sessions live in the database,
    so the embedded default needs no service. With Redis every gunicorn worker shares one
    cache (the association routing table is dropped for all workers at once) and sessions
    are `cached_db`: read from Redis, written through to the database. A flushed or
    restarted Redis (or one evicting keys under memory pressure) then signs nobody out; a
    session is only written when it changes (SessionLifetimeMiddleware: at most once a
    minute), so the extra write costs little, and every request saves the session read.
    Plain `cache` sessions would tie every sign-in to Redis's memory.
    """
    url = environ.get("REDIS_URL", "").strip()
    if not url:
        return (
            {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
            "django.contrib.sessions.backends.db",
        )
    redis_cache = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "samenspel",
        # A Redis that hangs fails the request in seconds, not at gunicorn's timeout.
        "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
    }
    return {"default": redis_cache}, "django.contrib.sessions.backends.cached_db"


CACHES, SESSION_ENGINE = cache_settings(os.environ)

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Request size limits, checked before the body is read. Form posts (no files) up to 5 MB
# and 1,000 fields; uploads stream to a temporary file above 2.5 MB, and no request may
# carry more than 20 files. The per-file limit is SAMENSPEL_MAX_UPLOAD_MB (web/uploads.py);
# the proxy's body limit (docs/deploy.md) matches it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_MAX_MEMORY_SIZE = int(2.5 * 1024 * 1024)

# Content-Security-Policy (django-csp): only our own scripts, styles and images; no inline
# script or style, no plugins, no framing, forms post only to us (docs/security.md).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
# Browser features Samenspel never uses are switched off (web/middleware.py).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()"
)

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("vendor/utrecht", NODE_MODULES_DIR / "@utrecht/component-library-css/dist"),
    ("vendor/utrecht-tokens", NODE_MODULES_DIR / "@utrecht/design-tokens/dist"),
    ("vendor/htmx", NODE_MODULES_DIR / "htmx.org/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Background jobs (docs/adr/0008-background-jobs.md): queued in the database, run by
# `samenspel worker` (started by `make run` and `make serve`); no broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Samenspel <samenspel@localhost>")

# The association an agenda file without an `association:` block belongs to, and the one
# served on a host no association names (docs/associations.md).
SAMENSPEL_DEFAULT_ASSOCIATION = env("SAMENSPEL_DEFAULT_ASSOCIATION", "vdg")
SAMENSPEL_ASSOCIATION_NAME = env("SAMENSPEL_ASSOCIATION_NAME", "Vereniging van Drentse Gemeenten")
SAMENSPEL_DEFAULT_AGENDA = env("SAMENSPEL_DEFAULT_AGENDA", "vdg-2023-2027")
# Demo accounts get this password when set; otherwise a random one per installation.
SAMENSPEL_DEMO_PASSWORD = env("SAMENSPEL_DEMO_PASSWORD", "")

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# "Today" for progress (overdue milestones, stale agreements); set a date (YYYY-MM-DD) to
# show the agenda as it stood then, e.g. for a demonstration. Empty: the real date.
SAMENSPEL_TODAY = env("SAMENSPEL_TODAY", "")
# An agreement without a progress update for this many months is "stale".
SAMENSPEL_STALE_MONTHS = env("SAMENSPEL_STALE_MONTHS", 4)
# For this many days after recording, the author of a progress update may correct or
# withdraw it (the bureau always), and the bureau may correct an executive decision of a
# proposal that decision closed (docs/decisions.md).
SAMENSPEL_CORRECTION_DAYS = env("SAMENSPEL_CORRECTION_DAYS", 30)
# Largest file the bureau, account holders and minute-takers may upload, in megabytes.
SAMENSPEL_MAX_UPLOAD_MB = env("SAMENSPEL_MAX_UPLOAD_MB", 20)
# Where Samenspel is reached; links in e-mails start with this.
SAMENSPEL_SITE_URL = env("SAMENSPEL_SITE_URL", "http://localhost:8000").rstrip("/")
# Reminders mail an account holder about decisions due within this many days.
SAMENSPEL_REMINDER_DAYS = env("SAMENSPEL_REMINDER_DAYS", 14)
# Meeting schedules skip Dutch public holidays (on/off) and the school summer holiday
# window, "MM-DD/MM-DD" (region North; empty: no window). The bureau edits the result.
SAMENSPEL_SCHEDULE_HOLIDAYS = env("SAMENSPEL_SCHEDULE_HOLIDAYS", True)
SAMENSPEL_SUMMER_HOLIDAY = env("SAMENSPEL_SUMMER_HOLIDAY", "07-12/08-24")
# The digest of what people follow (`samenspel senddigests`) looks back this many days.
SAMENSPEL_DIGEST_DAYS = env("SAMENSPEL_DIGEST_DAYS", 7)
SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS = env("SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS", 60)  # digest links


# --- the REST API (docs/api.md) ---------------------------------------------------------
SAMENSPEL_API_VERSION = "1.0.0"
# Requests per token (or signed-in user) and per address of anonymous callers.
SAMENSPEL_API_RATE_TOKEN = env("SAMENSPEL_API_RATE_TOKEN", "600/min")
SAMENSPEL_API_RATE_ANONYMOUS = env("SAMENSPEL_API_RATE_ANONYMOUS", "120/min")
# Notification callbacks (notifications/services.py) may go to this machine and private
# networks in development and tests; production refuses them (server-side request forgery).
SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES = env("SAMENSPEL_WEBHOOK_PRIVATE_ADDRESSES", True)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "samenspel.api.authentication.TokenAuthentication",
        "samenspel.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["samenspel.api.permissions.PredicatePermission"],
    "DEFAULT_THROTTLE_CLASSES": ["samenspel.api.throttling.TokenOrAddressThrottle"],
    "DEFAULT_PAGINATION_CLASS": "samenspel.api.pagination.LinkedPagination",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "samenspel.api.openapi.ResourceSchema",
    "EXCEPTION_HANDLER": "samenspel.api.problems.problem_exception_handler",
    "ORDERING_PARAM": "sorteer",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "iso-8601",
    "COERCE_DECIMAL_TO_STRING": True,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Samenspel API",
    "DESCRIPTION": (
        "De open API van Samenspel: de samenwerkingsagenda van een samenwerkingsverband van "
        "overheden, de voortgang, voorstellen en besluiten, bijdragen, inzet, overleggen en "
        "rapportages. Volgt de REST API Design Rules (NL GOV). Zonder aanmelden: wat de "
        "openbare pagina toont; met een API-token of sessie: wat de gebruiker mag zien."
    ),
    "VERSION": SAMENSPEL_API_VERSION,
    "CONTACT": {
        "name": "Samenspel",
        "url": "https://samenspel.example.nl/api",
        "email": "api@samenspel.example.nl",
    },
    "LICENSE": {"name": "EUPL-1.2", "url": "https://eupl.eu/1.2/nl/"},
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SCHEMA_PATH_PREFIX_TRIM": True,
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"AgendaStatusEnum": "samenspel.agenda.constants.Status"},
    "PREPROCESSING_HOOKS": ["samenspel.api.openapi.only_api_paths"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "samenspel.api.openapi.add_standard_headers_and_problems",
    ],
}
