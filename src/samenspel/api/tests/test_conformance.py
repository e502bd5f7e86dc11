"""What every response of the API does, whichever view (or none) answered: the NL API
Design Rules as behaviour (docs/api.md, "The NL API Design Rules")."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import include, path
from rest_framework.decorators import api_view, permission_classes
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from samenspel.accounts.models import User
from samenspel.api.organisations import OrganisationViewSet
from samenspel.api.pagination import LinkedPagination
from samenspel.api.permissions import may_read_owned
from samenspel.api.registry import RESOURCES
from samenspel.api.testing import auth, token_for

PROBLEM = "application/problem+json"
ORGANISATIONS = "/api/v1/organisaties"


class SecretOrganisations(OrganisationViewSet):
    """A resource only those who take part may read (as most are)."""

    permission: Any = staticmethod(may_read_owned)


@api_view(["GET"])
@permission_classes([])
def crash(request):
    raise RuntimeError("boom")


# The API as it is, plus a private resource and a view that crashes (pytest.mark.urls).
urlpatterns = [
    path("api/v1/geheim", SecretOrganisations.as_view({"get": "list"})),
    path("api/v1/kapot", crash),
    path("api/v1/", include("samenspel.api.urls")),
]

pytestmark = pytest.mark.usefixtures("vdg_demo_data")


def _is_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == status
    assert body["title"] and body["detail"] and body["type"].startswith("urn:samenspel:problem:")
    assert response["API-Version"] == "1.0.0"
    return body


def _first_id(client):
    return client.get(ORGANISATIONS).json()["resultaten"][0]["id"]


def test_a_read_carries_the_version_header(client):
    response = client.get(ORGANISATIONS)
    assert response.status_code == 200
    assert response["API-Version"] == "1.0.0"


def test_head_answers_as_get_without_a_body(client):
    response = client.head(f"{ORGANISATIONS}/{_first_id(client)}")
    assert response.status_code == 200 and response.content == b""
    assert response["API-Version"] == "1.0.0" and response["ETag"]


def test_an_unknown_url_is_a_404_problem(client):
    _is_problem(client.get("/api/v1/bestaat-niet"), 404)


def test_an_unknown_object_is_a_404_problem(client):
    body = _is_problem(client.get(f"{ORGANISATIONS}/999999999"), 404)
    assert body["instance"] == f"{ORGANISATIONS}/999999999"


def test_a_trailing_slash_is_a_404_problem_not_a_redirect(client):
    # The resource has one URI (/core/no-trailing-slash); a redirect would make two.
    _is_problem(client.get(f"{ORGANISATIONS}/"), 404)


def test_a_method_the_resource_lacks_is_a_405_problem(client):
    response = client.post(ORGANISATIONS, {}, content_type="application/json")
    _is_problem(response, 405)
    assert "GET" in response["Allow"]


@pytest.mark.urls(__name__)
def test_a_private_resource_without_credentials_is_a_401_problem(client):
    response = client.get("/api/v1/geheim")
    _is_problem(response, 401)
    assert response["WWW-Authenticate"].startswith("Token")


def test_a_wrong_token_is_a_401_problem(client):
    _is_problem(client.get(ORGANISATIONS, **auth("sam_0000_nietgeldig")), 401)


@pytest.mark.urls(__name__)
def test_a_crash_is_a_500_problem_that_tells_nothing(client):
    body = _is_problem(client.get("/api/v1/kapot"), 500)
    assert "boom" not in body["detail"]


def test_an_unknown_field_is_a_400_problem_naming_fields(client):
    body = _is_problem(client.get(ORGANISATIONS, {"fields": "naam,geheim"}), 400)
    assert body["invalidParams"][0]["name"] == "fields"
    assert "geheim" in body["invalidParams"][0]["reason"]


def test_fields_selects_the_fields_and_keeps_the_url(client):
    row = client.get(ORGANISATIONS, {"fields": "naam"}).json()["resultaten"][0]
    assert set(row) == {"naam", "url"}


def test_a_page_that_does_not_exist_is_a_400_problem_naming_pagina(client):
    body = _is_problem(client.get(ORGANISATIONS, {"pagina": 9999}), 400)
    assert body["invalidParams"][0]["name"] == "pagina"


def test_an_unacceptable_format_is_a_406_problem(client):
    _is_problem(client.get(ORGANISATIONS, HTTP_ACCEPT="text/html"), 406)


def test_too_many_requests_is_a_429_problem_with_retry_after(client, settings):
    settings.SAMENSPEL_API_RATE_ANONYMOUS = "2/min"
    for _ in range(2):
        assert client.get(ORGANISATIONS).status_code == 200
    response = client.get(ORGANISATIONS)
    _is_problem(response, 429)
    assert int(response["Retry-After"]) > 0


def test_pages_have_links_in_the_body_and_the_link_header(client):
    response = client.get(ORGANISATIONS, {"paginaGrootte": 2, "pagina": 2})
    body = response.json()
    assert len(body["resultaten"]) == 2
    assert body["aantal"] > 4
    links = body["_links"]
    assert "pagina=2" in links["self"]["href"]
    assert "pagina=3" in links["next"]["href"]
    assert "pagina=2" not in links["prev"]["href"]  # the first page: without pagina
    assert "pagina=1" in links["first"]["href"]
    assert f'<{links["next"]["href"]}>; rel="next"' in response["Link"]
    assert 'rel="first"' in response["Link"] and 'rel="last"' in response["Link"]


def test_a_page_size_over_100_is_capped_at_100():
    request = Request(APIRequestFactory().get(ORGANISATIONS, {"paginaGrootte": 1000}))
    paginator = LinkedPagination()
    page = paginator.paginate_queryset(list(range(250)), request)
    assert len(page) == 100
    assert paginator.page.paginator.num_pages == 3


def test_an_etag_answers_if_none_match_with_304(client):
    url = f"{ORGANISATIONS}/{_first_id(client)}"
    first = client.get(url)
    tag = first["ETag"]
    assert tag.startswith('"')
    again = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == tag and again["API-Version"] == "1.0.0"
    assert client.get(url, HTTP_IF_NONE_MATCH='"ander"').status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=f"W/{tag}").status_code == 304  # weak compare
    # fields selects what is shown, not the version: the same tag
    assert client.get(url, {"fields": "naam"})["ETag"] == tag


def test_an_anonymous_read_may_be_read_by_any_site(client):
    response = client.get(ORGANISATIONS, HTTP_ORIGIN="https://elders.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "ETag" in response["Access-Control-Expose-Headers"]


def test_a_read_with_a_token_is_not_shared_with_other_sites(client):
    response = client.get(
        ORGANISATIONS, HTTP_ORIGIN="https://elders.example", **auth(token_for("bureau"))
    )
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_read_with_a_session_is_not_shared_with_other_sites(client):
    client.force_login(User.objects.get(username="bureau"))
    response = client.get(ORGANISATIONS, HTTP_ORIGIN="https://elders.example")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_a_preflight_allows_reads_from_other_sites_and_no_writes(client):
    def preflight(method):
        return client.options(
            ORGANISATIONS,
            HTTP_ORIGIN="https://elders.example",
            HTTP_ACCESS_CONTROL_REQUEST_METHOD=method,
        )

    read = preflight("GET")
    assert read["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in read["Access-Control-Allow-Methods"]
    for method in ("POST", "PATCH", "DELETE"):
        assert "Access-Control-Allow-Origin" not in preflight(method)


def test_the_root_links_every_resource_and_the_document(client):
    links = client.get("/api/v1").json()["_links"]
    assert set(RESOURCES) <= set(links)
    assert links["organisaties"]["href"] == "http://testserver/api/v1/organisaties"
    assert links["openapi"]["href"] == "http://testserver/api/v1/openapi.json"
    redirect = client.get("/api/v1/")
    assert redirect.status_code == 301 and redirect["Location"] == "/api/v1"
