"""`make serve` settings: Redis only when REDIS_URL is set, WhiteNoise's far-future caching
under production settings, and the plain-HTTP local settings that refuse a real host.

The production settings are read in one fresh process (they refuse to load without a
SECRET_KEY and DATABASE_URL, and settings are read once per process); the rest runs here.
The real start of gunicorn is `make serve-check` (scripts/serve_check.sh), by hand.
"""

import json
import subprocess
import sys

import pytest
from django.apps import apps
from django.contrib.staticfiles.finders import get_finders
from django.core.management import call_command
from django.templatetags.static import static
from django.test import override_settings

from samenspel.conf.settings import PACKAGE_DIR, cache_settings
from samenspel.web.tests.test_settings import PRODUCTION_ENV, clean_environ

REDIS_URL = "redis://127.0.0.1:6379/3"
LOCAL_ENV = {**PRODUCTION_ENV, "ALLOWED_HOSTS": "127.0.0.1,localhost", "REDIS_URL": REDIS_URL}
READ_SETTINGS = """
import json
from samenspel.conf import local_http, production
print(json.dumps({
    name: {
        "MIDDLEWARE": module.MIDDLEWARE,
        "STORAGES": module.STORAGES,
        "CACHES": module.CACHES,
        "SESSION_ENGINE": module.SESSION_ENGINE,
        "SESSION_COOKIE_SECURE": module.SESSION_COOKIE_SECURE,
        "CSRF_COOKIE_SECURE": module.CSRF_COOKIE_SECURE,
        "SECURE_SSL_REDIRECT": module.SECURE_SSL_REDIRECT,
        "DEBUG": module.DEBUG,
    }
    for name, module in (("production", production), ("local_http", local_http))
}))
"""


def read_settings(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean_environ(), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def served_settings() -> dict:
    """Production's and local_http's settings, with REDIS_URL set, from one fresh process."""
    result = read_settings(READ_SETTINGS, LOCAL_ENV)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("environ", [{}, {"REDIS_URL": ""}, {"REDIS_URL": "  "}])
def test_without_redis_url_the_embedded_cache_and_database_sessions_stay(environ):
    caches, session_engine = cache_settings(environ)
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert session_engine == "django.contrib.sessions.backends.db"


def test_redis_url_makes_redis_the_cache_and_session_store():
    caches, session_engine = cache_settings({"REDIS_URL": REDIS_URL})
    assert caches["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert caches["default"]["LOCATION"] == REDIS_URL
    assert session_engine == "django.contrib.sessions.backends.cached_db"


@pytest.mark.parametrize("module", ["production", "local_http"])
def test_settings_read_redis_url_from_the_environment(served_settings, module):
    values = served_settings[module]
    assert values["CACHES"]["default"]["BACKEND"].endswith("RedisCache")
    assert values["CACHES"]["default"]["LOCATION"] == REDIS_URL
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"


@pytest.mark.parametrize("module", ["production", "local_http"])
def test_whitenoise_serves_the_manifest_right_after_security(served_settings, module):
    values = served_settings[module]
    assert values["MIDDLEWARE"][:2] == [
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
    ]
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert values["DEBUG"] is False


def test_local_http_differs_from_production_only_in_what_needs_tls(served_settings):
    production, local = served_settings["production"], served_settings["local_http"]
    assert (production["SESSION_COOKIE_SECURE"], production["CSRF_COOKIE_SECURE"]) == (True, True)
    assert production["SECURE_SSL_REDIRECT"] is True
    assert (local["SESSION_COOKIE_SECURE"], local["CSRF_COOKIE_SECURE"]) == (False, False)
    assert local["SECURE_SSL_REDIRECT"] is False


def test_local_http_refuses_a_real_host():
    env = {**LOCAL_ENV, "ALLOWED_HOSTS": "127.0.0.1,samenspel.example.org"}
    result = read_settings("import samenspel.conf.local_http", env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "serves this machine only" in result.stderr


def test_a_collected_static_file_is_served_compressed_and_cached_for_good(
    served_settings, tmp_path, client
):
    production = served_settings["production"]
    with override_settings(
        MIDDLEWARE=production["MIDDLEWARE"],
        STORAGES=production["STORAGES"],
        STATIC_ROOT=tmp_path,
        # Only Samenspel's own files, so collecting takes a moment, not the admin's too.
        STATICFILES_DIRS=[PACKAGE_DIR / "static"],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        url = static("samenspel/theme.css")
        hashed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        plain = client.get("/static/samenspel/theme.css")

    assert url.startswith("/static/samenspel/theme.") and url != "/static/samenspel/theme.css"
    assert hashed.status_code == 200
    assert hashed["Cache-Control"] == "max-age=315360000, public, immutable"
    assert hashed["Content-Encoding"] == "gzip"
    # The unhashed name may change with a release, so browsers ask again after a minute.
    assert plain.status_code == 200
    assert plain["Cache-Control"] == "max-age=60, public"


def test_collectstatic_keeps_what_pages_load_and_leaves_out_the_rest():
    ignore_patterns = apps.get_app_config("staticfiles").ignore_patterns
    collected = set()
    for finder in get_finders():
        for path, storage in finder.list(ignore_patterns):
            prefix = getattr(storage, "prefix", None)
            collected.add(f"{prefix}/{path}" if prefix else path)

    pages_load = {
        "vendor/utrecht-tokens/index.css",
        "vendor/utrecht/index.css",
        "vendor/utrecht/html.css",
        "vendor/htmx/htmx.min.js",
        "samenspel/theme.css",
        "admin/css/base.css",
    }
    assert pages_load <= collected
    # Token data and JS modules no page loads; a CSS file whose icons are not shipped.
    assert "vendor/utrecht-tokens/tokens.json" not in collected
    assert "vendor/utrecht-tokens/background-image-icon.css" not in collected
