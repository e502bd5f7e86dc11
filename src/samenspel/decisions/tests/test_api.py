"""The voorstellen and besluiten resources: the pages' state, the pages' rules for recording."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from samenspel.accounts.models import User
from samenspel.api.testing import auth, token_for
from samenspel.decisions import selectors
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.organisations.models import Organisation, Portfolio

CRISIS = "Crisisopvang: time-outplek Centrum Verstandelijke Beperking en Psychiatrie"


@pytest.fixture
def demo(vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return vdg_demo_data


def _crisis() -> Proposal:
    """Sent; every member agreed but Emmen, which postponed: still pending."""
    return Proposal.objects.get(title=CRISIS)


def _list(client, key: str, query: str = "") -> list[dict]:
    response = client.get(f"/api/v1/voorstellen?paginaGrootte=100{query}", **auth(key))
    assert response.status_code == 200, response.content
    return response.json()["resultaten"]


def test_proposals_show_the_state_the_pages_show(client, demo):
    rows = _list(client, token_for("lezer"))
    proposals = selectors.proposals_for_states(association=demo.association)
    assert {r["id"] for r in rows} == {p.pk for p in proposals}
    for row in rows:
        state = selectors.proposal_state(proposals.get(pk=row["id"]))
        assert (row["fase"], row["uitkomst"]) == (state.stage, state.result)
        assert len(row["deelnemers"]) == state.participant_count
        assert row["aantalBesloten"] == state.decided_count
    crisis = next(r for r in rows if r["id"] == _crisis().pk)
    emmen = next(d for d in crisis["deelnemers"] if d["organisatie"]["code"] == "emmen")
    assert (emmen["besluit"], emmen["besluitGevraagdVoor"]) == ("postponed", "2023-06-30")
    # The shares are the proposal page's: they add up to each year's amount.
    for year in crisis["bedragen"]:
        shares = [
            next(y["bedrag"] for y in d["bedragPerJaar"] if y["jaar"] == year["jaar"])
            for d in crisis["deelnemers"]
        ]
        assert sum(map(float, shares)) == pytest.approx(float(year["bedrag"]))
        assert all(len(s.split(".")[1]) == 2 for s in shares)


def test_proposal_filters_are_the_list_pages(client, demo):
    key = token_for("bureau")
    sent = _list(client, key, "&fase=sent")
    assert sent and all(r["fase"] == "sent" for r in sent)
    assert _crisis().pk in {r["id"] for r in sent}
    found = _list(client, key, "&q=time-outplek")
    assert [r["id"] for r in found] == [_crisis().pk]
    assert _list(client, key, "&portefeuille=gezondheid-en-welzijn")
    assert _list(client, key, "&portefeuille=bestaat-niet") == []
    assert {r["id"] for r in _list(client, key, "&jaar=2023")} >= {_crisis().pk}
    assert _list(client, key, "&jaar=2001") == []
    too_big = client.get("/api/v1/voorstellen?jaar=99999999999999999999", **auth(key))
    assert too_big.json()["invalidParams"][0]["name"] == "jaar"
    ordered = _list(client, key, "&sorteer=titel")
    assert [r["titel"] for r in ordered] == sorted(r["titel"] for r in ordered)


def test_proposal_list_queries_do_not_grow_with_proposals(client, demo):
    key = token_for("bureau")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            _list(client, key)
        return len(captured.captured_queries)

    count()  # warms what lasts between requests (the token's first use, the site context)
    before = count()
    portfolio = Portfolio.objects.get(association=demo.association, slug="gezondheid-en-welzijn")
    for _ in range(3):
        proposal = ProposalFactory(portfolio=portfolio, sent=True)
        proposal.years.create(year=2024, amount=1000)
        for organisation in Organisation.objects.filter(slug__in=["assen", "emmen"]):
            ParticipantFactory(proposal=proposal, organisation=organisation)
    assert count() == before


def test_one_proposal_has_an_etag(client, demo):
    key = token_for("lezer")
    response = client.get(f"/api/v1/voorstellen/{_crisis().pk}", **auth(key))
    assert response.status_code == 200
    assert response.json()["uitkomst"] == "pending"
    again = client.get(
        f"/api/v1/voorstellen/{_crisis().pk}", HTTP_IF_NONE_MATCH=response["ETag"], **auth(key)
    )
    assert again.status_code == 304


def _record(client, key: str, proposal: Proposal, **body):
    data = {
        "voorstel": proposal.pk,
        "organisatie": "emmen",
        "besluitdatum": "2024-06-10",
        "besluit": "agreed",
        "kenmerk": "B&W 2024/77",
    } | body
    headers = {k: v for k, v in body.items() if k.startswith("HTTP_")}
    for k in headers:
        data.pop(k)
    return client.post(
        "/api/v1/besluiten", data, content_type="application/json", **auth(key), **headers
    )


def _after(proposal: Proposal) -> tuple:
    state = selectors.proposal_state(selectors.proposals_with_states().get(pk=proposal.pk))
    emmen = next(p for p in state.participants if p.organisation.slug == "emmen")
    proposal.refresh_from_db()
    return (state.stage, state.result, proposal.closed_on, emmen.outcome, emmen.decided_on)


def _others_agree(client, proposal: Proposal) -> None:
    """The bureau records by API that every member but Emmen that has not decided agreed."""
    key = token_for("bureau", "read", "decisions:write")
    state = selectors.proposal_state(selectors.proposals_with_states().get(pk=proposal.pk))
    for p in state.participants:
        if p.organisation.slug != "emmen" and p.outcome is None:
            response = _record(client, key, proposal, organisatie=p.organisation.slug)
            assert response.status_code == 201, response.content


def test_account_holder_records_a_decision_as_on_the_page(client, demo):
    proposal = _crisis()
    _others_agree(client, proposal)
    assert _after(proposal)[1:4] == ("pending", None, "postponed")
    participant = Participant.objects.get(proposal=proposal, organisation__slug="emmen")
    client.force_login(User.objects.get(username="accounthouder-emmen"))
    with transaction.atomic():  # by the page, undone afterwards
        page = client.post(
            f"/voorstellen/{proposal.pk}/deelnemers/{participant.pk}/besluit/",
            {"decided_on": "2024-06-10", "outcome": "agreed", "reference": "B&W 2024/77"},
        )
        assert page.status_code == 302
        by_page = _after(proposal)
        transaction.set_rollback(True)
    client.logout()
    assert _after(proposal)[:2] == ("sent", "pending")

    key = token_for("accounthouder-emmen", "read", "decisions:write")
    etag = client.get(f"/api/v1/voorstellen/{proposal.pk}", **auth(key))["ETag"]
    response = _record(client, key, proposal, HTTP_IF_MATCH=etag)
    assert response.status_code == 201, response.content
    assert response["Location"].endswith(f"/api/v1/besluiten/{response.json()['id']}")
    assert _after(proposal) == by_page
    assert by_page[:2] == ("closed", "adopted_by_all")
    decision = ExecutiveDecision.objects.get(pk=response.json()["id"])
    assert (decision.reference, decision.recorded_by.username) == (
        "B&W 2024/77",
        "accounthouder-emmen",
    )
    assert decision.history.get().history_change_reason == "API-token: test accounthouder-emmen"
    shown = client.get(f"/api/v1/voorstellen/{proposal.pk}", **auth(key)).json()
    assert shown["uitkomst"] == "adopted_by_all"
    listed = client.get(f"/api/v1/besluiten?voorstel={proposal.pk}&organisatie=emmen", **auth(key))
    assert [d["besluit"] for d in listed.json()["resultaten"]] == ["postponed", "agreed"]


def test_only_the_organisations_holder_may_record(client, demo):
    proposal = _crisis()
    key = token_for("accounthouder-emmen", "read", "decisions:write")
    response = _record(client, key, proposal, organisatie="assen")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    reader = token_for("lezer", "read", "decisions:write")
    assert _record(client, reader, proposal).status_code == 403
    assert not ExecutiveDecision.objects.filter(
        participant__proposal=proposal, decided_on="2024-06-10"
    ).exists()


def test_a_token_for_one_organisation_records_only_for_it(client, demo):
    assen = Organisation.objects.get(slug="assen")
    key = token_for("bureau", "read", "decisions:write", organisation=assen)
    assert _record(client, key, _crisis()).status_code == 403
    assert _record(client, key, _crisis(), organisatie=str(assen.pk)).status_code == 201


def test_recording_needs_the_decisions_scope(client, demo):
    key = token_for("accounthouder-emmen", "read")
    response = _record(client, key, _crisis())
    assert response.status_code == 403
    assert "decisions:write" in response.json()["detail"]


def test_a_stale_if_match_gets_412_and_writes_nothing(client, demo):
    key = token_for("accounthouder-emmen", "read", "decisions:write")
    proposal = _crisis()
    etag = client.get(f"/api/v1/voorstellen/{proposal.pk}", **auth(key))["ETag"]
    # Someone else moves the deadline meanwhile: the representation, so the ETag, changes.
    Proposal.objects.filter(pk=proposal.pk).update(decision_deadline="2023-07-01")
    response = _record(client, key, proposal, HTTP_IF_MATCH=etag)
    assert response.status_code == 412
    assert _after(proposal)[1] == "pending"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"besluit": "misschien"}, "besluit"),
        ({"besluitdatum": "2024-07-01"}, "besluitdatum"),  # after today (15 June)
        ({"besluitdatum": "2022-01-01"}, "besluitdatum"),  # before it was sent
        ({"organisatie": "bestaat-niet"}, "organisatie"),
    ],
)
def test_bad_input_gets_400_naming_the_field(client, demo, body, field):
    key = token_for("accounthouder-emmen", "read", "decisions:write")
    response = _record(client, key, _crisis(), **body)
    assert response.status_code == 400
    assert [p["name"] for p in response.json()["invalidParams"]] == [field]
    assert _after(_crisis())[1] == "pending"


def test_a_proposal_not_sent_names_the_proposal(client, demo):
    closed = Proposal.objects.filter(portfolio__association=demo.association, stage="closed")
    proposal = closed.filter(participants__organisation__slug="emmen").first()
    key = token_for("bureau", "read", "decisions:write")
    response = _record(client, key, proposal)
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["name"] == "voorstel"


def test_another_associations_proposals_are_not_there(client, demo):
    from samenspel.web.tests.test_isolation import association_b

    association_b()
    key = token_for("bureau")
    response = client.get("/api/v1/voorstellen?paginaGrootte=100", **auth(key))
    assert b"ZQXB" not in response.content
    other = Proposal.objects.get(title__startswith="ZQXB")
    assert client.get(f"/api/v1/voorstellen/{other.pk}", **auth(key)).status_code == 404
    assert _record(client, token_for("bureau", "read", "decisions:write"), other).status_code == 400
