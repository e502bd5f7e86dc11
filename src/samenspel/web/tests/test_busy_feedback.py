"""Feedback on slow work, the server's half: a download requested with a token (`klaar=`)
returns it as a cookie, so the page knows the file has arrived (web/middleware.py)."""

import pytest
from django.urls import reverse

from samenspel.accounts.models import User

COOKIE = "samenspel_klaar"


@pytest.fixture
def bureau_client(client, vdg_demo_data):
    client.force_login(User.objects.get(username="bureau"))
    return client


def test_a_download_returns_its_token_as_a_cookie(bureau_client):
    response = bureau_client.get("/voorstellen/?format=csv&klaar=abc123def4")
    assert response["Content-Disposition"].startswith("attachment")
    cookie = response.cookies[COOKIE]
    assert cookie.value == "abc123def4"
    assert cookie["max-age"] == 60
    assert cookie["samesite"] == "Lax"


@pytest.mark.parametrize(
    "query",
    [
        "?klaar=abc123def4",  # a page, not a file
        "?format=csv&klaar=<script>",  # not a token
        "?format=csv&klaar=abc",  # too short
        "?format=csv",  # no token asked
    ],
)
def test_no_cookie_without_a_file_and_a_well_formed_token(bureau_client, query):
    response = bureau_client.get("/voorstellen/" + query)
    assert response.status_code == 200
    assert COOKIE not in response.cookies


def test_a_form_whose_work_is_done_returns_its_token_on_the_redirect(bureau_client):
    response = bureau_client.post(
        reverse("reports:make", kwargs={"kind": "kwartaal"}),
        {"peildatum": "not a date", "klaar": "abc123def4"},
    )
    assert response.status_code == 302  # back to the page, with the message
    assert response.cookies[COOKIE].value == "abc123def4"


def test_slow_links_and_forms_are_marked(bureau_client):
    from samenspel.decisions.models import Proposal

    proposal = Proposal.objects.filter(participants__isnull=False).first()
    page = bureau_client.get(reverse("decisions:detail", args=[proposal.pk])).content.decode()
    # All college proposals in a ZIP are a background job now (its page shows the state):
    # no busy marking; the single documents stay in the request.
    assert 'data-busy="Bezig: de collegevoorstellen worden gemaakt.' not in page
    # Choosing a date (the report is put together in the request) on the report's page
    # and on the list of reports; making the file is marked once a report is shown.
    report = bureau_client.get(reverse("reports:page", kwargs={"kind": "kwartaal"}))
    assert report.content.decode().count("data-busy=") == 1
    listed = bureau_client.get(reverse("reports:list")).content.decode()
    assert listed.count("data-busy=") == listed.count('<form method="get" action="/rapportages/')
    assert listed.count("data-busy=") >= 5
    assert "samenspel/busy.js" in page
