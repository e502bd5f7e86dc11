"""Site search (issue 19, part 6a): the field in every header, `/zoeken/?q=…` per role.

Who asks decides what is searched: the roles of the demo find agreements, proposals,
meetings, documents they may read, organisations and people; anonymous visitors and
signed-in users without a role here only the public agreement pages. Nothing of another
association is ever found, typed text is escaped around the highlighting, and a search
costs a fixed number of queries whatever the number of hits.
"""

from __future__ import annotations

import datetime as dt
import re
from html import unescape

import pytest
from django.urls import reverse

from samenspel.accounts.meeting_permissions import can_read_document
from samenspel.accounts.models import User
from samenspel.accounts.permissions import bind_roles
from samenspel.agenda.models import Agreement
from samenspel.decisions.tests.factories import ProposalFactory
from samenspel.meetings.models import AgendaDocument, Invitation
from samenspel.meetings.search import readable_documents
from samenspel.meetings.tests.factories import AgendaItemFactory, MeetingFactory, aware
from samenspel.organisations.models import Association, Body, Membership, Portfolio
from samenspel.organisations.tests.factories import MembershipFactory, PersonFactory, PostFactory
from samenspel.web.search import MAX_LENGTH, SHOWN_PER_GROUP, highlight, query_terms, terms_q
from samenspel.web.tests.test_isolation import MARKER, association_b

URL = "/zoeken/"
CRISIS = "GGZ: crisisopvang, time-outplek"  # an agreement; a proposal starts "Crisisopvang"
GW = "gezondheid-en-welzijn"


def _search(client, query: str, username: str | None = None) -> str:
    if username:
        client.force_login(User.objects.get(username=username))
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def _groups(html: str) -> dict[str, list[tuple[str, str]]]:
    """Per group heading ("Afspraken"): the (text, link) of each hit, marks removed."""
    main = html.split('<main id="main"', 1)[1]
    groups = {}
    for block in main.split('<section class="samenspel-search__group"')[1:]:
        heading = unescape(re.search(r"<h2[^>]*>(.*?) <span", block).group(1))
        hits = re.findall(r'<li><a href="([^"]+)">(.*?)</a>', block)
        groups[heading] = [
            (unescape(re.sub(r"</?mark>", "", text)), unescape(url)) for url, text in hits
        ]
    return groups


def _agreement() -> Agreement:
    return Agreement.objects.get(agenda__association__slug="vdg", title=CRISIS)


def _titles(html: str, heading: str) -> list[str]:
    return [title for title, _url in _groups(html).get(heading, [])]


@pytest.fixture
def gw_meeting(vdg_demo_data):
    """A meeting of the GW portfolio's body with an open and two confidential documents
    whose titles say "zoekproef", and one on a parked (not yet scheduled) item."""
    body = Body.objects.filter(association__slug="vdg", portfolio__slug=GW).first()
    meeting = MeetingFactory(
        body=body, title="Zoekproef overleg", starts_at=aware(dt.date(2024, 5, 2))
    )
    item = AgendaItemFactory(meeting=meeting, title="Stand van zaken")
    secret_item = AgendaItemFactory(meeting=meeting, title="Besloten punt", is_confidential=True)
    parked = AgendaItemFactory(meeting=None, body=body, title="Later", is_confidential=True)
    docs = {
        "open": AgendaDocument.objects.create(item=item, title="Zoekproef open notitie"),
        "secret": AgendaDocument.objects.create(
            item=item, title="Zoekproef geheime notitie", is_confidential=True
        ),
        "secret_item": AgendaDocument.objects.create(
            item=secret_item, title="Zoekproef notitie bij besloten punt"
        ),
        "parked": AgendaDocument.objects.create(item=parked, title="Zoekproef geparkeerd stuk"),
    }
    return meeting, docs


# --- the field and the page's messages ---------------------------------------------------


def test_every_header_has_the_search_field(client, vdg_demo_data):
    for url in (reverse("public:index"), reverse("accounts:login")):
        html = client.get(url).content.decode()
        header = html.split("<header", 1)[1].split("</header>", 1)[0]
        assert 'role="search"' in header and 'type="search" name="q"' in header, url
        assert 'for="samenspel-search-q">Zoeken</label>' in header
    client.force_login(User.objects.get(username="lezer"))
    header = client.get("/").content.decode().split("</header>", 1)[0]
    assert f'action="{URL}"' in header


