"""The accessibility statement (/toegankelijkheid/): public, in the register's format,
rendering the facts of web/accessibility.py and the association's own contact data."""

import pytest
from django.urls import reverse

from samenspel.organisations.associations import association_default
from samenspel.web import accessibility

pytestmark = pytest.mark.django_db


@pytest.fixture
def association(db):
    association = association_default()
    association.contact_email = "info@vereniging.example"
    association.phone = "0592 123 456"
    association.save()
    return association


def test_the_statement_is_public_and_says_status_standard_and_dates(client, association):
    response = client.get(reverse("pages:accessibility"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Toegankelijkheidsverklaring" in page
    assert association.name in page
    assert "C — Eerste maatregelen genomen" in page
    assert "EN 301 549 / WCAG 2.1, niveau A en AA" in page
    assert accessibility.STATEMENT_DATE.isoformat() in page
    assert accessibility.EVALUATED_ON.isoformat() in page
    for status in accessibility.STATUSES:  # the register's five, ours marked
        assert f"{status.code} — {status.label}" in page
    assert "(onze status)" in page


def test_the_statement_renders_every_measure_and_limitation_of_the_module(client, association):
    page = client.get(reverse("pages:accessibility")).content.decode()
    items = accessibility.MEASURES_TAKEN + accessibility.MEASURES_PLANNED
    for item in items + accessibility.LIMITATIONS:
        assert str(item.title) in page.replace("&#x27;", "'")
    assert "Onderzoek door een onafhankelijke deskundige" in page
    assert "gepland vóór 1 juni 2027" in page  # status C: an audit within six months
    assert "PDF/UA" in page


def test_problems_go_to_the_association_and_complaints_to_the_ombudsman(client, association):
    page = client.get(reverse("pages:accessibility")).content.decode()
    assert 'href="mailto:info@vereniging.example"' in page
    assert 'href="tel:0592123456"' in page
    assert "binnen 5 werkdagen antwoord" in page
    assert "Nationale ombudsman" in page and accessibility.OMBUDSMAN_URL in page


def test_every_page_s_footer_links_the_statement(client, make_user):
    url = reverse("pages:accessibility")
    assert (
        f'href="{url}">Toegankelijkheid</a>'
        in client.get(reverse("accounts:login")).content.decode()
    )
    client.force_login(make_user("reader"))
    assert f'href="{url}">Toegankelijkheid</a>' in client.get("/").content.decode()
