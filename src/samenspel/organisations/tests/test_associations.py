"""Associations: the agenda file names its association, and a request's host picks one."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError

from samenspel.agenda import agenda_file
from samenspel.agenda.export import agenda_export
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agenda
from samenspel.organisations.associations import (
    ROUTES_CACHE_KEY,
    association_for_host,
    association_site_url,
    hostname_of,
)
from samenspel.organisations.constants import AssociationKind
from samenspel.organisations.models import Association, AssociationHost

# The small complete example of docs/agenda-format.md, as a fictitious association.
EXAMPLE = """format: samenspel-agenda/1
association:
  slug: voorbeeld
  name: Vereniging van Voorbeeldgemeenten
  short_name: VVG
  kind: regional
  is_example: true
  hostnames: [voorbeeld.samenspel.example]
organisations:
  - {slug: ons-dorp, name: Gemeente Ons Dorp, kind: municipality, member: true}
portfolios:
  - {slug: wonen, name: Wonen, abbreviation: W, order: 1}
agenda:
  slug: voorbeeld-2025-2028
  name: Voorbeeldagenda 2025-2028
  period_start: 2025-01-01
  period_end: 2028-12-31
"""


@pytest.fixture
def routes():
    """The routing table is cached; every test here starts and ends without it."""
    cache.delete(ROUTES_CACHE_KEY)
    yield
    cache.delete(ROUTES_CACHE_KEY)


def _example(tmp_path, text: str = EXAMPLE):
    path = tmp_path / "voorbeeld.yaml"
    path.write_text(text)
    return agenda_file.read(path)


def test_the_vdg_file_names_its_association(vdg_data):
    vdg = Association.objects.get(slug="vdg")
    assert (vdg.name, vdg.short_name, vdg.kind) == (
        "Vereniging van Drentse Gemeenten",
        "VDG",
        AssociationKind.PROVINCIAL,
    )
    assert vdg_data.association == vdg
    assert agenda_export(vdg_data)["association"] == {
        "slug": "vdg",
        "name": "Vereniging van Drentse Gemeenten",
        "short_name": "VDG",
        "kind": "provincial",
    }


def test_loading_an_association_twice_changes_nothing(db, tmp_path):
    first = agenda_file_load(_example(tmp_path))
    assert first.created["Association"] == 1
    assert first.created["AssociationHost"] == 1
    again = agenda_file_load(_example(tmp_path))
    assert not again.changed
    agenda = Agenda.objects.get(slug="voorbeeld-2025-2028")
    assert agenda.association.is_example
    exported = agenda_export(agenda)["association"]
    assert exported["hostnames"] == ["voorbeeld.samenspel.example"]
    assert exported["is_example"] is True


def test_a_file_without_association_goes_to_the_default_one(db, tmp_path, settings):
    settings.SAMENSPEL_DEFAULT_ASSOCIATION = "oud"
    settings.SAMENSPEL_ASSOCIATION_NAME = "Vereniging van vóór de samenwerkingsverbanden"
    # The example as written before associations: without its `association:` block.
    old_file = (
        EXAMPLE.split("association:")[0] + "organisations:" + EXAMPLE.split("organisations:")[1]
    )
    agenda_file_load(_example(tmp_path, old_file))
    agenda = Agenda.objects.get(slug="voorbeeld-2025-2028")
    assert agenda.association.slug == "oud"
    assert agenda.association.name == "Vereniging van vóór de samenwerkingsverbanden"


def test_a_bad_association_block_is_refused_in_dutch(db, tmp_path):
    bad = EXAMPLE.replace("kind: regional", "kind: provinciaal").replace(
        "[voorbeeld.samenspel.example]", "[https://Voorbeeld.nl]"
    )
    with pytest.raises(agenda_file.AgendaFileError) as error:
        _example(tmp_path, bad)
    paths = {p.path for p in error.value.problems}
    assert {"/association/kind", "/association/hostnames/0"} <= paths
    assert not Association.objects.filter(slug="voorbeeld").exists()


def test_a_hostname_is_lower_case_without_scheme_or_port(db):
    association = Association.objects.create(slug="x", name="X", short_name="X")
    for wrong in ("https://x.nl", "X.nl", "x.nl:8000", "-x.nl"):
        with pytest.raises(ValidationError, match="kleine letters"):
            AssociationHost(association=association, hostname=wrong).full_clean()
    AssociationHost(association=association, hostname="x.samenspel.nl").full_clean()


@pytest.mark.parametrize(
    ("host", "hostname"),
    [("Vdg.Example.nl:8000", "vdg.example.nl"), ("[::1]:8000", "::1"), ("a.nl.", "a.nl")],
)
def test_hostname_of(host, hostname):
    assert hostname_of(host) == hostname


def test_one_association_is_served_on_every_host(vdg_data, routes, client, settings):
    settings.ALLOWED_HOSTS = ["*"]
    assert Association.objects.count() == 1
    for host in ("localhost", "samenspel.example.org", "vdg.localhost"):
        response = client.get("/openbaar/", HTTP_HOST=host)
        assert response.status_code == 200
        assert response.context["association"].slug == "vdg"
        assert "Vereniging van Drentse Gemeenten" in response.content.decode()


@pytest.fixture
def two_associations(vdg_data, routes, settings):
    settings.ALLOWED_HOSTS = ["*"]
    other = Association.objects.create(
        slug="twente", name="Regio Twente (voorbeeld)", short_name="Twente", is_example=True
    )
    AssociationHost.objects.create(association=other, hostname="twente.samenspel.example")
    AssociationHost.objects.create(
        association=Association.objects.get(slug="vdg"), hostname="vdg.samenspel.example"
    )
    return other


@pytest.mark.parametrize(
    ("host", "slug"),
    [
        ("twente.samenspel.example", "twente"),
        ("TWENTE.samenspel.example:443", "twente"),
        ("vdg.samenspel.example", "vdg"),
        ("twente.localhost:8000", "twente"),  # development
        ("vdg.localhost:8000", "vdg"),
        ("onbekend.example", "vdg"),  # SAMENSPEL_DEFAULT_ASSOCIATION
    ],
)
def test_the_host_picks_the_association(two_associations, client, host, slug):
    response = client.get("/inloggen/", HTTP_HOST=host)
    assert response.status_code == 200
    assert response.context["association"].slug == slug
    page = response.content.decode()
    if slug == "twente":
        assert "Regio Twente (voorbeeld)" in page
        assert "Voorbeeld: Regio Twente (voorbeeld) is verzonnen" in page
    else:
        assert "Voorbeeld:" not in page


def test_an_unknown_host_without_default_lists_the_associations(two_associations, client, settings):
    settings.SAMENSPEL_DEFAULT_ASSOCIATION = "bestaat-niet"
    response = client.get("/openbaar/", HTTP_HOST="onbekend.example")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Op dit adres (onbekend.example) werkt geen samenwerkingsverband" in page
    assert 'href="//twente.samenspel.example/"' in page
    assert 'href="//vdg.samenspel.example/"' in page
    # The health check answers on any host.
    assert client.get("/healthz", HTTP_HOST="onbekend.example").status_code == 200


def test_a_new_hostname_is_routed_at_once(two_associations, django_assert_num_queries):
    assert association_for_host("nieuw.samenspel.example").slug == "vdg"
    AssociationHost.objects.create(association=two_associations, hostname="nieuw.samenspel.example")
    assert association_for_host("nieuw.samenspel.example") == two_associations
    with django_assert_num_queries(0):  # the table is cached between requests
        association_for_host("nieuw.samenspel.example")


def test_association_hosts_under_localhost_are_allowed_in_development(vdg_data, routes, client):
    # The default ALLOWED_HOSTS lets `<slug>.localhost` through, as docs/associations.md says.
    response = client.get("/openbaar/", HTTP_HOST="vdg.localhost:8000")
    assert response.status_code == 200
    assert response.context["association"].slug == "vdg"


def test_mail_links_use_the_associations_own_address(two_associations, settings):
    """Mail is sent without a request: its links go to the association's first hostname,
    or `<slug>.localhost` on a development site URL, keeping the site URL's scheme and port."""
    vdg = Association.objects.get(slug="vdg")
    settings.SAMENSPEL_SITE_URL = "https://samenspel.example"
    assert association_site_url(two_associations) == "https://twente.samenspel.example"
    assert association_site_url(vdg) == "https://vdg.samenspel.example"
    settings.SAMENSPEL_SITE_URL = "http://localhost:8000"
    assert association_site_url(two_associations) == "http://twente.samenspel.example:8000"
    bare = Association.objects.create(slug="drenthe-zuid", name="Zuid", short_name="Z")
    cache.delete(ROUTES_CACHE_KEY)
    assert association_site_url(bare) == "http://drenthe-zuid.localhost:8000"
    settings.SAMENSPEL_SITE_URL = "https://samenspel.example"
    assert association_site_url(bare) == "https://samenspel.example"  # no hostname: the site


def test_one_association_mails_with_the_site_url(vdg_data, routes, settings):
    settings.SAMENSPEL_SITE_URL = "https://vdg.example"
    assert association_site_url(Association.objects.get(slug="vdg")) == "https://vdg.example"
