"""Production settings over plain HTTP on this machine: `make serve` for a local trial or a
load test, never a real deployment (docs/adr/0007-production-server.md).

Everything is production's (DEBUG off, a required SECRET_KEY and DATABASE_URL, WhiteNoise,
the manifest of hashed static files, gunicorn) except what needs TLS: over http://127.0.0.1
a browser would not send a `Secure` session or CSRF cookie back, so nobody could sign in,
and the redirect to HTTPS would lead nowhere. So that it cannot serve a real site by
mistake, it refuses any host but this machine's. A real deployment runs
`samenspel.conf.production` behind a proxy that terminates TLS (docs/deploy.md).
"""

from django.core.exceptions import ImproperlyConfigured

from samenspel.conf.production import *  # noqa: F403

LOCAL_HOSTS = {"127.0.0.1", "localhost", ".localhost", "[::1]"}

if not ALLOWED_HOSTS or set(ALLOWED_HOSTS) - LOCAL_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "samenspel.conf.local_http serves this machine only: ALLOWED_HOSTS may hold only "
        f"{', '.join(sorted(LOCAL_HOSTS))}. Use samenspel.conf.production behind TLS for "
        "any other host (docs/deploy.md)."
    )

SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# HSTS is only sent over HTTPS anyway; a spoofed X-Forwarded-Proto must not pin localhost.
SECURE_HSTS_SECONDS = 0
