"""Proposal pages through the client, with real roles and permissions."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.decisions.models import DocumentTemplate, ExecutiveDecision, Proposal
from samenspel.decisions.tests.conftest import participant_of
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.decisions.tests.test_documents import template_with
from samenspel.jobs.testing import job_from, run_jobs

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"


@pytest.fixture
def holder(make_user, members):
    """The account holder of Assen."""
    return make_user("account_holder", organisation=members[0])


def decide_url(proposal, slug):
    return reverse("decisions:decide", args=[proposal.pk, participant_of(proposal, slug).pk])


def test_list_shows_progress_and_filters(client, reader_user, sent_proposal):
    ExecutiveDecision.objects.create(
        participant=participant_of(sent_proposal, "assen"),
        decided_on=dt.date(2024, 4, 1),
        outcome="agreed",
    )
    ProposalFactory(title="Ander voorstel")
    client.force_login(reader_user)
    page = client.get(reverse("decisions:list")).content.decode()
    assert sent_proposal.title in page and "Ander voorstel" in page
    assert "1 van 5 besloten" in page
    filtered = client.get(reverse("decisions:list"), {"stage": "sent"}).content.decode()
    assert sent_proposal.title in filtered and "Ander voorstel" not in filtered
    overdue = client.get(reverse("decisions:list"), {"overdue": "on"}).content.decode()
    assert sent_proposal.title in overdue  # deadline 1 June passed, four have not decided


def test_list_queries_do_not_grow_with_proposals(
    client, reader_user, members, django_assert_max_num_queries
):
    for _ in range(3):
        proposal = ProposalFactory(sent=True)
        for organisation in members:
            ParticipantFactory(proposal=proposal, organisation=organisation)
    client.force_login(reader_user)
    # 12, and 2 the first time a process routes a host (the association table, cached).
    with django_assert_max_num_queries(14) as few:
        client.get(reverse("decisions:list"))
    for _ in range(5):
        ProposalFactory(sent=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("decisions:list"))


def test_list_exports_csv(client, reader_user, sent_proposal):
    client.force_login(reader_user)
    response = client.get(reverse("decisions:list"), {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Voorstel;Portefeuille;Fase" in text.splitlines()[0]
    assert sent_proposal.title in text


def test_detail_shows_sections_costs_and_decisions(client, reader_user, sent_proposal):
    client.force_login(reader_user)
    page = client.get(sent_proposal.get_absolute_url()).content.decode()
    for text in [
        "In te stemmen met de aanpak.",
        "Gemeente Emmen",
        "€ 100.000,00",
        "Verdeelsleutel",
        "over tijd",
    ]:
        assert text in page
    assert "Besluit vastleggen" not in page  # a reader records nothing


def test_anonymous_visitors_are_sent_to_the_login(client, sent_proposal):
    response = client.get(sent_proposal.get_absolute_url())
    assert response.status_code == 302 and "/inloggen/" in response["Location"]


def test_account_holder_records_own_decision_with_a_document(client, holder, sent_proposal):
    client.force_login(holder)
    document = SimpleUploadedFile(
        "besluit.pdf", b"%PDF-1.7 besluit", content_type="application/pdf"
    )
    response = client.post(
        decide_url(sent_proposal, "assen"),
        {
            "decided_on": "2024-04-02",
            "outcome": "agreed",
            "reference": "B&W 2024/12",
            "document": document,
        },
    )
    assert response.status_code == 302
    decision = ExecutiveDecision.objects.get()
    assert decision.participant.organisation.slug == "assen"
    assert decision.recorded_by == holder
    download = client.get(
        reverse("decisions:decision_document", args=[sent_proposal.pk, decision.pk])
    )
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF")


def test_account_holder_of_assen_cannot_record_emmens_decision(client, holder, sent_proposal):
    client.force_login(holder)
    url = decide_url(sent_proposal, "emmen")
    assert client.get(url).status_code == 403
    assert client.post(url, {"decided_on": "2024-04-02", "outcome": "agreed"}).status_code == 403
    assert not ExecutiveDecision.objects.exists()


def test_bad_decision_input_gets_a_dutch_message_and_writes_nothing(client, holder, sent_proposal):
    client.force_login(holder)
    response = client.post(
        decide_url(sent_proposal, "assen"), {"decided_on": "2030-01-01", "outcome": "agreed"}
    )
    assert response.status_code == 200
    assert "De besluitdatum ligt in de toekomst." in response.content.decode()
    fake = SimpleUploadedFile(
        "besluit.docx", b"not a docx", content_type="application/octet-stream"
    )
    response = client.post(
        decide_url(sent_proposal, "assen"),
        {"decided_on": "2024-04-02", "outcome": "agreed", "document": fake},
    )
    assert "geen geldig .docx-bestand" in response.content.decode()
    assert not ExecutiveDecision.objects.exists()


def test_my_organisation_lists_pending_decisions_and_money(client, holder, sent_proposal):
    client.force_login(holder)
    page = client.get(reverse("decisions:my_organisation")).content.decode()
    assert "Mijn organisatie: Gemeente Assen" in page
    assert sent_proposal.title in page
    assert "over tijd" in page
    assert decide_url(sent_proposal, "assen") in page


def test_my_organisation_of_another_member_is_forbidden(client, holder, sent_proposal):
    client.force_login(holder)
    response = client.get(reverse("decisions:my_organisation"), {"organisatie": "emmen"})
    assert response.status_code == 403


def test_my_organisation_without_a_role_explains_what_to_do(client, reader_user):
    client.force_login(reader_user)
    page = client.get(reverse("decisions:my_organisation")).content.decode()
    assert "niet gekoppeld aan een organisatie" in page


def test_bureau_creates_a_proposal_with_amounts(client, bureau_user, members, portfolio):
    client.force_login(bureau_user)
    response = client.post(
        reverse("decisions:create"),
        {
            "title": "Gezamenlijke inkoop",
            "portfolio": portfolio.pk,
            "subject": "Inkoop",
            "decision_points": "Instemmen",
            "affects_money": "on",
            "cost_key": "per_inhabitant",
            "participant_organisations": [m.pk for m in members],
            "amounts_text": "2025: 25.000\n2026: 30.000,50",
            "hours_per_year": "8",
        },
    )
    proposal = Proposal.objects.get(title="Gezamenlijke inkoop")
    assert response.status_code == 302
    assert dict(proposal.years.values_list("year", "amount")) == {
        2025: Decimal("25000.00"),
        2026: Decimal("30000.50"),
    }


def test_amounts_with_a_bad_line_name_the_line(client, bureau_user, members, portfolio):
    client.force_login(bureau_user)
    response = client.post(
        reverse("decisions:create"),
        {
            "title": "X",
            "portfolio": portfolio.pk,
            "subject": "x",
            "decision_points": "x",
            "cost_key": "equal",
            "participant_organisations": [members[0].pk],
            "amounts_text": "2025: 100\nvolgend jaar: veel",
            "hours_per_year": "0",
        },
    )
    assert "Regel 2" in response.content.decode()
    assert not Proposal.objects.filter(title="X").exists()


def test_a_chair_writes_proposals_only_for_their_own_portfolio(
    client, make_user, portfolio, sent_proposal
):
    chair = make_user("portfolio_chair", portfolio=portfolio)
    client.force_login(chair)
    form = client.get(reverse("decisions:create")).context["form"]
    assert list(form.fields["portfolio"].queryset) == [portfolio]
    assert client.get(reverse("decisions:edit", args=[sent_proposal.pk])).status_code == 403


def test_readers_cannot_create_or_send(client, reader_user, sent_proposal):
    client.force_login(reader_user)
    assert client.get(reverse("decisions:create")).status_code == 403
    assert client.get(reverse("decisions:send", args=[sent_proposal.pk])).status_code == 403
    assert client.get(reverse("decisions:templates")).status_code == 403


def test_edit_with_a_stale_version_is_a_conflict(client, bureau_user, members):
    proposal = ProposalFactory()
    for organisation in members:
        ParticipantFactory(proposal=proposal, organisation=organisation)
    client.force_login(bureau_user)
    url = reverse("decisions:edit", args=[proposal.pk])
    form = client.get(url).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in {"agreements"}}
    data["participant_organisations"] = [m.pk for m in members]
    data["portfolio"] = proposal.portfolio.pk
    data["version"] = proposal.version - 1
    response = client.post(url, data, follow=True)
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()


def test_bureau_sends_and_confirms_a_coalition(client, bureau_user, members):
    proposal = ProposalFactory()
    for organisation in members:
        ParticipantFactory(proposal=proposal, organisation=organisation)
    client.force_login(bureau_user)
    client.post(
        reverse("decisions:pho", args=[proposal.pk]),
        {"decided_on": "2024-02-15", "outcome": "positive"},
    )
    client.post(
        reverse("decisions:send", args=[proposal.pk]),
        {"sent_on": "2024-03-01", "deadline": "2024-06-01"},
    )
    proposal.refresh_from_db()
    assert proposal.stage == "sent"
    for organisation in members:
        outcome = "rejected" if organisation.slug == "westerveld" else "agreed"
        client.post(
            decide_url(proposal, organisation.slug),
            {"decided_on": "2024-04-02", "outcome": outcome},
        )
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Coalitie bevestigen" in page
    client.post(
        reverse("decisions:coalition", args=[proposal.pk]),
        {"confirmed_on": "2024-06-10", "note": "Westerveld betaalt niets."},
    )
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Vastgesteld door een coalitie" in page
    assert "doet niet mee" in page


def test_documents_download_per_participant_and_as_zip(client, reader_user, sent_proposal):
    client.force_login(reader_user)
    emmen = participant_of(sent_proposal, "emmen")
    docx = client.get(reverse("decisions:document", args=[sent_proposal.pk, emmen.pk, "docx"]))
    assert docx.status_code == 200 and docx.content.startswith(b"PK")
    assert "gemeente-emmen" in docx["Content-Disposition"]
    assert (
        client.get(
            reverse("decisions:document", args=[sent_proposal.pk, emmen.pk, "exe"])
        ).status_code
        == 404
    )
    job = job_from(client.post(reverse("decisions:zip", args=[sent_proposal.pk])))
    run_jobs()
    archive = client.get(reverse("jobs:download", args=[job.pk]))
    assert archive["Content-Type"] == "application/zip"


def test_bureau_uploads_a_template_and_a_bad_one_is_refused(client, bureau_user):
    client.force_login(bureau_user)
    good = SimpleUploadedFile(
        "huisstijl.docx", template_with("{{ title }} voor {{ organisation_name }}").read()
    )
    response = client.post(reverse("decisions:templates"), {"name": "Huisstijl", "file": good})
    assert response.status_code == 302
    assert DocumentTemplate.objects.filter(name="Huisstijl").exists()
    bad = SimpleUploadedFile("fout.docx", template_with("{{ wethouder }}").read())
    response = client.post(reverse("decisions:templates"), {"name": "Fout", "file": bad})
    assert "onbekende velden: wethouder" in response.content.decode()
    assert not DocumentTemplate.objects.filter(name="Fout").exists()


def test_dashboard_and_organisation_page_show_pending_decisions(
    client, holder, sent_proposal, members
):
    client.force_login(holder)
    dashboard = client.get("/").content.decode()
    assert "Voorstellen bij de colleges" in dashboard
    assert "1 voorstel loopt" in dashboard
    emmen = next(m for m in members if m.slug == "emmen")
    page = client.get(emmen.get_absolute_url()).content.decode()
    assert "Besluiten die het college nog moet nemen" in page
    assert sent_proposal.title in page
    assert decide_url(sent_proposal, "emmen") not in page  # Assen's holder cannot record it


def test_a_decision_document_is_only_for_its_organisation_and_the_managers(
    client, make_user, members, sent_proposal, bureau_user
):
    document = SimpleUploadedFile(
        "besluit.pdf", b"%PDF-1.7 besluit", content_type="application/pdf"
    )
    client.force_login(make_user("account_holder", organisation=members[0]))
    client.post(
        decide_url(sent_proposal, "assen"),
        {"decided_on": "2024-04-02", "outcome": "agreed", "document": document},
    )
    decision = ExecutiveDecision.objects.get()
    url = reverse("decisions:decision_document", args=[sent_proposal.pk, decision.pk])
    assert client.get(url).status_code == 200
    client.force_login(make_user("account_holder", organisation=members[1]))  # Emmen
    assert client.get(url).status_code == 403
    assert url not in client.get(sent_proposal.get_absolute_url()).content.decode()
    client.force_login(bureau_user)
    assert client.get(url).status_code == 200


def test_my_organisation_queries_do_not_grow_with_proposals(
    client, holder, members, django_assert_max_num_queries
):
    def add_proposal():
        proposal = ProposalFactory(sent=True)
        proposal.years.create(year=2024, amount=Decimal("1000.00"))
        for organisation in members:
            ParticipantFactory(proposal=proposal, organisation=organisation)

    add_proposal()
    client.force_login(holder)
    with django_assert_max_num_queries(30) as first:
        client.get(reverse("decisions:my_organisation"))
    for _ in range(4):
        add_proposal()
    with django_assert_max_num_queries(len(first.captured_queries)):
        client.get(reverse("decisions:my_organisation"))


def test_a_sent_proposal_cannot_be_edited(client, bureau_user, sent_proposal):
    client.force_login(bureau_user)
    response = client.get(reverse("decisions:edit", args=[sent_proposal.pk]), follow=True)
    assert "verandert niet meer" in response.content.decode()


def test_participant_edit_of_a_stale_form_keeps_the_typed_figures(client, bureau_user, members):
    proposal = ProposalFactory()
    participant = ParticipantFactory(proposal=proposal, organisation=members[0])
    client.force_login(bureau_user)
    url = reverse("decisions:participant", args=[proposal.pk, participant.pk])
    opened = client.get(url).context["form"].initial["version"]
    first = {"hours_per_year": "10", "fixed_amount": "", "planned_on": "", "version": opened}
    assert client.post(url, first).status_code == 302
    second = {**first, "hours_per_year": "32.5"}  # opened before the first save
    response = client.post(url, second)
    assert response.status_code == 200
    assert "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
    assert response.context["form"].data["hours_per_year"] == "32.5"
    assert ("Uren per jaar", "10.0") in response.context["conflict"]
    participant.refresh_from_db()
    assert participant.hours_per_year == Decimal("10")
    assert client.post(url, {**second, "version": opened + 1}).status_code == 302
    participant.refresh_from_db()
    assert participant.hours_per_year == Decimal("32.5")


@pytest.fixture
def elsewhere_proposal(members):
    """A proposal of another association, sent, with a participant and a decision."""
    from samenspel.organisations.models import Association
    from samenspel.organisations.tests.factories import PortfolioFactory

    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    portfolio = PortfolioFactory(association=other, slug="elders", name="Portefeuille Elders")
    proposal = ProposalFactory(sent=True, portfolio=portfolio, title="Voorstel Elders")
    participant = ParticipantFactory(proposal=proposal, organisation=members[0])
    decision = ExecutiveDecision.objects.create(
        participant=participant, decided_on=dt.date(2024, 4, 1), outcome="agreed"
    )
    return proposal, participant, decision


def test_another_associations_proposal_is_not_listed_and_its_pages_are_404(
    client, bureau_user, sent_proposal, elsewhere_proposal
):
    proposal, participant, decision = elsewhere_proposal
    client.force_login(bureau_user)
    for query in ({}, {"format": "csv"}):
        page = client.get(reverse("decisions:list"), query).content.decode()
        assert sent_proposal.title in page and "Elders" not in page
    assert "Elders" not in client.get(reverse("decisions:create")).content.decode()
    pk, participant_pk = proposal.pk, participant.pk
    for name, args in [
        ("decisions:detail", [pk]),
        ("decisions:edit", [pk]),
        ("decisions:pho", [pk]),
        ("decisions:send", [pk]),
        ("decisions:coalition", [pk]),
        ("decisions:withdraw", [pk]),
        ("decisions:participant", [pk, participant_pk]),
        ("decisions:decide", [pk, participant_pk]),
        ("decisions:document", [pk, participant_pk, "docx"]),
        ("decisions:decision_document", [pk, decision.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
    assert client.post(reverse("decisions:zip", args=[pk])).status_code == 404
