"""Dutch unless the user chose otherwise; privacy headers (PrivacyHeadersMiddleware, below).

Django's LocaleMiddleware follows the browser's Accept-Language, which would show
English to every civil servant with an English browser. Samenspel is Dutch by default
(docs/principles.md, "Dutch first"); only the language switch (the language cookie) changes that.
"""

from django.conf import settings
from django.utils import translation

from samenspel.accounts.permissions import is_anyone


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
    a signed-in user and on every response of a view that is not public.

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
        if signed_in or not getattr(request, "samenspel_public_view", False):
            response.headers["Cache-Control"] = "no-store"
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.samenspel_public_view = getattr(view_func, "permission", None) is is_anyone
        return None
