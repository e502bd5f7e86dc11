"""The inzet resource: the staff commitment as the /inzet/ page reads it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from samenspel.accounts.models import User
from samenspel.api.testing import auth, token_for
from samenspel.capacity import selectors


@pytest.fixture
def demo(vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return vdg_demo_data


def test_commitments_are_the_pages(client, demo):
    response = client.get("/api/v1/inzet?jaar=2024&paginaGrootte=100", **auth(token_for("lezer")))
    assert response.status_code == 200, response.content
    rows = response.json()["resultaten"]
    totals = selectors.member_totals(agenda=demo, year=2024)
    assert [r["organisatie"]["code"] for r in rows] == [t.organisation.slug for t in totals]
    client.force_login(User.objects.get(username="lezer"))
    realised = client.get("/inzet/?jaar=2024").context["realised"]
    by_slug = {r.organisation.slug: r for r in realised.members if r.organisation}
    assert sum(r["totaalUren"] for r in rows) == realised.total.planned > 0
    for row, total in zip(rows, totals, strict=True):
        assert (row["portefeuilleUren"], row["rolUren"], row["overigeUren"], row["totaalUren"]) == (
            total.portfolios,
            total.roles,
            total.other,
            total.total,
        )
        cells = row["inzet"]
        assert sum(c["uren"] for c in cells if c["tabel"] == "2.1") == row["portefeuilleUren"]
        assert sum(c["uren"] for c in cells if c["tabel"] == "2.2") == row["rolUren"]
        shown = by_slug[row["organisatie"]["code"]]
        assert Decimal(row["gerealiseerdeUren"]) == shown.realised


def test_the_year_defaults_to_this_year_as_on_the_page(client, demo):
    key = token_for("bureau")
    rows = client.get("/api/v1/inzet?paginaGrootte=100", **auth(key)).json()["resultaten"]
    assert rows and {r["jaar"] for r in rows} == {2024}


def test_commitments_are_not_public(client, demo):
    assert client.get("/api/v1/inzet").status_code == 401