def test_the_query_stays_in_the_field_and_names_the_results(client, vdg_demo_data):
    html = _search(client, "crisisopvang", "lezer")
    assert 'name="q" value="crisisopvang"' in html
    assert "<h1>Zoekresultaten voor 'crisisopvang'</h1>" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Typ minstens 2 tekens om te zoeken."),
        ("a", "Typ minstens 2 tekens om te zoeken."),
        ("x" * (MAX_LENGTH + 1), f"Je zoekopdracht is {MAX_LENGTH + 1} tekens lang"),
    ],
)
def test_empty_short_and_long_queries_say_so_and_do_not_search(
    client, vdg_demo_data, query, message, django_assert_max_num_queries
):
    client.force_login(User.objects.get(username="bureau"))
    client.get("/")  # the session and the routing table
    with django_assert_max_num_queries(8):  # no source is asked
        html = client.get(URL, {"q": query}).content.decode()
    assert message in html
    assert "Zoekresultaten voor" not in html


def test_nothing_found_says_what_to_try(client, vdg_demo_data):
    html = _search(client, "crisisopvang qqqzzz", "lezer")  # every term has to match
    assert "Niets gevonden voor 'crisisopvang qqqzzz'. Zoek op een deel van een woord" in html
    assert _groups(html) == {}


# --- what each role finds ------------------------------------------------------------------


def test_a_reader_finds_every_kind(client, vdg_demo_data, gw_meeting):
    portfolio = Portfolio.objects.get(association__slug="vdg", slug=GW)
    ProposalFactory(portfolio=portfolio, title="Zoekproef voorstel", pho_reference="PHO-77")
    html = _search(client, "zoekproef", "lezer")
    groups = _groups(html)
    assert _titles(html, "Voorstellen") == ["Zoekproef voorstel"]
    assert _titles(html, "Vergaderingen") == ["Zoekproef overleg"]
    assert _titles(html, "Vergaderstukken") == ["Zoekproef open notitie"]
    meeting, _docs = gw_meeting
    assert groups["Vergaderstukken"][0][1].startswith(meeting.get_absolute_url() + "#punt-")
    # a proposal by its number, an agreement by a word of its title (several terms: AND)
    assert _titles(_search(client, "pho-77"), "Voorstellen") == ["Zoekproef voorstel"]
    crisis = _groups(_search(client, "ggz CRISIS time-out"))["Afspraken"]
    assert crisis == [(CRISIS, _agreement().get_absolute_url())]


def test_organisations_and_people_of_the_association(client, vdg_demo_data):
    html = _search(client, "assen", "lezer")
    assert any("Assen" in title for title in _titles(html, "Organisaties"))
    person = Membership.objects.filter(post__body__association__slug="vdg").first().person
    assert person.name in _titles(_search(client, person.name), "Personen")


def test_confidential_documents_only_for_who_may_read_them(client, vdg_demo_data, gw_meeting):
    _meeting, docs = gw_meeting
    everything = {d.title for d in docs.values()}
    assert set(_titles(_search(client, "zoekproef", "bureau"), "Vergaderstukken")) == everything
    # the chair of GW manages the body's meetings: confidential ones too
    chair = set(_titles(_search(client, "zoekproef", "voorzitter-gw"), "Vergaderstukken"))
    assert chair == everything
    for username in ("lezer", "kerngroep-ekm", "accounthouder-assen"):
        found = _titles(_search(client, "zoekproef", username), "Vergaderstukken")
        assert found == ["Zoekproef open notitie"], username
        assert _groups(_search(client, "geheime notitie", username)) == {}


def test_readable_documents_is_can_read_document_for_a_list(vdg_demo_data, gw_meeting, make_user):
    """The bulk check agrees with the predicate: every demo role, a guest, an invitee who
    was removed, who holds a seat in the body on the meeting date, and whose seat ended."""
    meeting, docs = gw_meeting
    vdg = Association.objects.get(slug="vdg")
    users = list(User.objects.filter(role_assignments__association=vdg).distinct())
    post = PostFactory(body=meeting.body)
    seats = [
        MembershipFactory(post=post, start_date=dt.date(2024, 1, 1)).person,
        MembershipFactory(
            post=post, start_date=dt.date(2023, 1, 1), end_date=dt.date(2024, 5, 1)
        ).person,
    ]
    guests = [PersonFactory(), PersonFactory()]
    Invitation.objects.create(meeting=meeting, person=guests[0], source="guest")
    Invitation.objects.create(
        meeting=meeting,
        person=guests[1],
        source="guest",
        removed=True,
        removed_reason="Gaat niet door",
    )
    for person in seats + guests:
        user = make_user("reader", association=vdg)
        user.person = person
        user.save()
        users.append(user)
    documents = list(
        AgendaDocument.objects.filter(pk__in=[d.pk for d in docs.values()]).select_related(
            "item__meeting__body", "item__body"
        )
    )
    readable = []
    for user in users:
        bind_roles(user, vdg)
        expected = [d for d in documents if can_read_document(user, d)]
        assert readable_documents(user, documents) == expected, user.username
        readable.append(len(expected))
    assert {1, 3, 4} <= set(readable)  # open only; and the parked one not for guests/seats


