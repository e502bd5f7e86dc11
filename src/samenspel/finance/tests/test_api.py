"""The bijdragen resource: the contributions page's figures, money as strings in cents."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from samenspel.accounts.models import User
from samenspel.api.testing import auth, token_for
from samenspel.finance.models import BudgetYear

MONEY = re.compile(r"^-?\d+\.\d{2}$")


@pytest.fixture
def demo(vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return vdg_demo_data


def _rows(client, key: str, query: str = "") -> list[dict]:
    response = client.get(f"/api/v1/bijdragen?paginaGrootte=100{query}", **auth(key))
    assert response.status_code == 200, response.content
    return response.json()["resultaten"]


def test_contributions_are_the_pages_and_add_up(client, demo):
    rows = _rows(client, token_for("lezer"), "&jaar=2025")
    client.force_login(User.objects.get(username="lezer"))
    page = client.get("/financien/bijdragen/2025/").context
    assert [r["organisatie"]["id"] for r in rows] == [
        row.member.organisation.pk for row in page["rows"]
    ]
    for api, shown in zip(rows, page["rows"], strict=True):
        assert api["jaar"] == 2025
        assert Decimal(api["agenda"]) == shown.agenda
        assert Decimal(api["projectenTotaal"]) == shown.projects_total
        assert Decimal(api["totaal"]) == shown.total
        assert [(p["project"], Decimal(p["bedrag"])) for p in api["projecten"]] == shown.projects
        for value in (api["agenda"], api["totaal"], *[p["bedrag"] for p in api["projecten"]]):
            assert MONEY.match(value), value
        parts = Decimal(api["agenda"]) + sum(Decimal(p["bedrag"]) for p in api["projecten"])
        assert parts == Decimal(api["totaal"])
    assert sum(Decimal(r["totaal"]) for r in rows) == page["grand_total"] > 0
    assert sum(Decimal(r["agenda"]) for r in rows) == page["totals"][0]


def test_without_a_year_every_budget_year_is_listed(client, demo):
    rows = _rows(client, token_for("bureau"))
    years = sorted(BudgetYear.objects.filter(agenda=demo).values_list("year", flat=True))
    assert sorted({r["jaar"] for r in rows}) == years
    assert [r["jaar"] for r in rows] == sorted(r["jaar"] for r in rows)
    assert _rows(client, token_for("bureau"), "&jaar=2001") == []


def test_contributions_are_not_public(client, demo):
    response = client.get("/api/v1/bijdragen")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    for year in ("twee", "99999999999999999999"):
        bad = client.get(f"/api/v1/bijdragen?jaar={year}", **auth(token_for("bureau")))
        assert bad.status_code == 400
        assert bad.json()["invalidParams"][0]["name"] == "jaar"
