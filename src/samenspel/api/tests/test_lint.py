"""Each rule of the API contract (api/lint.py) catches a small document that breaks it."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from django.core.management import call_command

from samenspel.api.lint import lint

HEADERS = {"API-Version": {"schema": {"type": "string"}}}
PROBLEM = {
    "description": "Fout.",
    "headers": HEADERS,
    "content": {"application/problem+json": {"schema": {"type": "object"}}},
}
LIST_PARAMETERS = [
    {"in": "query", "name": "pagina", "schema": {"type": "integer"}},
    {"in": "query", "name": "paginaGrootte", "schema": {"type": "integer", "maximum": 100}},
    {"in": "query", "name": "fields", "schema": {"type": "string"}},
]


def _ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "description": "Gelukt.",
        "headers": HEADERS,
        "content": {"application/json": {"schema": schema}},
    }


def good() -> dict[str, Any]:
    """The smallest document that keeps every rule."""
    return copy.deepcopy(_GOOD)


_GOOD = {
    "openapi": "3.0.3",
    "info": {
        "title": "T",
        "version": "1.2.3",
        "description": "Een API.",
        "contact": {"name": "N", "url": "https://example.nl", "email": "a@example.nl"},
    },
    "servers": [{"url": "https://example.nl/api/v1"}],
    "paths": {
        "/openapi.json": {
            "get": {
                "operationId": "openapi",
                "summary": "Het document",
                "tags": ["api"],
                "responses": {"200": _ok({"type": "object"})},
            }
        },
        "/afspraken": {
            "get": {
                "operationId": "afspraken_list",
                "summary": "Afspraken",
                "tags": ["afspraken"],
                "parameters": copy.deepcopy(LIST_PARAMETERS),
                "responses": {
                    "200": _ok({"$ref": "#/components/schemas/Pagina"}),
                    "400": PROBLEM,
                },
            },
        },
        "/afspraken/{id}": {
            "get": {
                "operationId": "afspraken_retrieve",
                "description": "Eén afspraak",
                "tags": ["afspraken"],
                "parameters": [
                    {"in": "path", "name": "id", "required": True, "schema": {"type": "integer"}},
                    {"in": "query", "name": "fields", "schema": {"type": "string"}},
                ],
                "responses": {"200": _ok({"$ref": "#/components/schemas/Afspraak"})},
            },
            "patch": {
                "operationId": "afspraken_partial_update",
                "summary": "Wijzig",
                "tags": ["afspraken"],
                "requestBody": {"content": {"application/json": {"schema": {}}}},
                "responses": {"200": _ok({}), "412": PROBLEM},
            },
        },
        "/voortgang": {
            "post": {
                "operationId": "voortgang_create",
                "summary": "Nieuw",
                "tags": ["voortgang"],
                "responses": {"201": _ok({})},
            }
        },
    },
    "components": {
        "schemas": {
            "Pagina": {
                "type": "object",
                "properties": {
                    "resultaten": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/Afspraak"},
                    }
                },
            },
            "Afspraak": {
                "type": "object",
                "properties": {
                    "titel": {"type": "string"},
                    "einddatum": {"type": "string", "format": "date", "nullable": True},
                    "gewijzigdOp": {"type": "string", "format": "date-time"},
                },
            },
        }
    },
}


def test_the_small_document_keeps_every_rule():
    assert lint(good()) == []


def _set(spec: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split("|")
    node = spec
    for key in parents:
        node = node[int(key)] if isinstance(node, list) else node[key]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value


DELETE = object()
LIST = "paths|/afspraken|get"
ITEM = "paths|/afspraken/{id}"
AFSPRAAK = "components|schemas|Afspraak|properties"

BREAKS = [
    ("/core/doc-openapi", "openapi", "2.0"),
    ("/core/doc-openapi", "info|description", ""),
    ("/core/publish-openapi", "paths|/openapi.json", DELETE),
    ("/core/uri-version", "servers", []),
    ("/core/uri-version", "servers|0|url", "https://example.nl/api"),
    ("/core/uri-version", "servers|0|url", "https://example.nl/api/v2"),
    ("/core/version-header", f"{LIST}|responses|200|headers", {}),
    ("/core/version-header", f"{LIST}|responses|400|headers", {"Etag": {}}),
    ("/core/semver", "info|version", "1.2"),
    ("/core/semver", "info|version", "1.02.3"),
    ("/core/no-trailing-slash", "paths|/voortgang/", {}),
    ("/core/http-methods", f"{ITEM}|trace", {"responses": {}}),
    ("/core/http-methods", f"{ITEM}|search", {"responses": {}}),
    ("/core/doc-openapi-contact", "info|contact|email", ""),
    ("/core/doc-openapi-contact", "info|contact", DELETE),
    ("/core/naming-collections", "paths|/afspraak", {}),
    ("/core/naming-resources", "paths|/mijn_afspraken", {}),
    ("/core/naming-resources", "paths|/Afspraken", {}),
    ("/core/http-safety", f"{LIST}|requestBody", {"content": {}}),
    ("/samenspel/problem-json", f"{LIST}|responses|400|content", {"application/json": {}}),
    ("/samenspel/pagination", f"{LIST}|parameters", LIST_PARAMETERS[1:]),
    ("/samenspel/pagination", f"{LIST}|parameters|1|schema", {"type": "integer"}),
    ("/samenspel/pagination", f"{LIST}|responses|200", _ok({"type": "array", "items": {}})),
    ("/samenspel/fields", f"{LIST}|parameters", LIST_PARAMETERS[:2]),
    ("/samenspel/fields", f"{ITEM}|get|parameters", []),
    ("/samenspel/dates", f"{AFSPRAAK}|einddatum", {"type": "string"}),
    ("/samenspel/dates", f"{AFSPRAAK}|gewijzigdOp", {"type": "string", "format": "email"}),
    ("/samenspel/operations", f"{ITEM}|patch|operationId", "afspraken_list"),
    ("/samenspel/operations", f"{ITEM}|patch|operationId", DELETE),
    ("/samenspel/operations", f"{ITEM}|patch|summary", DELETE),
    ("/samenspel/operations", f"{ITEM}|patch|tags", []),
]


@pytest.mark.parametrize(("rule", "where", "value"), BREAKS)
def test_each_rule_catches_a_document_that_breaks_it(rule, where, value):
    spec = good()
    _set(spec, where, value)
    problems = lint(spec)
    assert problems, f"{rule} missed {where}"
    assert {p.rule for p in problems} == {rule}, problems


def test_a_documented_singular_document_and_mass_nouns_are_allowed():
    spec = good()
    spec["paths"]["/netwerk"] = {}
    spec["paths"]["/inzet"] = {}
    assert lint(spec) == []


def test_apilint_checks_a_saved_document_and_fails_on_a_problem(tmp_path, capsys):
    good_file = tmp_path / "good.json"
    good_file.write_text(json.dumps(good()))
    call_command("apilint", "--file", str(good_file))
    assert capsys.readouterr().out == ""

    bad = good()
    bad["servers"] = [{"url": "https://example.nl/api"}]
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps(bad))
    with pytest.raises(SystemExit) as exit_info:
        call_command("apilint", "--file", str(bad_file))
    assert exit_info.value.code == 1
    assert "/core/uri-version servers[0].url" in capsys.readouterr().out
