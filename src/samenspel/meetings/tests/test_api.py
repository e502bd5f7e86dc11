"""The overleggen resource: the public sees what /overleggen/openbaar/ shows, who takes
part sees the meeting page's agenda, confidential documents only who may read them."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.api.testing import auth, token_for
from samenspel.meetings import selectors
from samenspel.meetings.constants import NOT_PUBLIC_BODY_KINDS, MinutesStatus
from samenspel.meetings.models import AgendaDocument, AgendaItem, Meeting
from samenspel.organisations.associations import association_default
from samenspel.web.tests.test_isolation import MARKER, association_b

pytestmark = pytest.mark.django_db
LIST = "/api/v1/overleggen"
PUBLIC_FIELDS = {"url", "id", "overleg", "begint", "eindigt", "status", "statusNaam"}
PUBLIC_FIELDS |= {"besluitenlijst"}


@pytest.fixture
def demo(vdg_demo_data):
    return vdg_demo_data  # its meetings are around the real today: years come from the data


def _all(client, url, **headers):
    """Every row of a list, following its pages."""
    rows, next_url = [], url
    while next_url:
        response = client.get(next_url, **headers)
        assert response.status_code == 200, response.content
        body = response.json()
        rows += body["resultaten"]
        next_url = body["_links"].get("next", {}).get("href")
    return rows


def _year() -> int:
    """A year of the demo with public decisions (approved minutes)."""
    approved = Meeting.objects.filter(minutes__status=MinutesStatus.APPROVED).order_by("pk")
    return approved.first().date.year


def _decided_public_meeting() -> Meeting:
    decisions = selectors.public_decisions(association=association_default(), year=_year())
    return decisions.first().item.meeting


def test_anonymous_sees_exactly_the_public_schedule(client, demo):
    year = _year()
    rows = _all(client, f"{LIST}?jaar={year}&paginaGrootte=100")
    public = selectors.public_schedule(association=association_default(), year=year)
    assert [r["id"] for r in rows] == [m.pk for m in public]
    assert rows and all(set(r) == PUBLIC_FIELDS for r in rows)
    internal = Meeting.objects.filter(body__kind__in=NOT_PUBLIC_BODY_KINDS).first()
    assert client.get(f"{LIST}/{internal.pk}").status_code == 404
    assert client.get(f"{LIST}/{internal.pk}/besluitenlijst").status_code == 404
    # Times carry their offset (ISO 8601 with time zone).
    assert rows[0]["begint"].endswith(("+01:00", "+02:00"))


def test_signed_in_sees_the_agenda_as_on_the_meeting_page(client, demo):
    meeting = _decided_public_meeting()
    key = token_for("lezer", "read")
    body = client.get(f"{LIST}/{meeting.pk}", **auth(key)).json()
    items = selectors.meeting_items(meeting=meeting)
    assert [(p["nummer"], p["titel"]) for p in body["agendapunten"]] == [
        (n, item.title) for n, item in enumerate(items, start=1)
    ]
    assert body["titel"] == meeting.display_title and body["plaats"] == meeting.place
    decided = [p for p in body["agendapunten"] if p["uitkomst"] and p["uitkomst"]["besluitnummer"]]
    assert decided, "the demo meeting has numbered decisions"


def test_decision_list_is_public_only_as_the_public_page_shows_it(client, demo):
    meeting = _decided_public_meeting()
    page = client.get(reverse("meetings:public"), {"jaar": meeting.date.year})
    on_page = [d.reference for d in page.context["decisions"] if d.item.meeting_id == meeting.pk]
    url = f"{LIST}/{meeting.pk}/besluitenlijst"
    listed = client.get(url).json()["besluiten"]
    assert [d["nummer"] for d in listed] == on_page and on_page
    # A confidential item leaves the public list, not the one of who takes part.
    item = AgendaItem.objects.get(outcome__reference=on_page[0])
    item.is_confidential = True
    item.save()
    assert on_page[0] not in [d["nummer"] for d in client.get(url).json()["besluiten"]]
    staff = client.get(url, **auth(token_for("bureau", "read"))).json()["besluiten"]
    assert on_page[0] in [d["nummer"] for d in staff]


def test_decisions_of_unapproved_minutes_are_not_public(client, demo):
    meeting = _decided_public_meeting()
    meeting.minutes.status = "marked"
    meeting.minutes.save()
    assert client.get(f"{LIST}/{meeting.pk}/besluitenlijst").json()["besluiten"] == []
    staff = client.get(f"{LIST}/{meeting.pk}/besluitenlijst", **auth(token_for("bureau")))
    assert staff.json()["besluiten"]


def test_confidential_documents_never_reach_who_may_not_read_them(client, demo):
    meeting = _decided_public_meeting()
    item = AgendaItem.objects.filter(meeting=meeting).first()
    for title, confidential in (("Openbare notitie", False), ("Geheime notitie", True)):
        document = AgendaDocument.objects.create(
            item=item, title=title, is_confidential=confidential
        )
        document.versions.create(
            number=1, filename="n.pdf", size=4, file=ContentFile(b"%PDF", name="n.pdf")
        )

    def documents(username):
        client.force_login(User.objects.get(username=username))
        body = client.get(f"{LIST}/{meeting.pk}").json()
        point = next(p for p in body["agendapunten"] if p["titel"] == item.title)
        return {d["titel"]: d for d in point["stukken"]}

    assert set(documents("lezer")) == {"Openbare notitie"}
    version = item.documents.get(title="Openbare notitie").versions.get()
    link = reverse("meetings:download", kwargs={"pk": version.pk})
    assert documents("lezer")["Openbare notitie"]["url"].endswith(link)
    assert set(documents("bureau")) == {"Openbare notitie", "Geheime notitie"}
    item.is_confidential = True  # then every document of the item is confidential
    item.save()
    assert documents("lezer") == {}
    assert set(documents("bureau")) == {"Openbare notitie", "Geheime notitie"}
    client.logout()
    assert b"notitie" not in client.get(f"{LIST}/{meeting.pk}").content


def test_filters_and_sorting(client, demo):
    key = auth(token_for("bureau", "read"))
    meeting = _decided_public_meeting()
    day = meeting.date.isoformat()
    rows = _all(client, f"{LIST}?vanaf={day}&totEnMet={day}&overleg={meeting.body.slug}", **key)
    assert [r["id"] for r in rows] == [meeting.pk]
    newest = client.get(f"{LIST}?jaar={_year()}&sorteer=-begint", **key).json()["resultaten"]
    starts = [r["begint"] for r in newest]
    assert starts == sorted(starts, reverse=True)
    response = client.get(f"{LIST}?vanaf=gisteren", **key)
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert [p["name"] for p in response.json()["invalidParams"]] == ["vanaf"]


def test_association_b_is_never_visible_on_the_vdg_host(client, demo):
    association_b()
    b_meeting = Meeting.objects.get(place__startswith=MARKER)
    key = auth(token_for("bureau", "read"))
    rows = _all(client, f"{LIST}?paginaGrootte=100", **key)
    assert b_meeting.pk not in [r["id"] for r in rows]
    assert client.get(f"{LIST}/{b_meeting.pk}", **key).status_code == 404
    assert client.get(f"{LIST}/{b_meeting.pk}/besluitenlijst").status_code == 404
    assert MARKER not in str(rows) + str(_all(client, f"{LIST}?paginaGrootte=100"))
