"""Settings: SQLite by default, PostgreSQL by DATABASE_URL, production passes check --deploy.

Each case runs `samenspel` in a fresh process, because settings are read once at start.
"""

import os
import subprocess
import sys

import pytest

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "samenspel.conf.production",
    "SECRET_KEY": "p" * 20 + "-production-secret-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "samenspel.example.org",
    "DATABASE_URL": "postgres://samenspel@db.example.org:5432/samenspel",
}


def clean_environ() -> dict[str, str]:
    """The environment without test-only switches (the browser tests set one)."""
    dropped = {"DATABASE_URL", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in dropped}


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = clean_environ()
    clean.setdefault("DJANGO_SETTINGS_MODULE", "samenspel.conf.settings")
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


SHOW_DB = (
    "import django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
)


def test_sqlite_file_under_var_is_the_default():
    result = run_python(SHOW_DB)
    assert result.returncode == 0, result.stderr
    engine, name = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name.endswith("var/samenspel.sqlite3")


def test_database_url_switches_to_postgresql():
    result = run_python(SHOW_DB, DATABASE_URL="postgres://samenspel@db.example.org:5432/agenda")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.db.backends.postgresql", "agenda"]


def test_production_settings_pass_check_deploy():
    result = subprocess.run(
        [sys.executable, "-m", "samenspel", "check", "--deploy", "--fail-level", "DEBUG"],
        env={**clean_environ(), **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "secret", ["", "short", "dev-only-insecure-key-change-me-in-production-0123456789abcdef"]
)
def test_production_refuses_a_missing_or_weak_secret_key(secret):
    result = run_python("import django; django.setup()", **{**PRODUCTION_ENV, "SECRET_KEY": secret})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.parametrize("database_url", [None, "", "  "])
def test_production_refuses_a_missing_database_url(database_url):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DATABASE_URL"}
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "DATABASE_URL must be set in production" in result.stderr


def test_bad_boolean_in_environment_names_the_variable():
    result = run_python("import samenspel.conf.settings", DEBUG="misschien")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr
