"""Every API error as `application/problem+json` (RFC 9457), in Dutch, naming the field.

{"type": "urn:samenspel:problem:invalid", "title": "…", "status": 400,
 "detail": "…", "instance": "/api/v1/voortgang",
 "invalidParams": [{"name": "status", "code": "invalid", "reason": "…"}]}
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from samenspel.core.versioning import EditConflict

PROBLEM_TYPE = "application/problem+json"

TITLES = {
    400: gettext_noop("Ongeldige invoer."),
    401: gettext_noop("Niet aangemeld."),
    403: gettext_noop("Geen toegang."),
    404: gettext_noop("Niet gevonden."),
    405: gettext_noop("Methode niet toegestaan."),
    406: gettext_noop("Gevraagd formaat niet beschikbaar."),
    409: gettext_noop("Conflict met de huidige toestand."),
    412: gettext_noop("De versie is intussen gewijzigd."),
    415: gettext_noop("Formaat van de invoer niet ondersteund."),
    428: gettext_noop("If-Match ontbreekt."),
    429: gettext_noop("Te veel verzoeken."),
    500: gettext_noop("Er ging iets mis aan onze kant."),
}


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = gettext_lazy(
        "De ETag in If-Match is niet die van de huidige versie: iemand anders heeft dit "
        "intussen gewijzigd. Haal de huidige versie op en probeer het opnieuw."
    )
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_detail = gettext_lazy(
        "Stuur de ETag van de versie die je wijzigt mee in de header If-Match."
    )
    default_code = "precondition_required"


def problem(
    status_code: int,
    detail: str,
    *,
    code: str = "",
    instance: str = "",
    invalid_params: list[dict[str, str]] | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": f"urn:samenspel:problem:{code or status_code}",
        "title": _(TITLES.get(status_code, gettext_noop("Fout."))),
        "status": status_code,
        "detail": detail,
        "instance": instance,
    }
    if invalid_params:
        body["invalidParams"] = invalid_params
    return body


def _flatten(detail: Any, name: str = "") -> list[dict[str, str]]:
    """DRF's nested error detail → `invalidParams` rows, one per message."""
    if isinstance(detail, dict):
        rows = []
        for key, value in detail.items():
            field = "" if key in ("non_field_errors", "__all__") else str(key)
            rows += _flatten(value, f"{name}.{field}" if name and field else name or field)
        return rows
    if isinstance(detail, list):
        return [row for item in detail for row in _flatten(item, name)]
    return [
        {
            "name": name,
            "code": getattr(detail, "code", "invalid") or "invalid",
            "reason": str(detail),
        }
    ]


def problem_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"": exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, EditConflict):
        exc = PreconditionFailed(str(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Dit bestaat niet in dit samenwerkingsverband."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(_("Je hebt geen recht om dit te doen."))
    response = exception_handler(exc, context)
    if response is None:
        return None
    request = context.get("request")
    path = request.path if request is not None else ""
    if isinstance(exc, exceptions.ValidationError):
        params = _flatten(exc.detail)
        reasons = "; ".join(
            f"{p['name']}: {p['reason']}" if p["name"] else p["reason"] for p in params
        )
        response.data = problem(400, reasons, code="invalid", instance=path, invalid_params=params)
    else:
        text = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        code = getattr(exc, "default_code", "") if isinstance(exc, exceptions.APIException) else ""
        response.data = problem(response.status_code, str(text), code=code, instance=path)
    response.content_type = PROBLEM_TYPE
    return response


def problem_response(request: HttpRequest, status_code: int, detail: str) -> JsonResponse:
    """A problem answered outside DRF's views (unknown URL, a crash): same shape."""
    return JsonResponse(
        problem(status_code, detail, instance=request.path),
        status=status_code,
        content_type=PROBLEM_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
