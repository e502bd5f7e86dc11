"""How the OpenAPI document describes what every operation shares (the NL API Design
Rules): the `fields` parameter, the `API-Version` header, problem+json errors, ETags."""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter

FIELDS_PARAM = "fields"
FIELDS_PARAMETER = OpenApiParameter(
    FIELDS_PARAM,
    OpenApiTypes.STR,
    description="Alleen deze velden, komma-gescheiden (bijvoorbeeld `fields=titel,status`).",
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
ERROR_TEXT = {
    "400": "Ongeldige invoer; `invalidParams` noemt elk veld.",
    "401": "Niet aangemeld, of een ongeldig token.",
    "403": "Geen recht, of het token mist de bevoegdheid.",
    "404": "Bestaat niet in dit samenwerkingsverband.",
    "412": "If-Match noemt niet de huidige versie.",
    "428": "If-Match ontbreekt.",
    "429": "Te veel verzoeken; Retry-After zegt na hoeveel seconden weer.",
    "500": "Er ging iets mis aan onze kant.",
}


class ResourceSchema(AutoSchema):
    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if self.method == "GET" and hasattr(self.view, "get_serializer_class"):
            parameters.append(FIELDS_PARAMETER)
        return parameters


def only_api_paths(endpoints: list[Any], **kwargs: Any) -> list[Any]:
    return [e for e in endpoints if e[0].startswith("/api/v1")]


def _errors_for(method: str, path: str) -> list[str]:
    codes = (
        ["400", "401", "403", "404", "429", "500"]
        if "{" in path or method != "get"
        else ["400", "401", "403", "429", "500"]
    )
    if method in ("put", "patch", "post", "delete"):
        codes += ["412"]
    if method in ("put", "patch"):
        codes += ["428"]
    return codes


def add_standard_headers_and_problems(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    components = result.setdefault("components", {})
    components.setdefault("schemas", {})["Probleem"] = PROBLEM_SCHEMA
    result["paths"].setdefault(
        "/openapi.json",
        {
            "get": {
                "operationId": "openapi_json",
                "summary": "Dit OpenAPI-document",
                "tags": ["api"],
                "security": [{}],
                "responses": {
                    "200": {
                        "description": "Het OpenAPI 3.0-document van deze API.",
                        "content": {"application/json": {"schema": {"type": "object"}}},
                    }
                },
            }
        },
    )
    for path, operations in result["paths"].items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete", "head", "options"):
                continue
            responses = operation.setdefault("responses", {})
            for code in _errors_for(method, path):
                responses.setdefault(
                    code,
                    {
                        "description": ERROR_TEXT[code],
                        "content": {"application/problem+json": {"schema": PROBLEM}},
                    },
                )
            for code, response in responses.items():
                headers = response.setdefault("headers", {})
                headers["API-Version"] = VERSION_HEADER
                if code == "200" and method == "get" and "{" in path:
                    headers["ETag"] = ETAG_HEADER
    return result
