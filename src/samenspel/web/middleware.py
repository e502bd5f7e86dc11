"""Dutch unless the user chose otherwise.

Django's LocaleMiddleware follows the browser's Accept-Language, which would show
English to every civil servant with an English browser. Samenspel is Dutch by default
(docs/principles.md, "Dutch first"); only the language switch (the language cookie) changes that.
"""

from django.conf import settings
from django.utils import translation


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
