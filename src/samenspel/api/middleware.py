"""What every response under /api/ carries, whichever view (or none) answered.

- `API-Version` (NL API Design Rules, /core/version-header);
- errors that did not come from a DRF view (an unknown URL, a crash) as problem+json;
- CORS for reading public data only: `Access-Control-Allow-Origin: *` on safe requests
  without credentials, never with `Allow-Credentials`, so a browser on another site can
  read what the public page shows and nothing a session or token unlocks;
- each request made with a token in the token's use log.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from samenspel.api.problems import PROBLEM_TYPE, problem_response

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
EXPOSED = "API-Version, ETag, Link, Retry-After"
READS = ("GET", "HEAD")  # what another site may read; a preflight answers for itself


class ApiMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ORIGIN" in request.META:
            response = self._preflight(request)
        else:
            response = self.get_response(request)
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            ("application/json", PROBLEM_TYPE)
        ):
            response = problem_response(request, response.status_code, _default_detail(response))
        response["API-Version"] = settings.SAMENSPEL_API_VERSION
        # What is shared depends on the credentials: caches must keep them apart.
        patch_vary_headers(response, ("Authorization", "Cookie"))
        if self._public_read(request):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED
        token = getattr(request, "api_token", None)
        if token is not None:
            from samenspel.api.usage import token_use_record

            token_use_record(token, request, response.status_code)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not request.path.startswith(API_PREFIX):
            return None
        logger.exception("API error on %s", request.path)
        response = problem_response(request, 500, _("Er ging iets mis aan onze kant."))
        response["API-Version"] = settings.SAMENSPEL_API_VERSION
        return response

    @staticmethod
    def _public_read(request: HttpRequest) -> bool:
        user = getattr(request, "user", None)
        return (
            request.method in READS
            and "HTTP_AUTHORIZATION" not in request.META
            and not (user is not None and user.is_authenticated)
        )

    @staticmethod
    def _preflight(request: HttpRequest) -> HttpResponse:
        response = HttpResponse(status=204)
        if request.META.get("HTTP_ACCESS_CONTROL_REQUEST_METHOD", "GET") in READS:
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            # Conditional reads; Authorization is not among them (never shared).
            response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-None-Match"
            response["Access-Control-Max-Age"] = "86400"
        return response


def _default_detail(response: HttpResponse) -> str:
    if response.status_code == 404:
        return _("Deze URL bestaat niet in de API.")
    if response.status_code == 405:
        return _("Deze methode is hier niet toegestaan.")
    return _("Het verzoek kon niet worden uitgevoerd.")
