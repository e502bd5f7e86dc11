"""The rapportages resource: the kinds the reports page offers, and a report as JSON that
is the report page's own, for the same date, under the same predicates."""

from __future__ import annotations

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.agenda import selectors as agenda_selectors
from samenspel.api.testing import auth, token_for
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.reports.registry import REPORT_TYPES, report_build
from samenspel.reports.render import figures_json
from samenspel.web.tests.test_isolation import MARKER, association_b

pytestmark = pytest.mark.django_db
LIST = "/api/v1/rapportages"


def _headings(sections):
    return [(s["kop"], _headings(s["subsecties"])) for s in sections]


def _page_headings(sections):
    return [(s.heading, _page_headings(s.subsections)) for s in sections]


def test_the_kinds_are_the_pages_with_links(client, vdg_demo):
    response = client.get(LIST, **auth(token_for("lezer", "read")))
    rows = response.json()["resultaten"]
    assert [r["soort"] for r in rows] == list(REPORT_TYPES)
    quarterly = rows[0]
    assert quarterly["pagina"].endswith(reverse("reports:page", kwargs={"kind": "kwartaal"}))
    assert client.get(quarterly["url"], **auth(token_for("lezer"))).status_code == 400
    assert {r["soort"]: r["onderwerp"] for r in rows}["lid"] == "organisatie"
    assert client.get(LIST).status_code == 401


def test_the_report_is_the_pages_for_the_date(client, vdg_demo):
    as_of = agenda_selectors.today().isoformat()
    client.force_login(User.objects.get(username="lezer"))
    page = client.get(reverse("reports:page", kwargs={"kind": "kwartaal"}), {"peildatum": as_of})
    report = page.context["report"]
    body = client.get(f"{LIST}/kwartaal", {"peildatum": as_of}).json()
    assert body["peildatum"] == as_of and body["titel"] == report.title
    assert body["kerncijfers"] == figures_json(report) and body["kerncijfers"]
    assert _headings(body["secties"]) == _page_headings(report.sections)
    tables = [b for s in body["secties"] for b in s["blokken"] if b["soort"] == "tabel"]
    assert tables and all(len(t["kolommen"]) == len(t["rijen"][0]) for t in tables if t["rijen"])


@pytest.mark.parametrize("query", [{}, {"peildatum": "2024-13-45"}, {"peildatum": "1800-01-01"}])
def test_a_missing_or_bad_date_is_a_problem_naming_peildatum(client, vdg_demo, query):
    response = client.get(f"{LIST}/kwartaal", query, **auth(token_for("bureau")))
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert [p["name"] for p in response.json()["invalidParams"]] == ["peildatum"]


def test_member_report_only_for_who_may_see_that_member(client, vdg_demo):
    query = {"peildatum": agenda_selectors.today().isoformat(), "organisatie": "assen"}
    url = f"{LIST}/lid"
    other = client.get(url, query, **auth(token_for("accounthouder-emmen")))
    assert other.status_code == 403
    own = client.get(url, query, **auth(token_for("accounthouder-assen")))
    assert own.status_code == 200 and own.json()["soort"] == "lid"
    missing = client.get(url, {"peildatum": query["peildatum"]}, **auth(token_for("bureau")))
    assert [p["name"] for p in missing.json()["invalidParams"]] == ["organisatie"]


def test_unknown_kind_and_portfolio(client, vdg_demo):
    key = auth(token_for("bureau"))
    as_of = agenda_selectors.today().isoformat()
    assert client.get(f"{LIST}/bestaat-niet", {"peildatum": as_of}, **key).status_code == 404
    wrong = client.get(f"{LIST}/portefeuille", {"peildatum": as_of, "portefeuille": "x"}, **key)
    assert [p["name"] for p in wrong.json()["invalidParams"]] == ["portefeuille"]


def test_association_b_is_never_in_a_report_on_the_vdg_host(client, vdg_demo):
    association_b()
    as_of = agenda_selectors.today().isoformat()
    key = auth(token_for("bureau"))
    for kind, scope in (("kwartaal", {}), ("portefeuille", {"portefeuille": "sport"})):
        response = client.get(f"{LIST}/{kind}", {"peildatum": as_of, **scope}, **key)
        assert response.status_code == 200
        assert MARKER not in response.content.decode()


SCOPES = {
    "portefeuille": {"portefeuille": "sport"},
    "overdracht": {"portefeuille": "gezondheid-en-welzijn"},
    "lid": {"organisatie": "assen"},
}


@pytest.mark.parametrize("kind", sorted(REPORT_TYPES))
def test_every_kind_is_the_builders_report(client, vdg_demo, kind):
    as_of = agenda_selectors.today()
    query = {"peildatum": as_of.isoformat(), **SCOPES.get(kind, {})}
    key = auth(token_for("bureau"))
    response = client.get(f"{LIST}/{kind}", query, **key)
    assert response.status_code == 200, response.content
    scope = {
        "portfolio": Portfolio.objects.filter(slug=query.get("portefeuille", "")).first(),
        "organisation": Organisation.objects.filter(slug=query.get("organisatie", "")).first(),
    }
    report = report_build(association=association_default(), kind=kind, as_of=as_of, **scope)
    assert response.json()["kerncijfers"] == figures_json(report)
    assert _headings(response.json()["secties"]) == _page_headings(report.sections)
    again = client.get(f"{LIST}/{kind}", query, HTTP_IF_NONE_MATCH=response["ETag"], **key)
    assert again.status_code == 304
