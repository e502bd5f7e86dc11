"""The published OpenAPI document: valid OpenAPI 3.0, keeping every rule of the API
contract (api/lint.py), generated without a warning of drf-spectacular."""

from __future__ import annotations

import pytest
import yaml
from drf_spectacular.drainage import GENERATOR_STATS
from openapi_spec_validator import validate
from openapi_spec_validator.validation import OpenAPIV30SpecValidator

from samenspel.api.lint import lint
from samenspel.api.registry import PATHS, RESOURCES
from samenspel.api.schema import build_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def spec(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return response.json()


def test_the_document_is_valid_openapi_3_0(spec):
    assert spec["openapi"].startswith("3.0.")
    validate(spec, cls=OpenAPIV30SpecValidator)


def test_the_yaml_document_is_the_same_document(client, spec):
    response = client.get("/api/v1/openapi.yaml")
    assert response.status_code == 200
    assert yaml.safe_load(response.content) == spec


def test_the_document_keeps_every_rule_of_the_contract(spec):
    assert [str(problem) for problem in lint(spec)] == []


def test_the_server_is_this_host_with_the_major_version(spec):
    assert spec["servers"][0]["url"] == "http://testserver/api/v1"


def test_every_registered_resource_is_in_the_document(spec):
    paths = set(spec["paths"])
    for prefix in RESOURCES:
        assert f"/{prefix}" in paths, prefix
    for single in PATHS.values():
        assert "/" + single.route.split("<")[0].rstrip("/") in {
            p.split("{")[0].rstrip("/") for p in paths
        }, single.route


def test_generating_the_document_gives_no_warning_or_error():
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        build_document("http://testserver/api/v1")
    assert dict(GENERATOR_STATS._warn_cache) == {}
    assert dict(GENERATOR_STATS._error_cache) == {}


def test_tokens_and_sessions_are_described_and_public_reads_need_neither(spec):
    schemes = spec["components"]["securitySchemes"]
    assert schemes["token"] == {**schemes["token"], "type": "http", "scheme": "bearer"}
    assert schemes["sessie"]["in"] == "cookie"
    # organisaties are public (the public page names them)
    assert {} in spec["paths"]["/organisaties"]["get"]["security"]
