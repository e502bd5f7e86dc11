"""Every body's page links to a calendar that works.

A public body links to its public feed (no sign-in: calendar apps fetch it); an internal
one (a core group, the bureau: `NOT_PUBLIC_BODY_KINDS`) has no public feed, so its page
links to the user's own subscription, which holds every meeting they are invited to. The
internal bodies' feed URL stays 404 (docs/security.md: no internal meetings in public
feeds). Once 17 of the 52 bodies linked to that 404.
"""

import re

import pytest
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.meetings.constants import NOT_PUBLIC_BODY_KINDS
from samenspel.organisations.models import Body

pytestmark = pytest.mark.django_db

CALENDAR_LINK = re.compile(r'href="(/overleggen/agenda/[^"]*)"')


def _calendar_links(client, body: Body) -> list[str]:
    response = client.get(reverse("organisations:body", args=[body.slug]))
    assert response.status_code == 200, body.slug
    return CALENDAR_LINK.findall(response.content.decode())


@pytest.mark.parametrize("username", ["lezer", "bureau"])
def test_the_calendar_link_of_every_body_works(client, vdg_demo_data, username):
    client.force_login(User.objects.get(username=username))
    bodies = list(Body.objects.filter(association=vdg_demo_data.association).order_by("slug"))
    assert len(bodies) > 40
    assert any(b.kind in NOT_PUBLIC_BODY_KINDS for b in bodies)
    anonymous = client.__class__()

    for body in bodies:
        links = _calendar_links(client, body)
        assert len(links) == 1, (body.slug, links)
        response = client.get(links[0])
        assert response.status_code == 200, (body.slug, links[0])

        if body.kind in NOT_PUBLIC_BODY_KINDS:
            assert links[0] == reverse("meetings:my_calendar"), body.slug
            feed = reverse("meetings:body_feed", args=[body.slug])
            assert anonymous.get(feed).status_code == 404, body.slug
            assert client.get(feed).status_code == 404, body.slug
        else:
            assert links[0] == reverse("meetings:body_feed", args=[body.slug]), body.slug
            assert response["Content-Type"].startswith("text/calendar"), body.slug
            # a calendar app has no session: the feed answers without one
            assert anonymous.get(links[0]).status_code == 200, body.slug
