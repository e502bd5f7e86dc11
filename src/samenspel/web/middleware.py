"""Dutch unless the user chose otherwise; privacy headers (PrivacyHeadersMiddleware, below).

Django's LocaleMiddleware follows the browser's Accept-Language, which would show
English to every civil servant with an English browser. Samenspel is Dutch by default
(docs/principles.md, "Dutch first"); only the language switch (the language cookie) changes that.
"""

import re

from django.conf import settings
from django.utils import translation

from samenspel.accounts.permissions import is_anyone

DOWNLOAD_TOKEN = re.compile(r"[a-z0-9]{8,40}")


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class PrivacyHeadersMiddleware:
    """Permissions-Policy on every response; `Cache-Control: no-store` on every response to
    a signed-in user and on every response of a view that is not public, except a public
    view's own `Cache-Control: public` (a file that is the same for everyone).

    A view is public when it declares `permission = is_anyone` (`accounts.permissions.public`).
    Anything else, including views that declare nothing (the admin, the language switch),
    counts as private, so a shared cache or the browser's back button keeps no copy of a
    page or download meant for one person.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        user = getattr(request, "user", None)
        signed_in = bool(user is not None and user.is_authenticated)
        public_view = getattr(request, "samenspel_public_view", False)
        # A public view whose answer is the same for everyone (the association's logo and
        # colours) says so with "Cache-Control: public"; it stays cacheable when signed in.
        shared = public_view and response.get("Cache-Control", "").startswith("public")
        if (signed_in or not public_view) and not shared:
            response.headers["Cache-Control"] = "no-store"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.samenspel_public_view = getattr(view_func, "permission", None) is is_anyone
        return None


class DownloadReadyMiddleware:
    """Tells the page that a file it asked for has arrived (static/samenspel/busy.js).

    A link or form that starts slow work sends a token (`klaar=`); when the answer is a file
    to download (Content-Disposition: attachment), or a POST's redirect once its work is
    done (a report made and stored, then downloaded), the token comes back as a short-lived
    cookie that the page's script watches, so it can enable the button again and say
    "Klaar". Nothing else is read from the token; a malformed one is ignored.
    """

    COOKIE = "samenspel_klaar"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = request.GET.get("klaar") or (
            request.POST.get("klaar") if request.method == "POST" else None
        )
        # A file, or a form whose work is done and that sends the browser on (to the file
        # it made, or back to the page with a message).
        done = response.get("Content-Disposition", "").startswith("attachment") or (
            request.method == "POST" and response.status_code in (302, 303)
        )
        if token and DOWNLOAD_TOKEN.fullmatch(token) and done:
            response.set_cookie(
                self.COOKIE,
                token,
                max_age=60,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=False,  # read by busy.js; it carries nothing but the token
            )
        return response
