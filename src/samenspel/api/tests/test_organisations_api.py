"""organisaties: the association's participants with their codes and inhabitants, public."""

from __future__ import annotations

import datetime as dt

from samenspel.organisations.models import (
    AssociationMembership,
    InhabitantCount,
    Organisation,
)
from samenspel.organisations.tests.factories import InhabitantCountFactory, OrganisationFactory


def _rows(client) -> list[dict]:
    return client.get("/api/v1/organisaties?paginaGrootte=100").json()["resultaten"]


def test_the_participants_with_codes_and_latest_inhabitants(client, vdg_data):
    rows = _rows(client)  # anonymous: organisations are public
    participants = AssociationMembership.objects.filter(association__slug="vdg")
    assert {row["code"] for row in rows} == set(
        participants.values_list("organisation__slug", flat=True)
    )
    assen = Organisation.objects.get(slug="assen")
    InhabitantCountFactory(organisation=assen, reference_date=dt.date(1990, 1, 1), count=1)
    latest = InhabitantCount.objects.filter(organisation=assen).order_by("-reference_date")[0]
    row = next(row for row in _rows(client) if row["code"] == "assen")
    assert row["naam"] == assen.name
    assert row["soort"] == "municipality"
    assert row["deelname"] == "member"
    assert {(i["stelsel"], i["code"]) for i in row["identificaties"]} == set(
        assen.identifiers.values_list("scheme", "value")
    )
    assert row["identificaties"], "the demo's municipalities have CBS and TOOI codes"
    assert row["inwoners"] == {
        "aantal": latest.count,
        "peildatum": latest.reference_date.isoformat(),
        "bron": latest.source,
    }
    detail = client.get(row["url"])
    assert detail.status_code == 200
    assert detail.json() == row
    assert detail["ETag"]


def test_an_organisation_outside_the_association_is_not_there(client, vdg_data):
    outsider = OrganisationFactory()
    assert outsider.slug not in {row["code"] for row in _rows(client)}
    assert client.get(f"/api/v1/organisaties/{outsider.pk}").status_code == 404


def test_fields_select_and_unknown_fields_are_named(client, vdg_data):
    rows = client.get("/api/v1/organisaties?fields=code,inwoners").json()["resultaten"]
    assert all(set(row) == {"url", "code", "inwoners"} for row in rows)
    response = client.get("/api/v1/organisaties?fields=naam,geheim")
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "fields"
