import csv
import io

import pytest
from openpyxl import load_workbook

from samenspel.accounts.constants import RoleKind
from samenspel.finance.models import BudgetYear
from samenspel.finance.tests.factories import ClaimFactory
from samenspel.organisations.models import Organisation


def test_pages_need_sign_in(client, vdg_budget):
    for url in ["/financien/", "/financien/bijdragen/2024/", "/financien/projecten/"]:
        assert client.get(url).status_code == 302


def test_contributions_csv_has_the_agreed_columns(client, reader_user, vdg_budget):
    client.force_login(reader_user)
    response = client.get("/financien/bijdragen/2024/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:4] == ["organisation", "code", "inhabitants", "reference_date"]
    assert rows[0][-1] == "total"
    assert any(c.startswith("source:") for c in rows[0])
    assert len(rows) == 13
    assert sum(float(r[-1]) for r in rows[1:]) == pytest.approx(75000.00)
    assen = next(r for r in rows if r[1] == "GM0106")
    assert assen[2] == "69691" and assen[3] == "2024-01-01"
    book = load_workbook(io.BytesIO(client.get("/financien/bijdragen/2024/?format=xlsx").content))
    assert [c.value for c in book.active[1]][:4] == rows[0][:4]


def test_finance_page_shows_dutch_money_and_the_differences(client, reader_user, vdg_budget):
    client.force_login(reader_user)
    html = client.get("/financien/").content.decode()
    assert "€ 75.000,00" in html and "€ 0,15" in html
    assert "2 genoemde bedragen kloppen niet" in html or "3 genoemde bedragen" in html


def test_only_the_bureau_changes_money(client, make_user, bureau_user, vdg_budget):
    assen = Organisation.objects.get(slug="assen")
    holder = make_user(RoleKind.ACCOUNT_HOLDER, organisation=assen)
    for user in (holder, make_user(RoleKind.READER)):
        client.force_login(user)
        assert client.get("/financien/jaren/2025/bewerken/").status_code == 403
        assert (
            client.post(
                "/financien/jaren/2025/factureren/", {"invoiced_on": "2025-03-01", "confirm": "on"}
            ).status_code
            == 403
        )
        assert client.post("/financien/handgeld/uitgave/", {}).status_code == 403
    client.force_login(bureau_user)
    year = BudgetYear.objects.get(year=2025)
    response = client.post(
        "/financien/jaren/2025/bewerken/",
        {
            "from_running_budget": "2500.00",
            "key": "equal",
            "reference_date": "",
            "base_amount": "",
            "version": year.version,
        },
    )
    assert response.status_code == 302
    year.refresh_from_db()
    assert year.key == "equal" and str(year.from_running_budget) == "2500.00"


def test_account_holders_see_only_their_own_claims(client, make_user, vdg_budget):
    assen = Organisation.objects.get(slug="assen")
    emmen = Organisation.objects.get(slug="emmen")
    for org in (assen, emmen):
        ClaimFactory(organisation=org, description=f"Declaratie {org.slug}")
    client.force_login(make_user(RoleKind.ACCOUNT_HOLDER, organisation=assen))
    html = client.get("/financien/").content.decode()
    assert "Declaratie assen" in html and "Declaratie emmen" not in html
    page = client.get("/organisaties/assen/").content.decode()
    assert "Declaratie assen" in page
    assert "Declaratie emmen" not in client.get("/organisaties/emmen/").content.decode()


def test_finance_queries_do_not_grow_with_claims(client, bureau_user, vdg_budget):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(bureau_user)
    client.get("/financien/")
    with CaptureQueriesContext(connection) as few:
        client.get("/financien/")
    assen = Organisation.objects.get(slug="assen")
    ClaimFactory.create_batch(30, organisation=assen, amount="1.00")
    with CaptureQueriesContext(connection) as many:
        client.get("/financien/")
    assert len(many) <= len(few)


def test_another_associations_projects_and_claims_are_not_shown(client, bureau_user, vdg_budget):
    from samenspel.finance.models import Project
    from samenspel.organisations.models import Association

    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    project = Project.objects.create(association=other, slug="elders", name="Project Elders")
    claim = ClaimFactory(
        organisation=Organisation.objects.get(slug="assen"),
        project=project,
        description="Declaratie Elders",
    )
    client.force_login(bureau_user)
    for url in ["/financien/", "/financien/projecten/", "/financien/projecten/?format=csv"]:
        assert "Elders" not in client.get(url).content.decode(), url
    assert client.get("/financien/projecten/elders/").status_code == 404
    assert client.get(f"/financien/declaraties/{claim.pk}/betaald/").status_code == 404
