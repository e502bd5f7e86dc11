"""Open data (/openbaar/data/): the files, what they must never show, and the catalogue."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.agenda.tests.factories import ProgressUpdateFactory
from samenspel.organisations.models import Association, Person
from samenspel.organisations.tenants import OpenDataLicence
from samenspel.web.tests.test_isolation import MARKER, association_b

FILES = {
    "opendata:agenda_json": "application/json",
    "opendata:afspraken_csv": "text/csv",
    "opendata:afspraken_json": "application/json",
    "opendata:besluitenlijsten_csv": "text/csv",
    "opendata:besluitenlijsten_json": "application/json",
    "opendata:vergaderschema_csv": "text/csv",
    "opendata:vergaderschema_json": "application/json",
    "opendata:catalogus": "application/ld+json",
    "api:netwerk": "application/json",
}
B_HOST = "voorbeeld.localhost"


@pytest.fixture
def today(settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"


def _everything(client, **extra) -> dict[str, str]:
    """Every file and the page, as text, by URL name."""
    names = [*FILES, "opendata:index"]
    return {name: client.get(reverse(name), **extra).content.decode() for name in names}


def _csv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_every_file_downloads_with_its_content_type(client, vdg_demo_data, today):
    for name, content_type in FILES.items():
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        assert response["Content-Type"].split(";")[0] == content_type, name
        assert response["Access-Control-Allow-Origin"] == "*", name
        if name.startswith("opendata:"):
            assert response["Cache-Control"] == "public, max-age=3600", name
        if content_type == "text/csv":
            rows = _csv(response.content.decode("utf-8"))
            assert len(rows) > 1 and len({len(r) for r in rows}) == 1, name  # header + rows
        else:
            json.loads(response.content)
    assert client.post(reverse("opendata:afspraken_csv")).status_code == 405


def test_the_page_names_every_file_its_licence_and_the_catalogue(client, vdg_demo_data, today):
    response = client.get(reverse("opendata:index"))
    page = response.content.decode()
    for name in FILES:
        assert f'href="http://testserver{reverse(name)}"' in page, name
    assert "CC0 1.0" in page and "creativecommons.org/publicdomain/zero/1.0" in page
    assert 'rel="alternate"; type="application/ld+json"' in response["Link"]
    public_page = client.get(reverse("public:index")).content.decode()
    assert f'href="{reverse("opendata:index")}"' in public_page


def test_agenda_json_has_the_agreements_and_statuses_of_the_public_page(
    client, vdg_demo_data, today
):
    agenda = client.get(reverse("opendata:agenda_json")).json()
    rows = client.get(reverse("public:index")).context["rows"]
    agreements = agenda["afspraken"]
    assert len(agreements) == vdg_demo_data.agreements.count() > 0
    for row in rows:
        slug = row.portfolio.slug if row.portfolio else None
        mine = [
            a
            for a in agreements
            if a["portefeuille"] == slug or (slug and slug in a["ookInPortefeuilles"])
        ]
        assert len(mine) == row.total, slug
        shown = {s.label: s.value for s in row.counts if s.value}
        assert dict(Counter(a["statusNaam"] for a in mine)) == shown, slug
    table = _csv(client.get(reverse("opendata:afspraken_csv")).content.decode())
    assert len(table) - 1 == len(agreements)


def test_no_file_shows_an_internal_update_or_a_person(client, vdg_demo_data, today):
    agreement = Agreement.objects.filter(agenda=vdg_demo_data).first()
    ProgressUpdateFactory(
        agreement=agreement, text="Intern: QWXINTERN nog niet delen", is_internal=True
    )
    public_texts = set(
        ProgressUpdate.objects.filter(is_internal=False).values_list("text", flat=True)
    )
    internal = [
        text
        for text in ProgressUpdate.objects.filter(is_internal=True).values_list("text", flat=True)
        if text not in public_texts
    ]
    people = Person.objects.filter(is_demo=True)
    secrets = [*internal, *(p.name for p in people), *(p.email for p in people if p.email)]
    secrets += [u.email for u in User.objects.exclude(email="")]
    assert "Intern: QWXINTERN nog niet delen" in secrets and len(secrets) > 10
    files = _everything(client)
    leaks = [(name, s) for name, text in files.items() for s in secrets if s in text]
    assert leaks == []
    assert json.loads(files["api:netwerk"])["organizations"]
    assert "persons" not in json.loads(files["api:netwerk"])


def test_the_network_names_people_to_who_takes_part_only(client, vdg_demo_data, today):
    client.force_login(User.objects.get(username="lezer"))
    network = client.get(reverse("api:netwerk")).json()
    assert network["persons"] and network["memberships"]
    assert {"organizations", "posts"} <= set(network)


def test_association_b_shows_only_in_its_own_files(client, vdg_demo_data, today):
    association_b()
    vdg = _everything(client)
    assert [name for name, text in vdg.items() if MARKER in text] == []
    b = _everything(client, HTTP_HOST=B_HOST)
    for name in ["opendata:agenda_json", "opendata:afspraken_csv", "opendata:vergaderschema_json"]:
        assert MARKER in b[name], name
    assert "IZA" in vdg["opendata:agenda_json"]  # the VDG's own agenda is there


def test_the_catalogue_names_every_file_and_each_answers(client, vdg_demo_data, today):
    data = json.loads(client.get(reverse("opendata:catalogus")).content)
    assert data["@type"] == "dcat:Catalog"
    assert data["dct:publisher"]["foaf:name"] == Association.objects.get(slug="vdg").name
    urls = set()
    for dataset in data["dcat:dataset"]:
        assert dataset["@type"] == "dcat:Dataset" and dataset["dct:title"]["@language"] == "nl"
        assert dataset["dcat:theme"]["@id"].endswith("data-theme/GOVE")
        for distribution in dataset["dcat:distribution"]:
            assert distribution["dct:license"]["@id"].endswith("licence/CC0")
            assert distribution["dcat:downloadURL"] == distribution["dcat:accessURL"]
            urls.add(distribution["dcat:downloadURL"]["@id"])
    expected = {
        f"http://testserver{reverse(name)}" for name in FILES if name != "opendata:catalogus"
    }
    assert urls == expected
    for url in urls:
        assert client.get(url.removeprefix("http://testserver")).status_code == 200, url
    agenda = next(d for d in data["dcat:dataset"] if d["@id"].endswith("#agenda"))
    assert agenda["dct:modified"]["@value"].startswith("20")


def test_the_licence_is_the_associations(client, vdg_demo_data, today):
    Association.objects.filter(slug="vdg").update(open_data_licence=OpenDataLicence.CC_BY)
    data = json.loads(client.get(reverse("opendata:catalogus")).content)
    assert data["dct:license"]["@id"].endswith("licence/CC_BY_4_0")
    assert "CC BY 4.0" in client.get(reverse("opendata:index")).content.decode()
    agenda = client.get(reverse("opendata:agenda_json")).json()
    assert agenda["licentie"]["naam"] == "CC BY 4.0"
    assert agenda["licentie"]["url"].startswith("https://creativecommons.org/licenses/by/4.0/")


def test_no_csv_cell_starts_a_formula(client, vdg_demo_data, today):
    agreement = Agreement.objects.filter(agenda=vdg_demo_data).first()
    agreement.title = '=HYPERLINK("http://example.org")'
    agreement.period_text = "-2024"
    agreement.save()
    names = [n for n, t in FILES.items() if t == "text/csv"]
    cells = [
        cell
        for name in names
        for row in _csv(client.get(reverse(name)).content.decode())
        for cell in row
    ]
    assert '\'=HYPERLINK("http://example.org")' in cells and "'-2024" in cells
    assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []
