"""Ends a session after SESSION_MAX_HOURS, however active (OWASP ASVS 3.3.4), and keeps
an active one alive.

Idle expiry is Django's own (SESSION_COOKIE_AGE is the idle limit). Instead of saving
the session on every request (a database write per page view, which makes concurrent
writers on SQLite wait), it is renewed once SESSION_RENEW_SECONDS have passed since the
last renewal: idle expiry is exact to within that minute.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import gettext as _

SESSION_STARTED_KEY = "samenspel_session_started"
SESSION_RENEWED_KEY = "samenspel_session_renewed"


class SessionLifetimeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = time.time()
            started = request.session.setdefault(SESSION_STARTED_KEY, now)
            if now - started > settings.SESSION_MAX_HOURS * 3600:
                logout(request)
                messages.info(request, _("Je sessie is verlopen. Log opnieuw in."))
                return redirect_to_login(request.get_full_path())
            renewed = request.session.get(SESSION_RENEWED_KEY, 0)
            if now - renewed >= settings.SESSION_RENEW_SECONDS:
                request.session[SESSION_RENEWED_KEY] = now  # saves, with a new expiry
        return self.get_response(request)
