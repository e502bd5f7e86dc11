from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from samenspel.accounts.permissions import public
from samenspel.api.views import root as api_root
from samenspel.web.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("i18n/setlang/", public(set_language), name="set_language"),
    # The admin guards itself: has_permission is can_use_admin (web/admin_site.py).
    path("beheer/", admin.site.urls),
    # The API (docs/api.md): its root without a trailing slash, as every API path.
    path("api/v1", api_root, name="api_root"),
    path("api/v1/", include("samenspel.api.urls")),
    # Passkeys (django-otp-webauthn's endpoints, each with its predicate): its own namespace.
    path("webauthn/", include("samenspel.accounts.second_factor.webauthn_urls")),
    path("", include("samenspel.accounts.urls")),
    path("", include("samenspel.organisations.urls")),
    path("agenda/", include("samenspel.agenda.urls")),
    path("openbaar/data/", include("samenspel.opendata.urls")),
    path("openbaar/", include("samenspel.agenda.public_urls")),
    path("api-toegang/", include("samenspel.api.urls_pages")),
    path("notificaties/", include("samenspel.notifications.urls")),
    path("financien/", include("samenspel.finance.urls")),
    path("inzet/", include("samenspel.capacity.urls")),
    path("", include("samenspel.decisions.urls")),
    path("overleggen/", include("samenspel.meetings.urls")),
    path("rapportages/", include("samenspel.reports.urls")),
    path("taken/", include("samenspel.jobs.urls")),
    path("", include("samenspel.web.urls_pages")),
    path("", include("samenspel.web.urls")),
]

# Uploaded files are never served from MEDIA_URL, not even in development: every
# download goes through a view that checks who may see it.
