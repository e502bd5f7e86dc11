"""`samenspel generatedemo`: national demo data on top of the VDG demo (issue 15, point 1).

Scale 2 adds one association (demo-02). Generating it takes a few seconds, so the
checks on one generated association share one test; determinism generates twice."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import Max

from samenspel.accounts.models import RoleAssignment, User
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate, Theme
from samenspel.capacity.models import RealisedHours, StaffCommitment
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.demo.national import agenda as agenda_module
from samenspel.demo.national import decisions as decisions_module
from samenspel.demo.national import meetings as meetings_module
from samenspel.demo.national.digest import national_digest
from samenspel.meetings.models import (
    AgendaDocument,
    AgendaItem,
    DocumentVersion,
    Invitation,
    Meeting,
    Outcome,
)
from samenspel.organisations.models import (
    Association,
    AssociationMembership,
    Body,
    Identifier,
    InhabitantCount,
    Membership,
    Organisation,
    Person,
    Portfolio,
    Post,
)
from samenspel.reports.models import Follow

ON = dt.date(2026, 11, 30)
SLUG = "demo-02"
HOST = f"{SLUG}.localhost"

# Every model the generator writes, with the path to its association (None: the national
# register, shared by design) and whether it has `is_demo`.
WRITTEN = [
    (Organisation, None, True),
    (Person, None, True),
    (Identifier, None, False),
    (InhabitantCount, None, False),
    (AssociationMembership, "association__slug", False),
    (Portfolio, "association__slug", False),
    (Body, "association__slug", True),
    (Post, "body__association__slug", True),
    (Membership, "post__body__association__slug", True),
    (RoleAssignment, "association__slug", False),
    (User, "role_assignments__association__slug", True),
    (Theme, "agenda__association__slug", False),
    (Agreement, "agenda__association__slug", False),
    (Milestone, "agreement__agenda__association__slug", True),
    (ProgressUpdate, "agreement__agenda__association__slug", True),
    (StaffCommitment, "agenda__association__slug", True),
    (RealisedHours, "association__slug", True),
    (Proposal, "portfolio__association__slug", True),
    (Participant, "proposal__portfolio__association__slug", False),
    (ExecutiveDecision, "participant__proposal__portfolio__association__slug", True),
    (Meeting, "body__association__slug", True),
    (AgendaItem, "body__association__slug", True),
    (AgendaDocument, "item__body__association__slug", True),
    (DocumentVersion, "document__item__body__association__slug", False),
    (Outcome, "body__association__slug", True),
    (Invitation, "meeting__body__association__slug", True),
    (Follow, "association__slug", False),
]


def _generate(scale: int = 2, seed: int = 7, **kw) -> str:
    err = io.StringIO()
    call_command(
        "generatedemo", scale=scale, seed=seed, on=ON, stdout=io.StringIO(), stderr=err, **kw
    )
    return err.getvalue()


@pytest.mark.django_db
def test_one_generated_association_is_complete_demo_owned_and_isolated(vdg_demo_data, client):
    before = {model: model.objects.aggregate(m=Max("pk"))["m"] or 0 for model, _, _ in WRITTEN}
    vdg_agreements = Agreement.objects.filter(agenda=vdg_demo_data).count()

    _generate()

    association = Association.objects.get(slug=SLUG)
    assert association.is_example  # every page says it is fictitious
    assert association.hosts.get().hostname == HOST
    # The counts as designed: shaped like the VDG, 1/49 of the national picture.
    agenda = association.agendas.get()
    assert agenda.agreements.count() == agenda_module.AGREEMENTS == 245
    assert Portfolio.objects.filter(association=association).count() == 8
    assert Body.objects.filter(association=association).count() == 28
    assert Proposal.objects.filter(portfolio__association=association).count() == 20
    participants = Participant.objects.filter(proposal__portfolio__association=association)
    assert participants.count() == 20 * 17  # 12 municipalities, a province, 4 water boards
    decided = ExecutiveDecision.objects.filter(participant__in=participants).count()
    assert 250 <= decided <= 340  # ~15,000 over 49 associations
    meetings = Meeting.objects.filter(body__association=association)
    assert meetings.count() == 5 * sum(  # five years of every cycle
        meetings_module.PER_YEAR[b.kind]
        for b in Body.objects.filter(association=association)
        if b.kind in meetings_module.PER_YEAR
    )
    assert meetings.count() == 500
    updates = ProgressUpdate.objects.filter(agreement__agenda=agenda).count()
    assert 2000 <= updates <= 2900  # ~120,000 over 49 associations
    assert AgendaItem.objects.filter(body__association=association).count() > 1500
    assert AgendaDocument.objects.filter(item__body__association=association).count() > 1000
    assert Milestone.objects.filter(agreement__agenda=agenda, end__lt=ON, reached_on=None).exists()
    assert Agreement.history.filter(agenda_id=agenda.pk).count() == 245  # reports read it
    assert agenda.agreements.values("portfolio").distinct().count() == 8
    assert len(decisions_module.STAGES) == 20
    members = AssociationMembership.objects.filter(association=association, kind="member")
    assert members.count() == 12
    assert RealisedHours.objects.filter(association=association, year=2025).count() == 12 * 8 * 4
    assert User.objects.filter(role_assignments__association=association).count() == 4

    # Every row written is demo (where the model can say so) and owned by demo-02, or
    # is a register row (organisation, person, code, inhabitants) marked demo.
    for model, path, has_demo in WRITTEN:
        new = model.objects.filter(pk__gt=before[model])
        assert new.exists(), model
        if has_demo:
            assert not new.filter(is_demo=False).exists(), model
        if path is not None:
            assert set(new.values_list(path, flat=True)) == {SLUG}, model
    assert not Identifier.objects.filter(
        pk__gt=before[Identifier], organisation__is_demo=False
    ).exists()
    assert Agreement.objects.filter(agenda=vdg_demo_data).count() == vdg_agreements

    # Its bureau user sees its pages on its own hostname.
    bureau = User.objects.get(username=f"{SLUG}-bureau")
    client.force_login(bureau)
    agreement = agenda.agreements.get(slug="afspraak-001")
    proposal = Proposal.objects.filter(portfolio__association=association).first()
    meeting = meetings.filter(items__documents__isnull=False).first()
    version = DocumentVersion.objects.filter(document__item__meeting=meeting).first()
    pages = [
        "/",
        "/agenda/",
        "/agenda/afspraken/",
        f"/agenda/afspraken/{agreement.slug}/",
        "/agenda/portefeuilles/sociaal-domein/",
        "/agenda/tijdlijn/",
        "/voorstellen/",
        f"/voorstellen/{proposal.pk}/",
        "/overleggen/",
        f"/overleggen/{meeting.pk}/",
        "/overleggen/besluiten/",
        "/inzet/",
        "/financien/",
        "/financien/bijdragen/2025/",
        "/rapportages/volgen/",
    ]
    for page in pages:
        response = client.get(page, HTTP_HOST=HOST)
        assert response.status_code == 200, page
        assert association.short_name in response.content.decode() or page != "/", page
    download = client.get(f"/overleggen/stukken/versies/{version.pk}/", HTTP_HOST=HOST)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")

    # Nothing of it on the VDG's pages, for the VDG's bureau.
    client.force_login(User.objects.get(username="bureau"))
    for page in ["/", "/agenda/afspraken/", "/voorstellen/", "/overleggen/"]:
        content = client.get(page, HTTP_HOST="vdg.localhost").content.decode()
        # (the national register is shared: its organisations are in the VDG's filters)
        for owned in [association.name, association.short_name, agenda.name, proposal.title]:
            assert owned not in content, (page, owned)
    # and demo-02's bureau has no role in the VDG: 404 there, not its data.
    client.force_login(bureau)
    assert client.get("/agenda/afspraken/", HTTP_HOST="vdg.localhost").status_code == 404

    # A second run adds nothing.
    counts = {model: model.objects.count() for model, _, _ in WRITTEN}
    _generate()
    assert counts == {model: model.objects.count() for model, _, _ in WRITTEN}


@pytest.mark.django_db
def test_same_scale_and_seed_give_the_same_rows(vdg_demo_data):
    with transaction.atomic():
        _generate(seed=7)
        first = national_digest([SLUG])
        transaction.set_rollback(True)
    assert not Association.objects.filter(slug=SLUG).exists()
    progress = _generate(seed=7)
    assert national_digest([SLUG]) == first
    assert "100%" in progress and "samenwerkingsverbanden" in progress  # the progress bar


@pytest.mark.django_db
def test_quiet_scale_one_and_refusals(vdg_demo_data, settings):
    assert _generate(scale=1, verbosity=0) == ""  # the VDG alone: nothing added, no bar
    assert not Association.objects.filter(slug__startswith="demo-").exists()
    with pytest.raises(CommandError, match="tussen 1 en"):
        _generate(scale=0)
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="productie"):
        _generate()
