"""Error pages are Dutch and inside the site layout, as production shows them (DEBUG off).

403 and 404 are rendered with the request (base.html, with the association's name);
400, 500 and the CSRF failure without it (500.html, self-contained). Each is fetched
through Django's client with real users.
"""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.views.defaults import permission_denied

from samenspel.agenda.tests.factories import AgreementFactory

pytestmark = pytest.mark.django_db

LAYOUT = ('class="samenspel-brand"', "Direct naar de inhoud", 'id="main"', "samenspel-footer")


def assert_in_layout(response, *texts: str) -> str:
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="nl"' in html
    for part in (*LAYOUT, "Samenspel", *texts):
        assert part in html, part
    for english in ("Forbidden", "Not Found", "Server Error", "Bad Request"):
        assert english not in html
    return html


def test_tests_run_with_debug_off(settings):
    assert settings.DEBUG is False


def test_a_reader_opening_an_edit_link_gets_the_dutch_403_page(client, reader_user):
    agreement = AgreementFactory()
    client.force_login(reader_user)

    response = client.get(reverse("agenda:agreement_edit", args=[agreement.slug]))

    assert response.status_code == 403
    html = assert_in_layout(
        response,
        "Geen toegang",
        "U mag deze pagina niet openen of deze wijziging niet doen.",
        # what the user may do, and whom to ask
        f"U bent ingelogd als {reader_user.get_full_name() or reader_user.username}",
        reverse("accounts:account"),
        "Vraag het bureau van Vereniging van Drentse Gemeenten",
    )
    # base.html with its context processors: the menu and the association in the header
    assert 'aria-label="Hoofdmenu"' in html
    assert "samenspel-brand__association" in html


def test_the_403_page_gives_the_reason_a_service_refuses_with(rf, reader_user):
    # A PermissionDenied with a message (reports/services.py) shows that message, through
    # the view Django calls for every PermissionDenied.
    request = rf.get("/rapportages/")
    request.user = reader_user
    reason = "U mag deze rapportage niet maken en bewaren."

    response = permission_denied(request, PermissionDenied(reason))

    assert response.status_code == 403
    html = response.content.decode()
    assert reason in html
    assert "U mag deze pagina niet openen" not in html


def test_an_unknown_address_gets_the_dutch_404_page(client, reader_user):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert_in_layout(response, "Pagina niet gevonden", reverse("public:index"))

    client.force_login(reader_user)
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    html = assert_in_layout(response, "Pagina niet gevonden", "Ga naar het overzicht")
    assert 'aria-label="Hoofdmenu"' in html


def test_an_object_that_does_not_exist_gets_the_dutch_404_page(client, reader_user):
    client.force_login(reader_user)
    response = client.get(reverse("agenda:agreement", args=["bestaat-niet"]))
    assert response.status_code == 404
    assert_in_layout(response, "Pagina niet gevonden")


@pytest.mark.urls("samenspel.web.tests.urlconf")
def test_a_failing_page_gets_the_dutch_500_page(client, reader_user):
    client.force_login(reader_user)
    client.raise_request_exception = False

    response = client.get("/test-fout/")

    assert response.status_code == 500
    html = assert_in_layout(response, "Er ging iets mis", "Wat u kunt doen:")
    assert "RuntimeError" not in html
    assert "on purpose" not in html


def test_the_500_page_needs_no_request_context():
    # django.views.defaults.server_error renders it with a plain, empty context.
    from django.template import loader

    html = loader.get_template("500.html").render()
    assert "Er ging iets mis" in html
    assert "Direct naar de inhoud" in html


def test_a_form_with_too_many_fields_gets_the_dutch_400_page(client, settings):
    data = {f"f{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    response = client.post(reverse("accounts:login"), data)
    assert response.status_code == 400
    assert_in_layout(response, "Ongeldige aanvraag")


def test_a_host_that_is_not_allowed_gets_the_dutch_400_page(client):
    client.raise_request_exception = False
    response = client.get("/", HTTP_HOST="niet-toegestaan.example")
    assert response.status_code == 400
    assert_in_layout(response, "Ongeldige aanvraag")


def test_a_form_without_its_csrf_token_gets_the_dutch_csrf_page(reader_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader_user)

    response = client.post(reverse("accounts:logout"))

    assert response.status_code == 403
    assert_in_layout(response, "Formulier verlopen", "vernieuw de pagina")
