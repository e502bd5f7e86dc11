"""The agenda through the API: the same data, filters and rules as its pages."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.agenda import selectors
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.api.testing import auth, token_for
from samenspel.organisations.models import Person
from samenspel.web.tests.test_isolation import MARKER, association_b

PORTFOLIO = "gezondheid-en-welzijn"  # chaired by voorzitter-gw

pytestmark = pytest.mark.usefixtures("_today")


@pytest.fixture
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"


def _agreement(agenda) -> Agreement:
    return Agreement.objects.filter(agenda=agenda, portfolio__slug=PORTFOLIO).order_by("pk")[0]


def _all(client, url: str, **extra) -> list[dict]:
    rows, page = [], 1
    while True:
        sep = "&" if "?" in url else "?"
        body = client.get(f"{url}{sep}paginaGrootte=100&pagina={page}", **extra).json()
        rows += body["resultaten"]
        if "next" not in body["_links"]:
            return rows
        page += 1


def _internal_update(agreement: Agreement) -> ProgressUpdate:
    return ProgressUpdate.objects.create(
        agreement=agreement,
        date=dt.date(2024, 6, 14),
        status="delayed",
        text="Intern: QQINTERN",
        is_internal=True,
    )


def test_anonymous_get_what_the_public_page_shows_signed_in_what_the_page_shows(
    client, vdg_demo_data
):
    agreement = _agreement(vdg_demo_data)
    _internal_update(agreement)
    url = f"/api/v1/afspraken/{agreement.pk}"

    public_page = client.get(reverse("public:agreement", kwargs={"slug": agreement.slug}))
    anonymous = client.get(url).json()
    assert anonymous["huidigeStatus"] == public_page.context["agreement"].current_status
    assert anonymous["huidigeStatus"] != "delayed"  # the internal update does not count
    updates = client.get(f"/api/v1/voortgang?afspraak={agreement.pk}").content.decode()
    assert "QQINTERN" not in updates

    client.force_login(User.objects.get(username="lezer"))
    page = client.get(reverse("agenda:agreement", kwargs={"slug": agreement.slug}))
    signed_in = client.get(url).json()
    assert signed_in["huidigeStatus"] == page.context["agreement"].current_status == "delayed"
    assert "QQINTERN" in client.get(f"/api/v1/voortgang?afspraak={agreement.pk}").content.decode()
    milestones = sorted(m.title for m in page.context["milestones"])
    assert sorted(m["titel"] for m in signed_in["mijlpalen"]) == milestones


def test_counts_and_filters_equal_the_list_page(client, vdg_demo_data):
    public = selectors.agreements_with_progress(vdg_demo_data.agreements.all(), public=True)
    assert client.get("/api/v1/afspraken").json()["aantal"] == public.count()

    lead = vdg_demo_data.agreements.exclude(political_lead=None)[0].political_lead.slug
    client.force_login(User.objects.get(username="lezer"))
    for page_query, api_query in [
        ("", ""),
        (f"portefeuille={PORTFOLIO}&status=on_track", f"portefeuille={PORTFOLIO}&status=on_track"),
        ("jaar=2024&te_laat=on", "jaar=2024&teLaat=true"),
        ("q=zorg", "q=zorg"),
        (f"trekker={lead}&stil=on", f"trekker={lead}&stil=true"),
    ]:
        page = client.get(f"{reverse('agenda:agreements')}?{page_query}")
        api = client.get(f"/api/v1/afspraken?{api_query}").json()
        assert api["aantal"] == page.context["page"].paginator.count, api_query
    assert client.get(f"/api/v1/afspraken?portefeuille={PORTFOLIO}").json()["aantal"] > 0


def test_a_bad_filter_or_sort_is_a_400_naming_it(client, vdg_demo_data):
    for query, name in [
        ("status=klaar", "status"),
        ("jaar=twee", "jaar"),
        ("sorteer=x", "sorteer"),
    ]:
        response = client.get(f"/api/v1/afspraken?{query}")
        assert response.status_code == 400
        assert response["Content-Type"] == "application/problem+json"
        assert [p["name"] for p in response.json()["invalidParams"]] == [name]
    assert client.get("/api/v1/voortgang?afspraak=abc").status_code == 400
    huge = client.get("/api/v1/voortgang?afspraak=" + "9" * 30)
    assert (huge.status_code, huge.json()["aantal"]) == (200, 0)


def test_fields_sorting_and_pagination_links(client, vdg_demo_data):
    response = client.get("/api/v1/afspraken?fields=titel,huidigeStatus&paginaGrootte=5&pagina=2")
    body = response.json()
    assert len(body["resultaten"]) == 5
    assert all(set(row) == {"url", "titel", "huidigeStatus"} for row in body["resultaten"])
    assert {"first", "prev", "next", "last"} <= set(body["_links"])
    assert 'rel="next"' in response["Link"]
    assert "pagina=3" in body["_links"]["next"]["href"]

    titles = [row["titel"] for row in _all(client, "/api/v1/afspraken?sorteer=-titel,id")]
    expected = vdg_demo_data.agreements.order_by("-title", "pk").values_list("title", flat=True)
    assert titles == list(expected)
    ids = [row["id"] for row in _all(client, "/api/v1/afspraken?sorteer=-id")]
    assert ids == sorted(ids, reverse=True)


def test_themes_and_portfolios_are_public_without_names_of_people(client, vdg_demo_data):
    themes = _all(client, "/api/v1/themas")
    assert len(themes) == vdg_demo_data.themes.count()
    portfolios = client.get("/api/v1/portefeuilles")
    rows = portfolios.json()["resultaten"]
    health = next(row for row in rows if row["code"] == PORTFOLIO)
    programme = vdg_demo_data.programmes.get(portfolio__slug=PORTFOLIO)
    assert health["beschrijving"] == programme.description
    text = portfolios.content.decode() + json.dumps(themes, ensure_ascii=False)
    text += json.dumps(_all(client, "/api/v1/afspraken"), ensure_ascii=False)
    names = Person.objects.filter(is_demo=True).values_list("name", flat=True)
    assert [name for name in names if name in text] == []


def _patch(client, url: str, data: dict, **extra):
    return client.patch(url, data=json.dumps(data), content_type="application/json", **extra)


def test_patch_needs_the_current_etag(client, vdg_demo_data):
    agreement = _agreement(vdg_demo_data)
    url = f"/api/v1/afspraken/{agreement.pk}"
    chair = auth(token_for("voorzitter-gw", "read", "progress:write"))
    etag = client.get(url, **chair)["ETag"]
    version = agreement.version

    assert _patch(client, url, {"titel": "Nieuw"}, **chair).status_code == 428
    stale = _patch(client, url, {"titel": "Nieuw"}, HTTP_IF_MATCH='"oud"', **chair)
    assert stale.status_code == 412
    assert stale["Content-Type"] == "application/problem+json"
    done = _patch(
        client, url, {"titel": "Nieuw", "planning": "Q3 2025"}, HTTP_IF_MATCH=etag, **chair
    )
    assert done.status_code == 200, done.content
    assert done.json()["titel"] == "Nieuw"
    assert done.json()["planningEinde"] == "2025-09-30"
    agreement.refresh_from_db()
    assert (agreement.title, agreement.version) == ("Nieuw", version + 1)
    # The ETag it answered is the new one; the old one is stale now.
    assert done["ETag"] == client.get(url, **chair)["ETag"] != etag
    again = _patch(client, url, {"titel": "Nog eens"}, HTTP_IF_MATCH=etag, **chair)
    assert again.status_code == 412


def test_patch_only_what_the_edit_page_changes_by_whom_it_may(client, vdg_demo_data):
    agreement = _agreement(vdg_demo_data)
    url = f"/api/v1/afspraken/{agreement.pk}"
    chair = auth(token_for("voorzitter-gw", "read", "progress:write"))
    etag = client.get(url, **chair)["ETag"]
    version = agreement.version
    refused = _patch(client, url, {"huidigeStatus": "done"}, HTTP_IF_MATCH=etag, **chair)
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["name"] == "huidigeStatus"

    other = auth(token_for("kerngroep-ekm", "read", "progress:write"))
    assert _patch(client, url, {"titel": "X"}, HTTP_IF_MATCH=etag, **other).status_code == 403
    reading = auth(token_for("voorzitter-gw", "read"))
    assert _patch(client, url, {"titel": "X"}, HTTP_IF_MATCH=etag, **reading).status_code == 403
    assert _patch(client, url, {"titel": "X"}, HTTP_IF_MATCH=etag).status_code == 401
    agreement.refresh_from_db()
    assert agreement.version == version


def _post(client, data: dict, **extra):
    return client.post(
        "/api/v1/voortgang", data=json.dumps(data), content_type="application/json", **extra
    )


def test_the_chair_adds_progress_and_the_page_shows_it(client, vdg_demo_data):
    agreement = _agreement(vdg_demo_data)
    link = f"http://testserver/api/v1/afspraken/{agreement.pk}"
    chair = auth(token_for("voorzitter-gw", "read", "progress:write"))
    etag = client.get(link, **chair)["ETag"]
    data = {"afspraak": link, "status": "on_track", "toelichting": "QQVOORTGANG via de API"}

    assert _post(client, data, HTTP_IF_MATCH='"oud"', **chair).status_code == 412
    response = _post(client, data, HTTP_IF_MATCH=etag, **chair)
    assert response.status_code == 201, response.content
    created = response.json()
    assert response["Location"] == created["url"]
    assert (created["status"], created["datum"], created["intern"]) == (
        "on_track",
        "2024-06-15",
        False,
    )
    assert client.get(created["url"]).json()["toelichting"] == "QQVOORTGANG via de API"

    client.force_login(User.objects.get(username="lezer"))
    page = client.get(reverse("agenda:agreement", kwargs={"slug": agreement.slug}))
    assert "QQVOORTGANG via de API" in [u.text for u in page.context["updates"]]
    assert page.context["agreement"].current_status == "on_track"
    # The update changed the agreement: its old ETag is stale for the next one.
    assert _post(client, data, HTTP_IF_MATCH=etag, **chair).status_code == 412


def test_progress_is_refused_as_on_the_page(client, vdg_demo_data):
    agreement = _agreement(vdg_demo_data)
    link = f"http://testserver/api/v1/afspraken/{agreement.pk}"
    data = {"afspraak": link, "status": "done", "toelichting": "Klaar"}
    other = auth(token_for("kerngroep-ekm", "read", "progress:write"))
    assert _post(client, data, **other).status_code == 403
    reading = auth(token_for("voorzitter-gw", "read"))
    assert _post(client, data, **reading).status_code == 403
    assert _post(client, data).status_code == 401

    chair = auth(token_for("voorzitter-gw", "read", "progress:write"))
    assert _post(client, data, **chair).status_code == 201
    bad = _post(client, {**data, "status": "stopped"}, **chair)  # done cannot become stopped
    assert bad.status_code == 400
    assert bad["Content-Type"] == "application/problem+json"
    assert [p["name"] for p in bad.json()["invalidParams"]] == ["status"]
    missing = _post(client, {"afspraak": link}, **chair)
    assert {p["name"] for p in missing.json()["invalidParams"]} == {"status", "toelichting"}
    assert agreement.updates.filter(text="Klaar").count() == 1


def test_association_b_is_seen_on_its_own_host_only(client, vdg_demo_data):
    association_b()
    for resource in ("afspraken", "themas", "portefeuilles", "voortgang"):
        here = json.dumps(_all(client, f"/api/v1/{resource}"), ensure_ascii=False)
        assert MARKER not in here, resource
        there = _all(client, f"/api/v1/{resource}", HTTP_HOST="voorbeeld.localhost")
        assert there, resource
        assert MARKER in json.dumps(there, ensure_ascii=False), resource
    b_agreement = Agreement.objects.filter(agenda__association__slug="voorbeeld").first()
    assert client.get(f"/api/v1/afspraken/{b_agreement.pk}").status_code == 404
    host_b = {"HTTP_HOST": "voorbeeld.localhost"}
    assert client.get(f"/api/v1/afspraken/{b_agreement.pk}", **host_b).status_code == 200
