"""Out-of-range years and dates in URLs, queries and forms give a 404 or a Dutch message,
never a server error (500)."""

import datetime as dt

import pytest
from django.http import Http404

from samenspel.core.dates import date_from, year_from, year_or_404

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau(client, bureau_user):
    client.force_login(bureau_user)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("year", [0, 1, 1999, 2101, 10000, 99999999999])
@pytest.mark.parametrize("query", ["", "?format=csv", "?format=xlsx", "?format=ics"])
def test_schedule_outside_the_years_is_404(bureau, year, query):
    assert bureau.get(f"/overleggen/planning/{year}/{query}").status_code == 404


def test_schedule_in_range_still_shows(bureau):
    assert bureau.get("/overleggen/planning/2000/").status_code == 200
    assert bureau.get("/overleggen/planning/2100/").status_code == 200


def test_schedule_generate_outside_the_years_is_404(bureau):
    assert bureau.post("/overleggen/planning/10000/genereren/").status_code == 404


@pytest.mark.parametrize("year", [0, 10000, 99999999999])
def test_contributions_outside_the_years_is_404(bureau, year):
    assert bureau.get(f"/financien/bijdragen/{year}/").status_code == 404


@pytest.mark.parametrize("value", ["99999999999999", "10000", "0", "abc", "-5"])
def test_year_query_falls_back_to_this_year(bureau, value):
    assert bureau.get(f"/inzet/?jaar={value}").status_code == 200
    assert bureau.get(f"/overleggen/openbaar/?jaar={value}").status_code == 200


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01", "2027-02-30", "gisteren"])
def test_structure_date_falls_back_to_today(bureau, value):
    assert bureau.get(f"/organisaties/?datum={value}").status_code == 200


@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
@pytest.mark.parametrize(
    "query",
    ["kwartaal/?", "jaar/?", "evaluatie/?", "lid/?organisatie=assen&"],
)
def test_report_date_out_of_range_is_a_dutch_message(bureau, vdg_data, query, value):
    response = bureau.get(f"/rapportages/{query}peildatum={value}")
    assert response.status_code == 200
    assert "Kies een peildatum van 2000 tot en met 2100." in response.content.decode()


def test_report_make_date_out_of_range_is_a_dutch_message(bureau, vdg_data):
    response = bureau.post(
        "/rapportages/kwartaal/maken/", {"peildatum": "9999-12-31", "formaat": "pdf"}, follow=True
    )
    assert response.status_code == 200
    assert "Kies een geldige peildatum" in response.content.decode()


def test_report_in_range_still_builds(bureau, vdg_data):
    response = bureau.get("/rapportages/kwartaal/?peildatum=2024-06-30")
    assert response.status_code == 200
    assert "Kies een peildatum van" not in response.content.decode()


def test_helpers():
    with pytest.raises(Http404):
        year_or_404(10000)
    assert year_or_404(2024) == 2024
    assert year_from("2024") == 2024
    assert year_from("10000", default=2030) == 2030
    assert year_from(None, default=2030) == 2030
    assert date_from("2024-02-29") == dt.date(2024, 2, 29)
    assert date_from("9999-12-31", default=dt.date(2024, 1, 1)) == dt.date(2024, 1, 1)
    assert date_from("2027-02-30", default=dt.date(2024, 1, 1)) == dt.date(2024, 1, 1)