def test_anonymous_visitors_search_the_public_agenda_only(client, vdg_demo_data, gw_meeting):
    portfolio = Portfolio.objects.get(association__slug="vdg", slug=GW)
    ProposalFactory(portfolio=portfolio, title="Crisisopvang zoekproef voorstel")
    html = _search(client, "crisisopvang")
    agreement = _agreement()
    found = _groups(html)
    assert set(found) == {"Afspraken"}
    assert (CRISIS, reverse("public:agreement", kwargs={"slug": agreement.slug})) in found[
        "Afspraken"
    ]
    assert "/agenda/afspraken/" not in html.split('<main id="main"', 1)[1]
    assert _groups(_search(client, "zoekproef")) == {}  # meetings, documents, proposals
    assert set(_groups(_search(client, "assen"))) == {"Afspraken"}  # no organisations, people


def test_signed_in_without_a_role_here_searches_the_public_agenda(client, vdg_demo_data, make_user):
    client.force_login(make_user())
    found = _groups(_search(client, "crisisopvang"))
    assert set(found) == {"Afspraken"}
    assert all(url.startswith("/openbaar/afspraken/") for _title, url in found["Afspraken"])


@pytest.mark.parametrize("username", [None, "lezer", "bureau"])
def test_another_associations_rows_are_never_found(client, vdg_demo_data, username):
    association_b()
    html = _search(client, MARKER, username)
    assert _groups(html) == {}
    assert "Niets gevonden" in html
    # the example association's people and organisations stay on its own host
    assert "jan voorbeeld" not in _search(client, "voorbeeld").lower()


# --- showing the hits ------------------------------------------------------------------------


def test_terms_are_highlighted_and_typed_html_is_escaped(client, vdg_demo_data):
    portfolio = Portfolio.objects.get(association__slug="vdg", slug=GW)
    ProposalFactory(portfolio=portfolio, title="Plan <script>alert(1)</script> zorg<b>")
    html = _search(client, "<script> zorg<b>", "bureau")
    main = html.split('<main id="main"', 1)[1]
    assert "<script>alert" not in main and "<b>" not in main
    assert (
        "Plan <mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt; <mark>zorg&lt;b&gt;</mark>" in main
    )
    assert "Zoekresultaten voor '&lt;script&gt; zorg&lt;b&gt;'" in main


def test_highlight_and_terms():
    assert query_terms("  Wet   GGZ ") == ["Wet", "GGZ"]
    assert (
        highlight("Wet verplichte GGZ", ["ggz", "wet"])
        == "<mark>Wet</mark> verplichte <mark>GGZ</mark>"
    )
    assert highlight("a & b", []) == "a &amp; b"
    assert str(terms_q(["a", "b"], ["title", "topic"])).count("icontains") == 4


def test_groups_show_ten_with_a_link_to_the_list_that_finds_the_same(client, vdg_demo_data):
    client.force_login(User.objects.get(username="lezer"))
    query = "en"
    html = _search(client, query)
    block = html.split('id="zoek-afspraken"', 1)[1].split("</section>", 1)[0]
    total = int(re.search(r"\((\d+)\)", block).group(1))
    assert total > SHOWN_PER_GROUP
    assert len(_groups(html)["Afspraken"]) == SHOWN_PER_GROUP
    link = re.search(r'<a href="([^"]+)">Alle (\d+) afspraken</a>', block)
    assert link.group(1) == "/agenda/afspraken/?q=en" and int(link.group(2)) == total
    listed = client.get(unescape(link.group(1))).content.decode()
    assert f"{total} afspraken" in listed


def test_queries_do_not_grow_with_the_number_of_hits(
    client, vdg_demo_data, gw_meeting, django_assert_max_num_queries
):
    client.force_login(User.objects.get(username="voorzitter-gw"))
    client.get("/")
    with django_assert_max_num_queries(30):
        many = _search(client, "en")
    with django_assert_max_num_queries(30):
        few = _search(client, "zoekproef")
    assert sum(len(hits) for hits in _groups(many).values()) > 30
    assert _groups(few)
