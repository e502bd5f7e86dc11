"""How the OpenAPI document describes what every operation shares (the NL API Design
Rules): the `fields` parameter, the `API-Version` header, problem+json errors, ETags,
the two ways to sign in, and Dutch summaries for the standard actions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

from samenspel.accounts.permissions import is_anyone

FIELDS_PARAM = "fields"
FIELDS_PARAMETER = OpenApiParameter(
    FIELDS_PARAM,
    OpenApiTypes.STR,
    description=(
        "Alleen deze velden, komma-gescheiden (bijvoorbeeld `fields=titel,status`); de "
        "andere ontbreken dan, behalve `url`. Een onbekend veld geeft 400."
    ),
)


PROBLEM = {"$ref": "#/components/schemas/Probleem"}
PROBLEM_SCHEMA = {
    "type": "object",
    "description": "Een fout volgens RFC 9457 (application/problem+json).",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string", "format": "uri-reference"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
        "invalidParams": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "code", "reason"],
                "properties": {
                    "name": {"type": "string"},
                    "code": {"type": "string"},
                    "reason": {"type": "string"},
                },
            },
        },
    },
}
VERSION_HEADER = {
    "description": "De volledige versie van de API (semver).",
    "schema": {"type": "string", "example": "1.0.0"},
}
ETAG_HEADER = {
    "description": "De versie van dit object, voor If-Match.",
    "schema": {"type": "string"},
}
NOT_MODIFIED = "Ongewijzigd sinds de ETag in If-None-Match."
ERROR_TEXT = {
    "400": "Ongeldige invoer; `invalidParams` noemt elk veld.",
    "401": "Niet aangemeld, of een ongeldig token.",
    "403": "Geen recht, of het token mist de bevoegdheid.",
    "404": "Bestaat niet in dit samenwerkingsverband.",
    "412": "If-Match noemt niet de huidige versie.",
    "415": "Stuur JSON (Content-Type: application/json).",
    "428": "If-Match ontbreekt.",
    "429": "Te veel verzoeken; Retry-After zegt na hoeveel seconden weer.",
    "500": "Er ging iets mis aan onze kant.",
}


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "samenspel.api.authentication.TokenAuthentication"
    name = "token"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "Een API-token (`sam_…`), uitgegeven onder /api-toegang/: "
                "`Authorization: Bearer sam_…` (of `Token sam_…`)."
            ),
        }


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = "samenspel.api.authentication.SessionAuthentication"
    name = "sessie"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "De sessie van de website; schrijven vraagt ook het CSRF-token.",
        }


# Summaries of the actions every resource has (a view's own extend_schema wins).
SUMMARIES = {
    "list": "De %(r)s, per pagina",
    "retrieve": "Eén uit %(r)s",
    "create": "Nieuw in %(r)s",
    "update": "Vervang in %(r)s (met If-Match)",
    "partial_update": "Wijzig in %(r)s (met If-Match)",
    "destroy": "Verwijder uit %(r)s (met If-Match)",
}


class ResourceSchema(AutoSchema):
    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if self.method == "GET" and hasattr(self.view, "get_serializer_class"):
            parameters.append(FIELDS_PARAMETER)
        return parameters

    def get_description(self) -> str:
        # Docstrings are for developers, in English; describe operations with extend_schema.
        return ""

    def get_summary(self) -> str | None:
        summary = super().get_summary()
        action = getattr(self.view, "action", None)
        if summary or action not in SUMMARIES:
            return summary
        return SUMMARIES[action] % {"r": self.get_tags()[0]}

    def get_auth(self) -> list[dict[str, Any]]:
        auth = list(super().get_auth())
        # The public may read what /openbaar/ shows: no sign-in needed.
        public = getattr(self.view, "permission", None) is is_anyone
        if public and self.method in ("GET", "HEAD") and {} not in auth:
            auth.append({})
        return auth


def only_api_paths(endpoints: list[Any], **kwargs: Any) -> list[Any]:
    return [e for e in endpoints if e[0].startswith("/api/v1")]


DIGITS = ("^[0-9]+$", "^\\d+$")
WRITES = ("put", "patch", "post", "delete")
METHODS = ("get", "put", "patch", "post", "delete", "head", "options")


def _errors_for(method: str, path: str) -> list[str]:
    codes = ["400", "401", "403", "429", "500"]
    if path.endswith("}") or method != "get":
        codes.append("404")
    if method in WRITES:
        codes += ["412", "415"]
    if method in ("put", "patch"):
        codes.append("428")
    return codes


IF_MATCH = {
    "in": "header",
    "name": "If-Match",
    "required": False,
    "description": "De ETag van de versie die je wijzigt; een oudere geeft 412.",
    "schema": {"type": "string"},
}
IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "required": False,
    "description": "De ETag die je al hebt; ongewijzigd geeft 304 zonder inhoud.",
    "schema": {"type": "string"},
}


def _add_parameter(operation: dict[str, Any], parameter: dict[str, Any]) -> None:
    parameters = operation.setdefault("parameters", [])
    if not any(p.get("name") == parameter["name"] for p in parameters):
        parameters.append(parameter)


OPENAPI_OPERATION = {
    "operationId": "openapi_json",
    "summary": "Dit OpenAPI-document",
    "description": "Ook als YAML: /openapi.yaml.",
    "tags": ["api"],
    "security": [{}],
    "responses": {
        "200": {
            "description": "Het OpenAPI 3.0-document van deze API.",
            "content": {
                "application/json": {"schema": {"type": "object"}},
                "application/vnd.oai.openapi+json": {"schema": {"type": "object"}},
            },
        }
    },
}


def add_standard_headers_and_problems(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """The postprocessing hook: what the NL API Design Rules ask of every operation."""
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Probleem"] = PROBLEM_SCHEMA
    result["paths"].setdefault("/openapi.json", {"get": OPENAPI_OPERATION})
    for path, operations in result["paths"].items():
        for method, operation in operations.items():
            if method in METHODS:
                _standardise(path, method, operation)
    return result


def _standardise(path: str, method: str, operation: dict[str, Any]) -> None:
    responses = operation.setdefault("responses", {})
    for code in _errors_for(method, path):
        responses.setdefault(
            code,
            {
                "description": ERROR_TEXT[code],
                "content": {"application/problem+json": {"schema": PROBLEM}},
            },
        )
    item = path.endswith("}")
    for parameter in operation.get("parameters", []):
        if parameter.get("in") == "path" and parameter["schema"].get("pattern") in DIGITS:
            parameter["schema"] = {"type": "integer", "minimum": 0}
    if method == "get" and item and "200" in responses:
        responses.setdefault("304", {"description": NOT_MODIFIED})
        _add_parameter(operation, IF_NONE_MATCH)
    if method in ("put", "patch", "delete") and item:
        _add_parameter(operation, IF_MATCH)
    for code, response in responses.items():
        if not response.get("description"):
            response["description"] = "Gelukt." if code < "300" else "Zie de status."
        headers = response.setdefault("headers", {})
        headers["API-Version"] = VERSION_HEADER
        if code in ("200", "304") and method == "get" and item:
            headers["ETag"] = ETAG_HEADER
