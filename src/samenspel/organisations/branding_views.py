"""The request's association's logo and colour tokens, served on its own host.

Both are the same for everyone, so they are public; they are found through
`request.association` only, so a host never serves another association's logo. The
uploaded file is never reachable through MEDIA_URL (see samenspel/urls.py).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from samenspel.accounts.permissions import public
from samenspel.organisations.branding import stylesheet
from samenspel.organisations.models import Association

# The pages ask for `?v=<version>`, which changes with the logo or the colours: such an
# address may be kept for a year. Without (or with an old) version: an hour.
VERSIONED_MAX_AGE = 365 * 24 * 60 * 60
UNVERSIONED_MAX_AGE = 60 * 60


def _association(request: HttpRequest) -> Association:
    association = getattr(request, "association", None)
    if association is None:
        raise Http404
    return association


def _cached(response: HttpResponse, request: HttpRequest, version: str) -> HttpResponse:
    max_age = VERSIONED_MAX_AGE if request.GET.get("v") == version else UNVERSIONED_MAX_AGE
    response["Cache-Control"] = f"public, max-age={max_age}"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@public
@require_safe
def association_logo(request: HttpRequest) -> HttpResponse:
    association = _association(request)
    content_type = association.logo_content_type
    if not association.logo or not content_type:
        raise Http404
    try:
        with association.logo.open("rb") as file:  # at most 512 kB (branding.LOGO_MAX_BYTES)
            content = file.read()
    except FileNotFoundError:
        raise Http404 from None
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = "inline"
    return _cached(response, request, association.logo_version)


@public
@require_safe
def association_stylesheet(request: HttpRequest) -> HttpResponse:
    association = _association(request)
    tokens = association.colour_tokens()
    if not tokens:
        raise Http404
    response = HttpResponse(stylesheet(tokens), content_type="text/css; charset=utf-8")
    return _cached(response, request, association.style_version)
