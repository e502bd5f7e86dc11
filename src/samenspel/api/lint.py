"""The API contract: the NL API Design Rules (REST API Design Rules 2.0, Logius) that can
be checked on an OpenAPI document, plus Samenspel's own, as a Python checker.

It checks what the Spectral ruleset of developer.overheid.nl checks (the `/core/...`
rules, named by their ADR id) and the conventions docs/api.md promises. The suite runs it
on the generated document (api/tests/test_openapi.py), and `samenspel apilint` prints
what it finds, so an endpoint that breaks a rule fails the build.

    problems = lint(spec)   # [] when the document keeps every rule
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

STANDARD_METHODS = ("get", "head", "options", "post", "put", "patch", "delete")
PATH_ITEM_FIELDS = ("summary", "description", "servers", "parameters", "$ref")
SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URI_VERSION = re.compile(r"/v(\d+)$")
PROBLEM_JSON = "application/problem+json"

# Path segments that are not plural nouns, on purpose: single documents, and Dutch mass
# nouns that have no plural ("de voortgang", "de inzet"). Add one only with a reason.
SINGULAR_ALLOWED = {
    "openapi.json",  # /core/publish-openapi names it
    "openapi.yaml",
    "netwerk",  # the association's one network (a document)
    "voortgang",  # mass noun: progress updates
    "inzet",  # mass noun: hours committed
    "besluitenlijst",  # the public decision list of one meeting (a document)
    "popolo",  # the Popolo export (a format, a document)
}
# Dutch plurals end in -en or -s ('s after a vowel is written -s in kebab-case: themas).
PLURAL = re.compile(r"(en|s)$")

# Field names that hold a date or a moment (Dutch camelCase), by their ending.
DATE_NAME = re.compile(r"([dD]atum|[tT]ijdstip|Op|Vanaf|Tot|Sinds)$")
DATE_FORMATS = ("date", "date-time")
PAGE, PAGE_SIZE = "pagina", "paginaGrootte"
FIELDS = "fields"


@dataclass(frozen=True)
class Problem:
    rule: str  # the ADR id (/core/...) or ours (/samenspel/...)
    path: str  # where in the document
    message: str

    def __str__(self) -> str:
        return f"{self.rule} {self.path}: {self.message}"


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    rows = []
    for path, item in (spec.get("paths") or {}).items():
        for method, operation in (item or {}).items():
            if method in STANDARD_METHODS and isinstance(operation, dict):
                rows.append((path, method, operation))
    return rows


def _resolve(spec: dict[str, Any], node: Any) -> Any:
    """Follows local `$ref`s (`#/components/...`), at most a few deep."""
    for _ in range(10):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return node
        target: Any = spec
        for part in ref[2:].split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
        node = target
    return node


def _parameters(spec: dict[str, Any], path: str, operation: dict[str, Any]) -> dict[str, Any]:
    """Query parameters by name, those of the path item and of the operation."""
    item = spec["paths"][path]
    found = {}
    for parameter in list(item.get("parameters", [])) + list(operation.get("parameters", [])):
        parameter = _resolve(spec, parameter)
        if parameter.get("in") == "query":
            found[parameter.get("name")] = parameter
    return found


def _ok_json_schema(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any]:
    response = _resolve(spec, operation.get("responses", {}).get("200", {}))
    content = response.get("content") or {}
    media = content.get("application/json") or {}
    return _resolve(spec, media.get("schema") or {})


# --- the NL API Design Rules --------------------------------------------------------------


def doc_openapi(spec: dict[str, Any]) -> list[Problem]:
    version = str(spec.get("openapi", ""))
    if not re.match(r"^3\.\d+\.\d+$", version):
        return [Problem("/core/doc-openapi", "openapi", f"not OpenAPI 3.x: {version!r}")]
    return []


def publish_openapi(spec: dict[str, Any]) -> list[Problem]:
    if "get" not in (spec.get("paths") or {}).get("/openapi.json", {}):
        return [Problem("/core/publish-openapi", "paths", "no GET /openapi.json")]
    return []


def uri_version(spec: dict[str, Any]) -> list[Problem]:
    servers = spec.get("servers") or []
    if not servers:
        return [Problem("/core/uri-version", "servers", "no servers")]
    major = str(spec.get("info", {}).get("version", "")).split(".")[0]
    problems = []
    for i, server in enumerate(servers):
        match = URI_VERSION.search(str(server.get("url", "")))
        if not match:
            problems.append(
                Problem("/core/uri-version", f"servers[{i}].url", "does not end in /v<major>")
            )
        elif match.group(1) != major:
            problems.append(
                Problem("/core/uri-version", f"servers[{i}].url", f"not the major {major}")
            )
    return problems


def version_header(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    for path, method, operation in _operations(spec):
        for code, response in (operation.get("responses") or {}).items():
            headers = _resolve(spec, response).get("headers") or {}
            if "api-version" not in {name.lower() for name in headers}:
                where = f"paths.{path}.{method}.responses.{code}"
                problems.append(Problem("/core/version-header", where, "no API-Version header"))
    return problems


def semver(spec: dict[str, Any]) -> list[Problem]:
    version = str((spec.get("info") or {}).get("version", ""))
    if not SEMVER.match(version):
        return [Problem("/core/semver", "info.version", f"not semver: {version!r}")]
    return []


def no_trailing_slash(spec: dict[str, Any]) -> list[Problem]:
    return [
        Problem("/core/no-trailing-slash", f"paths.{path}", "ends in a slash")
        for path in spec.get("paths") or {}
        if len(path) > 1 and path.endswith("/")
    ]


def http_methods(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    for path, item in (spec.get("paths") or {}).items():
        for key in item or {}:
            if key not in STANDARD_METHODS and key not in PATH_ITEM_FIELDS:
                problems.append(
                    Problem("/core/http-methods", f"paths.{path}.{key}", "not a standard method")
                )
    return problems


def info_contact(spec: dict[str, Any]) -> list[Problem]:
    contact = (spec.get("info") or {}).get("contact") or {}
    return [
        Problem("/core/doc-openapi-contact", f"info.contact.{field}", "missing")
        for field in ("name", "url", "email")
        if not contact.get(field)
    ]


def info_description(spec: dict[str, Any]) -> list[Problem]:
    if not (spec.get("info") or {}).get("description"):
        return [Problem("/core/doc-openapi", "info.description", "missing")]
    return []


# --- Samenspel's conventions (docs/api.md) ------------------------------------------------


def resource_names(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    for path in spec.get("paths") or {}:
        for segment in path.strip("/").split("/"):
            if not segment or segment.startswith("{") or segment in SINGULAR_ALLOWED:
                continue
            if not KEBAB.match(segment):
                problems.append(
                    Problem(
                        "/core/naming-resources", f"paths.{path}", f"{segment!r}: not kebab-case"
                    )
                )
            elif not PLURAL.search(segment):
                problems.append(
                    Problem(
                        "/core/naming-collections",
                        f"paths.{path}",
                        f"{segment!r} is not a plural noun (or allow it in SINGULAR_ALLOWED)",
                    )
                )
    return problems


def problem_json(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    for path, method, operation in _operations(spec):
        for code, response in (operation.get("responses") or {}).items():
            if str(code)[0] in "45" and PROBLEM_JSON not in (
                _resolve(spec, response).get("content") or {}
            ):
                where = f"paths.{path}.{method}.responses.{code}"
                problems.append(Problem("/samenspel/problem-json", where, f"not {PROBLEM_JSON}"))
    return problems


def pagination(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    for path, method, operation in _operations(spec):
        if method != "get":
            continue
        schema = _ok_json_schema(spec, operation)
        where = f"paths.{path}.get"
        if schema.get("type") == "array":
            problems.append(Problem("/samenspel/pagination", where, "a list without pages"))
        elif "resultaten" in (schema.get("properties") or {}):
            parameters = _parameters(spec, path, operation)
            if PAGE not in parameters:
                problems.append(Problem("/samenspel/pagination", where, f"no {PAGE}"))
            size = parameters.get(PAGE_SIZE)
            if size is None:
                problems.append(Problem("/samenspel/pagination", where, f"no {PAGE_SIZE}"))
            elif "maximum" not in (size.get("schema") or {}):
                problems.append(
                    Problem("/samenspel/pagination", where, f"{PAGE_SIZE} without a maximum")
                )
    return problems


def fields_parameter(spec: dict[str, Any]) -> list[Problem]:
    """Collections and their items offer `fields`; single documents need not."""
    problems = []
    for path, method, operation in _operations(spec):
        if method != "get":
            continue
        is_list = "resultaten" in (_ok_json_schema(spec, operation).get("properties") or {})
        if (is_list or path.endswith("}")) and FIELDS not in _parameters(spec, path, operation):
            problems.append(Problem("/samenspel/fields", f"paths.{path}.get", f"no {FIELDS}"))
    return problems


def _properties(spec: dict[str, Any], schema: Any, seen: set[str]) -> list[tuple[str, Any]]:
    """(name, schema) of every property inside `schema`, through refs, arrays and allOf."""
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        if schema["$ref"] in seen:
            return []
        seen.add(schema["$ref"])
    schema = _resolve(spec, schema)
    if not isinstance(schema, dict):
        return []
    rows = []
    for name, sub in (schema.get("properties") or {}).items():
        rows.append((name, _resolve(spec, sub)))
        rows += _properties(spec, sub, seen)
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key) or []:
            rows += _properties(spec, sub, seen)
    if "items" in schema:
        rows += _properties(spec, schema["items"], seen)
    return rows


def date_formats(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    for name, schema in (spec.get("components") or {}).get("schemas", {}).items():
        for field, sub in _properties(spec, schema, set()):
            if not DATE_NAME.search(field) or sub.get("type") != "string":
                continue
            if sub.get("format") not in DATE_FORMATS:
                problems.append(
                    Problem(
                        "/samenspel/dates",
                        f"components.schemas.{name}.{field}",
                        "a date without format date or date-time (ISO 8601)",
                    )
                )
    return sorted(set(problems), key=str)


def safe_methods(spec: dict[str, Any]) -> list[Problem]:
    return [
        Problem("/core/http-safety", f"paths.{path}.{method}", "a safe method with a body")
        for path, method, operation in _operations(spec)
        if method in ("get", "head") and "requestBody" in operation
    ]


def operations_described(spec: dict[str, Any]) -> list[Problem]:
    problems = []
    ids = Counter(op.get("operationId") for _p, _m, op in _operations(spec))
    for path, method, operation in _operations(spec):
        where = f"paths.{path}.{method}"
        if not operation.get("operationId"):
            problems.append(Problem("/samenspel/operations", where, "no operationId"))
        elif ids[operation["operationId"]] > 1:
            problems.append(
                Problem("/samenspel/operations", where, f"{operation['operationId']!r} twice")
            )
        if not (operation.get("summary") or operation.get("description")):
            problems.append(Problem("/samenspel/operations", where, "no summary or description"))
        if not operation.get("tags"):
            problems.append(Problem("/samenspel/operations", where, "no tag"))
    return problems


RULES = (
    doc_openapi,
    publish_openapi,
    uri_version,
    version_header,
    semver,
    no_trailing_slash,
    http_methods,
    info_contact,
    info_description,
    resource_names,
    problem_json,
    pagination,
    fields_parameter,
    date_formats,
    safe_methods,
    operations_described,
)


def lint(spec: dict[str, Any]) -> list[Problem]:
    """Every rule's problems in `spec` (an OpenAPI document as a dict)."""
    return [problem for rule in RULES for problem in rule(spec)]
