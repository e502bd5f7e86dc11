"""Schemathesis: property-based requests against the live API, generated from its own
OpenAPI document, for every operation registered (whatever the apps add).

Each operation gets a few derandomized examples, as a visitor and as the bureau with a
token that may write; no answer may be a 500, and every answer must be what the document
says: a documented status, content type, headers and body.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from samenspel.api.testing import token_for

pytestmark = pytest.mark.usefixtures("vdg_demo_data")

BASE_URL = "http://localhost/api/v1"  # "localhost" is the VDG association
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 10  # per operation and caller: each test takes seconds, not minutes
WRITES = ("POST", "PUT", "PATCH", "DELETE")

_handler = WSGIHandler()


def _app(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    """Django's WSGI handler inside the test's transaction: as the test client does, the
    request signals must not close the connection (it would end the transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = _handler(environ, start_response)
        body = b"".join(result)
        result.close()
        return [body]
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def api_schema(client):
    schema = schemathesis.openapi.from_dict(client.get("/api/v1/openapi.json").json())
    schema.app = _app
    schema.config.update(base_url=BASE_URL)
    return schema


def _run(operation: Any, headers: dict[str, str]) -> None:
    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],  # no shrinking: report the first failure
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def examples(case: Any) -> None:
        case.call_and_validate(headers=headers, checks=CHECKS)

    examples()


def _run_all(schema: Any, headers: dict[str, str]) -> None:
    """Every operation, each failure listed (not only the first), shortened."""
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 3
    failures = []
    for operation in operations:
        try:
            _run(operation, headers)
        except (Exception, BaseExceptionGroup) as error:  # schemathesis' FailureGroup
            found = getattr(error, "exceptions", [error])
            failures += [f"{operation.label}: {str(one)[:800]}" for one in found]
    assert not failures, "\n\n".join(failures)


def test_every_operation_as_a_visitor(api_schema):
    _run_all(api_schema, {})


def test_every_operation_with_a_token_that_may_write(api_schema):
    key = token_for("bureau", "read", "progress:write", "decisions:write")
    _run_all(api_schema, {"Authorization": f"Bearer {key}"})
