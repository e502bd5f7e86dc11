"""Real ids for every URL pattern of the permission matrix, taken from the demo data.

The demo has no uploaded files, stored reports or evaluation rounds; those few objects
are made here, inside the test's transaction (so they are gone after it).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile

from samenspel.accounts.models import User
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate
from samenspel.decisions import documents
from samenspel.decisions.models import DocumentTemplate, ExecutiveDecision, Participant
from samenspel.finance.models import Claim, Project
from samenspel.jobs.models import Job
from samenspel.meetings import services as meeting_services
from samenspel.meetings.models import Action, AgendaDocument, AgendaItem, Invitation, Meeting
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Body, Membership, Organisation, Person, Post
from samenspel.reports.following import follow_add, unfollow_token
from samenspel.reports.models import GeneratedReport
from samenspel.reports.services import evaluation_round_create
from samenspel.web.tests.matrix import api_matrix_modules

PORTFOLIO = "gezondheid-en-welzijn"  # chaired by the demo account voorzitter-gw
MEMBER = "assen"  # held by the demo account accounthouder-assen
YEAR = 2024


def matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    """URL name → the keyword arguments that make it a real page of the demo."""
    bureau = User.objects.get(username="bureau")
    member = Organisation.objects.get(slug=MEMBER)
    body = Body.objects.filter(
        association=agenda.association,
        kind=BodyKind.PORTFOLIO_MEETING,
        portfolio__slug=PORTFOLIO,
    ).first()
    post = Post.objects.filter(body=body).first()
    membership = Membership.objects.filter(post__body=body).first()
    agreement = Agreement.objects.filter(agenda=agenda, portfolio__slug=PORTFOLIO).first()
    milestone = Milestone.objects.filter(
        agreement__agenda=agenda, agreement__portfolio__slug=PORTFOLIO
    ).first()
    update = ProgressUpdate.objects.create(  # the chair's own, just recorded
        agreement=agreement,
        author=User.objects.get(username="voorzitter-gw"),
        date=dt.date(YEAR, 6, 1),
        status="on_track",
        text="Voortgang om te corrigeren",
    )
    claim = Claim.objects.filter(organisation=member).first()
    # Ordered by pk: the model's ordering ties here, and PostgreSQL breaks ties otherwise
    # than SQLite, which would pick a proposal in another stage on each engine.
    participant = (
        Participant.objects.filter(organisation=member, proposal__portfolio__slug=PORTFOLIO)
        .order_by("pk")
        .first()
        or Participant.objects.filter(organisation=member).order_by("pk").first()
    )
    proposal = participant.proposal
    decision = ExecutiveDecision.objects.filter(participant__organisation=member).first()
    decision.document.save("besluit.pdf", ContentFile(b"%PDF"))
    sent = ExecutiveDecision.objects.filter(  # corrected by its holder while sent
        participant__organisation=member, participant__proposal__stage="sent"
    ).first()
    meeting = Meeting.objects.filter(body=body).first()
    item = AgendaItem.objects.filter(meeting=meeting).first()
    action = Action.objects.filter(meeting=meeting).first() or Action.objects.first()
    invitation = Invitation.objects.filter(meeting=meeting).first()

    template = DocumentTemplate(
        association=agenda.association, name="Huisstijl", uploaded_by=bureau
    )
    template.file.save("huisstijl.docx", ContentFile(documents.DEFAULT_TEMPLATE.read_bytes()))
    document = AgendaDocument.objects.create(item=item, title="Notitie")
    version = document.versions.create(
        number=1, filename="notitie.pdf", size=4, file=ContentFile(b"%PDF", name="notitie.pdf")
    )
    report = GeneratedReport(
        association=agenda.association,
        kind="kwartaal",
        title="Kwartaal",
        as_of=dt.date(YEAR, 6, 30),
    )
    report.format = "pdf"
    report.file.save("kwartaal.pdf", ContentFile(b"%PDF"))
    evaluation = evaluation_round_create(
        agenda=agenda, name="Evaluatie", starts_on=dt.date(2025, 7, 1), ends_on=dt.date(2025, 12, 1)
    )
    follow = follow_add(
        user=bureau, association=agenda.association, target="agreement", object_id=agreement.pk
    )
    token = meeting_services.calendar_token_get(person=Person.objects.first()).token
    # An agenda mail the chair had sent: the chair and the bureau may see it (who may
    # manage the meeting), no one else; done, with a file, so its download is a page.
    job = Job.objects.create(
        association=agenda.association,
        requested_by=User.objects.get(username="voorzitter-gw"),
        kind="agenda-mail",
        title="Agenda versturen",
        params={"meeting": meeting.pk, "base_url": ""},
        status="klaar",
        file_name="verslag.txt",
    )
    job.file.save("verslag.txt", ContentFile(b"verstuurd"))

    org, body_slug = {"slug": MEMBER}, {"slug": body.slug}
    proposal_pk, meeting_pk, item_pk = {"pk": proposal.pk}, {"pk": meeting.pk}, {"pk": item.pk}
    api: dict[str, dict[str, Any]] = {}
    for module in api_matrix_modules():
        if hasattr(module, "api_matrix_arguments"):
            api.update(module.api_matrix_arguments(agenda))
    return api | {
        "accounts:password_reset_confirm": {"uidb64": "MQ", "token": "verlopen"},
        "organisations:detail": org,
        "organisations:edit": org,
        "organisations:inhabitants_add": org,
        "organisations:body": body_slug,
        "organisations:body_edit": body_slug,
        "organisations:post_add": body_slug,
        "organisations:membership_start": {"post_id": post.pk},
        "organisations:membership_end": {"membership_id": membership.pk},
        "organisations:person": {"slug": membership.person.slug},
        "organisations:person_edit": {"slug": membership.person.slug},
        "agenda:portfolio": {"slug": PORTFOLIO},
        "agenda:agreement": {"slug": agreement.slug},
        "agenda:agreement_edit": {"slug": agreement.slug},
        "agenda:update_add": {"slug": agreement.slug},
        "agenda:milestone_reach": {"pk": milestone.pk},
        "agenda:update_correct": {"pk": update.pk},
        "agenda:update_withdraw": {"pk": update.pk},
        "public:portfolio": {"slug": PORTFOLIO},
        "pages:help": {"area": "agenda"},
        "public:agreement": {"slug": agreement.slug},
        "finance:contributions": {"year": YEAR},
        "finance:year_edit": {"year": YEAR},
        "finance:year_invoice": {"year": YEAR},
        "finance:claim_paid": {"pk": claim.pk},
        "finance:project": {"slug": Project.objects.first().slug},
        "capacity:record": {"org_slug": MEMBER},
        "decisions:template_delete": {"template_pk": template.pk},
        **{
            f"decisions:{name}": proposal_pk
            for name in ("detail", "edit", "pho", "send", "coalition", "withdraw", "zip")
        },
        "decisions:participant": {"pk": proposal.pk, "participant_pk": participant.pk},
        "decisions:decide": {"pk": proposal.pk, "participant_pk": participant.pk},
        "decisions:document": {"pk": proposal.pk, "participant_pk": participant.pk, "fmt": "docx"},
        "decisions:decision_document": {
            "pk": decision.participant.proposal_id,
            "decision_pk": decision.pk,
        },
        "decisions:decision_correct": {"pk": sent.participant.proposal_id, "decision_pk": sent.pk},
        **{
            f"meetings:{name}": meeting_pk
            for name in (
                "detail",
                "edit",
                "status",
                "agenda_pdf",
                "send",
                "ics",
                "refresh",
                "guest_add",
                "attendance",
                "item_add",
                "action_add",
                "minutes_edit",
                "minutes_mark",
                "minutes_approve",
                "minutes_correct",
            )
        },
        "meetings:invitation_remove": {"pk": invitation.pk},
        "meetings:invitation_restore": {"pk": invitation.pk},
        "meetings:backlog_add": body_slug,
        **{f"meetings:{name}": item_pk for name in ("item_edit", "item_move", "document_add")},
        "meetings:outcome_add": item_pk,
        "meetings:version_add": {"pk": document.pk},
        "meetings:download": {"pk": version.pk},
        "meetings:action_close": {"pk": action.pk},
        "meetings:schedule": {"year": YEAR},
        "meetings:schedule_pdf": {"year": YEAR},
        "jobs:detail": {"pk": job.pk},
        "jobs:download": {"pk": job.pk},
        "jobs:retry": {"pk": job.pk},
        "meetings:generate": {"year": YEAR},
        "meetings:person_feed": {"token": token},
        "meetings:body_feed": body_slug,
        "reports:stored": {"pk": report.pk},
        "reports:download": {"pk": report.pk},
        "reports:unfollow": {"token": unfollow_token(follow)},
        "reports:evaluation": {"pk": evaluation.pk},
        "reports:evaluation_status": {"pk": evaluation.pk},
        "reports:evaluation_portfolio": {"pk": evaluation.pk, "slug": PORTFOLIO},
        "reports:judgement": {"pk": evaluation.pk, "kind": "afspraak", "target_pk": agreement.pk},
        "reports:page": {"kind": "kwartaal"},
        "reports:make": {"kind": "kwartaal"},
    }
