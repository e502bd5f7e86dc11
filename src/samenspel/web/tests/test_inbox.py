"""The to-do inbox on the dashboard (issue 19): per role, on the demo at a fixed date,
exactly the expected items, each linking to a page that opens; an empty state for the
reader; a bounded, flat number of queries; nothing of another association."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.agenda.constants import Status
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate
from samenspel.agenda.selectors import months_before
from samenspel.capacity.models import RealisedHours
from samenspel.decisions.constants import Stage
from samenspel.decisions.models import Proposal
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.finance.models import Claim
from samenspel.meetings.constants import MeetingStatus
from samenspel.meetings.models import Meeting
from samenspel.meetings.tests.factories import MeetingFactory, aware
from samenspel.organisations.governance import governance_check
from samenspel.organisations.models import Association, Body, Organisation, Portfolio
from samenspel.web.inbox import SHOWN_PER_GROUP, Urgency, urgency_of
from samenspel.web.tests.test_isolation import MARKER, association_b

ROLES = [
    "bureau",
    "voorzitter-gw",
    "kerngroep-ekm",
    "accounthouder-assen",
    "accounthouder-emmen",
    "lezer",
]
CRISIS = "Crisisopvang: time-outplek Centrum Verstandelijke Beperking en Psychiatrie"
GGZ = "Wet verplichte GGZ: gezamenlijke inkoop en contractering"


def _inbox(html: str) -> str:
    """The inbox section of the dashboard."""
    return html.split('aria-labelledby="inbox-heading"', 1)[1].split("</section>\n\n", 1)[0]


def _groups(html: str) -> dict[str, list[tuple[str, str]]]:
    """Per group heading: the (title, link) of each item shown."""
    groups = {}
    for block in _inbox(html).split("<h3 ")[1:]:
        heading = unescape(re.search(r">(.*?) <span", block).group(1))
        items = re.findall(r'<li>\s*<a href="([^"]+)">(.*?)</a>', block)
        groups[heading] = [(unescape(title), unescape(url)) for url, title in items]
    return groups


def _dashboard(client, username: str) -> str:
    client.force_login(User.objects.get(username=username))
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def _gw_meeting(on: dt.date, days: int) -> Meeting:
    pho = Body.objects.get(association__slug="vdg", slug="pho-gw")
    return MeetingFactory(body=pho, starts_at=aware(on + dt.timedelta(days=days), 14))


def test_urgency_follows_the_deadline():
    on = dt.date(2024, 6, 15)
    assert urgency_of(dt.date(2024, 6, 14), on) == Urgency.OVERDUE
    assert urgency_of(on, on) == Urgency.SOON
    assert urgency_of(dt.date(2024, 6, 29), on) == Urgency.SOON
    assert urgency_of(dt.date(2024, 6, 30), on) == Urgency.OPEN
    assert urgency_of(None, on) == Urgency.OPEN


def test_account_holder_sees_what_their_college_must_decide_with_share_and_deadline(
    client, vdg_demo_data, settings
):
    """On 1 March 2023 the GGZ and crisis proposals are with every college (sent in
    January and February, deadline 30 June); each account holder sees their own share."""
    settings.SAMENSPEL_TODAY = "2023-03-01"
    html = _dashboard(client, "accounthouder-assen")
    inbox = _inbox(html)
    crisis = Proposal.objects.get(title=CRISIS)
    ggz = Proposal.objects.get(title=GGZ)

    def decide(proposal) -> str:
        participant = proposal.participants.get(organisation__slug="assen")
        return reverse("decisions:decide", args=[proposal.pk, participant.pk]) + "?next=/"

    assert _groups(html) == {
        "Besluiten van je college vastleggen": [(CRISIS, decide(crisis)), (GGZ, decide(ggz))]
    }
    assert "Aandeel van Gemeente Assen: €\xa033.210,44 (2023-2024)" in inbox
    assert "Aandeel van Gemeente Assen: €\xa012.453,92 (2023-2024)" in inbox
    assert inbox.count("vóór 30 juni 2023") == 2
    assert "Emmen" not in inbox
    assert "Mijn organisatie: Gemeente Assen" in html
    assert '<details class="samenspel-figures">' in html  # folded: the inbox comes first

    emmen = _inbox(_dashboard(client, "accounthouder-emmen"))
    assert "Aandeel van Gemeente Emmen: €\xa052.114,72 (2023-2024)" in emmen
    assert "Assen" not in emmen


def test_account_holder_is_asked_for_the_hours_of_a_quarter_not_filled_in(
    client, vdg_demo_data, settings
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    RealisedHours.objects.filter(organisation__slug="assen", year=2024, quarter=1).delete()
    html = _dashboard(client, "accounthouder-assen")
    url = reverse("capacity:record", kwargs={"org_slug": "assen"}) + "?jaar=2024"
    # By mid June 2024 Assen has decided every proposal of then; only the hours wait.
    assert _groups(html) == {"Gerealiseerde uren invullen": [("Uren van Q1 2024 invullen", url)]}
    assert "Uren van Q1" not in _inbox(_dashboard(client, "accounthouder-emmen"))


def _stale_titles(portfolio: Portfolio, on: dt.date) -> set[str]:
    """Running agreements of `portfolio` without an update in SAMENSPEL_STALE_MONTHS,
    worked out here from the updates themselves."""
    from django.conf import settings

    before = months_before(on, settings.SAMENSPEL_STALE_MONTHS)
    stale = set()
    for agreement in Agreement.objects.filter(agenda__association=portfolio.association).filter(
        portfolio=portfolio
    ):
        updates = ProgressUpdate.objects.filter(agreement=agreement, date__lte=on)
        latest = updates.order_by("-date", "-created_at", "-pk").first()
        finished = latest is not None and latest.status in (Status.DONE, Status.STOPPED)
        if not finished and (latest is None or latest.date < before):
            stale.add(agreement.title)
    return stale


@pytest.mark.parametrize(
    ("username", "slug"),
    [("voorzitter-gw", "gezondheid-en-welzijn"), ("kerngroep-ekm", "energie-klimaat-en-milieu")],
)
def test_chair_and_core_group_see_their_portfolios_work(
    client, vdg_demo_data, settings, username, slug
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    on = dt.date(2024, 6, 15)
    portfolio = Portfolio.objects.get(association__slug="vdg", slug=slug)
    meeting = _gw_meeting(on, 5)
    html = _dashboard(client, username)
    groups = _groups(html)

    overdue = Milestone.objects.filter(
        agreement__portfolio=portfolio, end__lt=on, reached_on__isnull=True
    ).order_by("end", "pk")
    assert [title for title, _ in groups.get("Mijlpalen over tijd", [])] == [
        m.title for m in overdue[:SHOWN_PER_GROUP]
    ]
    stale = _stale_titles(portfolio, on)
    shown = groups["Afspraken zonder recente update"]
    assert {title for title, _ in shown} <= stale
    assert len(shown) == min(len(stale), SHOWN_PER_GROUP)
    assert (
        f'Afspraken zonder recente update <span class="samenspel-inbox__count">({len(stale)})'
        in html
    )
    assert all(url.endswith("#progress") for _, url in shown)

    planned = Meeting.objects.filter(
        body__portfolio=portfolio,
        status=MeetingStatus.PLANNED,
        starts_at__gte=aware(on, 0),
        starts_at__lt=aware(on + dt.timedelta(days=29), 0),
    ).order_by("starts_at", "pk")
    first_per_body = {}
    for m in planned:
        first_per_body.setdefault(m.body_id, m)
    expected = sorted(first_per_body.values(), key=lambda m: (m.starts_at, m.pk))
    assert [url for _, url in groups.get("Vergaderingen voorbereiden", [])] == [
        m.get_absolute_url() for m in expected
    ]
    assert (meeting in expected) == (slug == "gezondheid-en-welzijn")
    assert f'href="{reverse("agenda:portfolio", kwargs={"slug": slug})}"' in html
    assert set(groups) <= {
        "Mijlpalen over tijd",
        "Afspraken zonder recente update",
        "Vergaderingen voorbereiden",
    }


def test_bureau_sees_proposals_meetings_claims_and_checks(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    on = dt.date(2024, 6, 15)
    vdg = Association.objects.get(slug="vdg")
    meeting = _gw_meeting(on, 5)
    html = _dashboard(client, "bureau")
    groups = _groups(html)
    inbox = _inbox(html)

    # Crisis care: nine colleges agreed, Emmen postponed, Tynaarlo and Westerveld did not
    # decide before 30 June 2023; every other demo proposal of then was decided.
    crisis = Proposal.objects.get(title=CRISIS)
    assert groups["Voorstellen die wachten op de colleges"] == [(CRISIS, crisis.get_absolute_url())]
    assert "9 van 12 besloten, 3 besluiten over tijd" in inbox
    assert groups["Agenda's nog te versturen"] == [
        (meeting.display_title, reverse("meetings:send", args=[meeting.pk]))
    ]
    claims = Claim.objects.filter(association=vdg, paid_on__isnull=True, sent_on__lte=on)
    shown = groups["Declaraties nog niet betaald"]
    assert [url for _, url in shown] == [
        reverse("finance:claim_paid", args=[c.pk])
        for c in claims.order_by("sent_on", "pk")[:SHOWN_PER_GROUP]
    ]
    assert (
        f'Declaraties nog niet betaald <span class="samenspel-inbox__count">({claims.count()})'
        in html
    )
    if claims.count() > SHOWN_PER_GROUP:
        assert f"en {claims.count() - SHOWN_PER_GROUP} meer" in inbox
    failing = [
        r.rule.title
        for r in governance_check(date=on, association=vdg)
        if r.enabled and not r.passed
    ]
    assert [title for title, _ in groups.get("Structuurregels die niet kloppen", [])] == failing
    assert set(groups) <= {
        "Voorstellen die wachten op de colleges",
        "Agenda's nog te versturen",
        "Declaraties nog niet betaald",
        "Structuurregels die niet kloppen",
    }
    assert '<details class="samenspel-figures" open>' in html


def test_reader_has_nothing_to_do(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    html = _dashboard(client, "lezer")
    assert _groups(html) == {}
    assert "Niets te doen." in _inbox(html)
    assert '<details class="samenspel-figures" open>' in html


@pytest.mark.parametrize("username", ROLES)
def test_every_link_in_the_inbox_opens_for_its_user(client, vdg_demo_data, settings, username):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    _gw_meeting(dt.date(2024, 6, 15), 5)
    RealisedHours.objects.filter(year=2024, quarter=1).delete()
    inbox = _inbox(_dashboard(client, username))
    links = [url.replace("&amp;", "&") for url in re.findall(r'href="([^"]+)"', inbox)]
    assert bool(links) == (username != "lezer")
    for url in links:
        assert client.get(url).status_code == 200, url


def _more_rows(on: dt.date) -> None:
    """One more of everything each inbox lists, for Assen, G&W and the bureau."""
    gw = Portfolio.objects.get(association__slug="vdg", slug="gezondheid-en-welzijn")
    for number in range(3):
        proposal = ProposalFactory(portfolio=gw, sent=True, decision_deadline=on)
        ParticipantFactory(proposal=proposal, organisation=Organisation.objects.get(slug="assen"))
        proposal.years.create(year=2024, amount=Decimal("1000.00"))
        _gw_meeting(on, 3 + number)
        Claim.objects.create(
            association=gw.association,
            organisation=Organisation.objects.get(slug="emmen"),
            year=2024,
            description=f"Extra {number}",
            amount=Decimal("10.00"),
            sent_on=on,
        )
        agreement = Agreement.objects.filter(portfolio=gw).first()
        Milestone.objects.create(
            agreement=agreement, title=f"Extra {number}", end=on - dt.timedelta(1)
        )
    RealisedHours.objects.filter(year=2024, quarter=1).delete()


@pytest.mark.parametrize("username", ROLES)
def test_dashboard_queries_are_bounded_and_do_not_grow_with_rows(
    client, vdg_demo_data, settings, username, django_assert_max_num_queries
):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    client.force_login(User.objects.get(username=username))
    client.get("/")  # warm the session and the caches

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    before = count()
    _more_rows(dt.date(2024, 6, 15))
    with django_assert_max_num_queries(40):
        assert client.get("/").status_code == 200
    assert count() == before


def test_nothing_of_another_association_reaches_the_inbox(client, vdg_demo_data, settings):
    """The bureau also works for the example association; its proposal with the colleges,
    its meeting and its claim stay out of the VDG's inbox, as for every other role."""
    settings.SAMENSPEL_TODAY = "2024-06-15"
    b = association_b()
    Proposal.objects.filter(title__startswith=MARKER).update(
        stage=Stage.SENT,
        pho_decided_on=dt.date(2024, 5, 1),
        sent_on=dt.date(2024, 5, 2),
        decision_deadline=dt.date(2024, 6, 1),
    )
    Claim.objects.create(
        association=b,
        organisation=Organisation.objects.get(slug="ons-dorp"),
        year=2024,
        description=f"{MARKER} declaratie",
        amount=Decimal("10.00"),
        sent_on=dt.date(2024, 2, 1),
    )
    assert Meeting.objects.filter(body__association=b, status=MeetingStatus.PLANNED).exists()
    for username in ROLES:
        assert MARKER not in _dashboard(client, username), username
