"""The pages through Django's client, with real permissions."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenspel.agenda.tests.factories import AgreementFactory
from samenspel.jobs.testing import job_from, run_jobs
from samenspel.meetings import services
from samenspel.meetings.constants import ItemKind, MeetingStatus, OutcomeKind
from samenspel.meetings.models import Invitation
from samenspel.meetings.outcomes import action_add, outcome_record
from samenspel.meetings.tests.factories import (
    ActionFactory,
    AgendaItemFactory,
    MeetingFactory,
    aware,
)
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import BodyFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(portfolio):
    body = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING, portfolio=portfolio, short_name="PHO X")
    return MeetingFactory(body=body, starts_at=aware(dt.date(2024, 3, 14)))


def test_pages_need_sign_in(client, meeting):
    for url in (
        reverse("meetings:list"),
        meeting.get_absolute_url(),
        reverse("meetings:decisions"),
        reverse("meetings:schedule", args=[2024]),
    ):
        response = client.get(url)
        assert response.status_code == 302


def test_reader_reads_but_cannot_change(client, reader_user, meeting):
    client.force_login(reader_user)
    assert client.get(reverse("meetings:list")).status_code == 200
    page = client.get(meeting.get_absolute_url())
    assert page.status_code == 200
    assert b"Agendapunt toevoegen" not in page.content
    assert client.get(reverse("meetings:item_add", args=[meeting.pk])).status_code == 403
    assert client.post(reverse("meetings:status", args=[meeting.pk])).status_code == 403


def test_chair_manages_own_portfolio_only(client, make_user, meeting, portfolio):
    chair = make_user("portfolio_chair", portfolio=portfolio)
    client.force_login(chair)
    assert client.get(reverse("meetings:item_add", args=[meeting.pk])).status_code == 200
    other = MeetingFactory()
    assert client.get(reverse("meetings:item_add", args=[other.pk])).status_code == 403


def test_bureau_plans_a_meeting_and_builds_an_agenda(client, bureau_user, meeting):
    client.force_login(bureau_user)
    response = client.post(
        reverse("meetings:create"),
        {
            "body": meeting.body.pk,
            "date": "2024-06-13",
            "start": "10:00",
            "end": "12:00",
            "place": "Assen",
        },
    )
    assert response.status_code == 302
    new = meeting.body.meetings.get(starts_at__date=dt.date(2024, 6, 13))
    response = client.post(
        reverse("meetings:item_add", args=[new.pk]),
        {"title": "Regiobeeld", "kind": ItemKind.DECISION, "duration_minutes": 20},
    )
    assert response.status_code == 302
    item = new.items.get()
    response = client.post(
        reverse("meetings:outcome_add", args=[item.pk]),
        {"kind": OutcomeKind.DECISION, "text": "Vastgesteld."},
    )
    assert response.status_code == 302
    page = client.get(new.get_absolute_url())
    assert "PHO X 2024-01" in page.content.decode()


def test_meeting_edit_conflict_and_sequence(client, bureau_user, meeting):
    client.force_login(bureau_user)
    data = {"date": "2024-03-15", "start": "10:00", "end": "12:00", "version": meeting.version}
    assert client.post(reverse("meetings:edit", args=[meeting.pk]), data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.sequence == 1 and meeting.date == dt.date(2024, 3, 15)
    response = client.post(reverse("meetings:edit", args=[meeting.pk]), data, follow=True)
    assert "Iemand anders" in response.content.decode()


def test_lists_export_csv_and_xlsx(client, reader_user, meeting):
    item = AgendaItemFactory(meeting=meeting)
    outcome_record(item=item, kind=OutcomeKind.DECISION, text="Akkoord.", user=None)
    ActionFactory(meeting=meeting)
    client.force_login(reader_user)
    csv = client.get(reverse("meetings:decisions") + "?year=2024&format=csv")
    assert "PHO X 2024-01" in csv.content.decode("utf-8-sig")
    for name in ("meetings:decisions", "meetings:actions", "meetings:list"):
        xlsx = client.get(reverse(name) + "?year=2024&format=xlsx")
        assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("meetings:actions") + "?year=2024").status_code == 200
    schedule = client.get(reverse("meetings:schedule", args=[2024]) + "?format=csv")
    assert "PHO X" in schedule.content.decode("utf-8-sig")


def test_status_change_follows_workflow(client, bureau_user, meeting):
    client.force_login(bureau_user)
    url = reverse("meetings:status", args=[meeting.pk])
    client.post(url, {"status": MeetingStatus.MINUTES_APPROVED})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED
    client.post(url, {"status": MeetingStatus.CANCELLED})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED and meeting.sequence == 1


def test_guest_removal_and_attendance_pages(client, bureau_user, meeting):
    client.force_login(bureau_user)
    guest = PersonFactory()
    client.post(
        reverse("meetings:guest_add", args=[meeting.pk]),
        {"person": guest.pk, "reason": "Presentatie"},
    )
    invitation = Invitation.objects.get(meeting=meeting, person=guest)
    client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {f"aanwezigheid-{invitation.pk}": "present"},
    )
    invitation.refresh_from_db()
    assert invitation.attendance == "present"
    # A form opened before that save, where this editor chose "excused": the saved
    # "present" stays and the editor is told.
    page = client.post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {
            f"aanwezigheid-{invitation.pk}": "excused",
            f"was-aanwezigheid-{invitation.pk}": "unknown",
        },
        follow=True,
    ).content.decode()
    assert "heeft intussen de aanwezigheid van" in page and str(guest) in page
    invitation.refresh_from_db()
    assert invitation.attendance == "present"
    response = client.post(reverse("meetings:invitation_remove", args=[invitation.pk]), {})
    assert response.status_code == 200  # a reason is required
    client.post(reverse("meetings:invitation_remove", args=[invitation.pk]), {"reason": "Ziek"})
    invitation.refresh_from_db()
    assert invitation.removed and invitation.removed_reason == "Ziek"


def test_backlog_item_pulled_into_meeting(client, bureau_user, meeting):
    client.force_login(bureau_user)
    client.post(
        reverse("meetings:backlog_add", args=[meeting.body.slug]),
        {"title": "Later bespreken", "kind": ItemKind.DISCUSSION, "duration_minutes": 10},
    )
    parked = meeting.body.agenda_items.get(meeting__isnull=True)
    assert "Later bespreken" in client.get(meeting.get_absolute_url()).content.decode()
    client.post(reverse("meetings:item_move", args=[parked.pk]), {"meeting": meeting.pk})
    parked.refresh_from_db()
    assert parked.meeting == meeting


def test_minutes_pages(client, bureau_user, meeting):
    later = MeetingFactory(body=meeting.body, starts_at=aware(dt.date(2024, 6, 1)))
    client.force_login(bureau_user)
    client.post(
        reverse("meetings:minutes_edit", args=[meeting.pk]),
        {"text": "<p>Besproken<script>x</script></p>", "version": 1},
    )
    assert "<script>" not in meeting.minutes.text
    client.post(reverse("meetings:minutes_mark", args=[meeting.pk]))
    client.post(reverse("meetings:minutes_approve", args=[meeting.pk]), {"at_meeting": later.pk})
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.is_locked
    edit = client.get(reverse("meetings:minutes_edit", args=[meeting.pk]))
    assert edit.status_code == 302
    client.post(
        reverse("meetings:minutes_correct", args=[meeting.pk]),
        {"text": "<p>Naam</p>", "reason": "Spelling"},
    )
    assert meeting.minutes.corrections.count() == 1


def test_agenda_pdf_and_send_dry_run(client, bureau_user, meeting, mailoutbox, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    item = AgendaItemFactory(meeting=meeting, title="Zorgakkoord")
    for name, secret in (("notitie.pdf", False), ("geheim.pdf", True)):
        services.document_upload(
            item=item,
            upload=SimpleUploadedFile(name, b"%PDF-1.7"),
            is_confidential=secret,
            user=None,
        )
    member = PersonFactory(email="lid@example.org")
    services.invitation_guest_add(meeting=meeting, person=member, reason="Lid", user=None)
    client.force_login(bureau_user)
    pdf = client.get(reverse("meetings:agenda_pdf", args=[meeting.pk]))
    assert pdf.content.startswith(b"%PDF")
    url = reverse("meetings:send", args=[meeting.pk])
    preview = client.post(url, {"dry_run": "on"})
    assert "lid@example.org" in preview.content.decode() and mailoutbox == []
    job = job_from(client.post(url, {}))  # sent in the background
    assert mailoutbox == []
    run_jobs()
    job.refresh_from_db()
    assert job.result_text == "De agenda is verstuurd aan 1 genodigden."
    assert mailoutbox[0].bcc == ["lid@example.org"]
    assert "Zorgakkoord" in mailoutbox[0].body and "geheim.pdf" in mailoutbox[0].body
    attached = [name for name, _content, _type in mailoutbox[0].attachments]
    assert attached == [f"agenda-{meeting.pk}.pdf", "notitie.pdf"]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.AGENDA_SENT


def test_upload_refuses_wrong_type_and_size(client, bureau_user, meeting, settings):
    item = AgendaItemFactory(meeting=meeting)
    client.force_login(bureau_user)
    url = reverse("meetings:document_add", args=[item.pk])
    fake = SimpleUploadedFile("stuk.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(url, {"upload": fake, "title": "Stuk"})
    assert "geen geldig .pdf-bestand" in response.content.decode()
    exe = SimpleUploadedFile("stuk.exe", b"MZ", content_type="application/octet-stream")
    assert "geen toegestaan bestandstype" in client.post(url, {"upload": exe}).content.decode()
    settings.SAMENSPEL_MAX_UPLOAD_MB = 0
    big = SimpleUploadedFile("stuk.pdf", b"%PDF-1.7 big", content_type="application/pdf")
    assert "te groot" in client.post(url, {"upload": big}).content.decode()
    assert not item.documents.exists()


def test_body_and_person_pages_show_meetings_and_actions(client, make_user, meeting, settings):
    settings.SAMENSPEL_TODAY = "2024-03-01"
    owner = PersonFactory(name="Olga Eigenaar")
    services.invitation_guest_add(meeting=meeting, person=owner, reason="Lid", user=None)
    earlier = MeetingFactory(body=meeting.body, starts_at=aware(dt.date(2024, 2, 1)))
    action_add(meeting=earlier, title="Notitie rondsturen", owner=owner, user=None)
    services.agenda_item_add(
        body=meeting.body, title="Geparkeerd punt", kind="discussion", user=None
    )
    user = make_user("reader")
    user.person = owner
    user.save()
    client.force_login(user)

    body_page = client.get(meeting.body.get_absolute_url()).content.decode()
    assert meeting.get_absolute_url() in body_page
    assert "Notitie rondsturen" in body_page and "Geparkeerd punt" in body_page
    person_page = client.get(owner.get_absolute_url()).content.decode()
    assert "Mijn vergaderingen" in person_page and meeting.get_absolute_url() in person_page
    assert "Mijn acties" in person_page and "Notitie rondsturen" in person_page


def test_item_edit_moves_order_and_conflicts(client, bureau_user, meeting):
    first = AgendaItemFactory(meeting=meeting, order=1, title="Eerste")
    AgendaItemFactory(meeting=meeting, order=2, title="Tweede")
    client.force_login(bureau_user)
    url = reverse("meetings:item_edit", args=[first.pk])
    data = {
        "title": "Eerste",
        "kind": first.kind,
        "duration_minutes": 15,
        "order": 3,
        "version": first.version,
    }
    assert client.post(url, data).status_code == 302
    assert [i.title for i in meeting.items.order_by("order")] == ["Tweede", "Eerste"]
    stale = client.post(url, data, follow=True).content.decode()
    assert "Iemand anders" in stale


def test_schedule_generation_page_is_for_the_bureau(client, bureau_user, reader_user):
    from samenspel.meetings.tests.factories import MeetingCycleFactory

    MeetingCycleFactory(per_year=4)
    url = reverse("meetings:generate", args=[2025])
    client.force_login(reader_user)
    assert client.post(url).status_code == 403
    client.force_login(bureau_user)
    client.post(url)
    page = client.get(reverse("meetings:schedule", args=[2025]))
    assert page.content.decode().count("Gepland") >= 4
    job = job_from(client.post(reverse("meetings:schedule_pdf", args=[2025])))
    run_jobs()
    pdf = client.get(reverse("jobs:download", args=[job.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    ics = client.get(reverse("meetings:schedule", args=[2025]) + "?format=ics")
    assert ics.content.count(b"BEGIN:VEVENT") == 4


def test_meeting_page_queries_do_not_grow_with_the_agenda(
    client, bureau_user, meeting, django_assert_max_num_queries, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(bureau_user)

    def add_item(n):
        item = AgendaItemFactory(meeting=meeting, title=f"Punt {n}")
        item.agreements.add(AgreementFactory())
        services.document_upload(
            item=item,
            upload=SimpleUploadedFile(f"s{n}.pdf", b"%PDF-1.7"),
            user=None,
        )
        services.invitation_guest_add(
            meeting=meeting, person=PersonFactory(), reason="Gast", user=None
        )
        action_add(meeting=meeting, item=item, title="Actie", owner=PersonFactory(), user=None)

    add_item(0)
    with CaptureQueriesContext(connection) as one:
        client.get(meeting.get_absolute_url())
    for n in range(1, 6):
        add_item(n)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(meeting.get_absolute_url())


def test_minute_taker_writes_and_marks_but_does_not_approve(client, make_user, meeting):
    from samenspel.organisations.constants import Role
    from samenspel.organisations.tests.factories import MembershipFactory, PostFactory

    later = MeetingFactory(body=meeting.body, starts_at=aware(dt.date(2024, 6, 1)))
    taker = PersonFactory()
    MembershipFactory(post=PostFactory(body=meeting.body, role=Role.MINUTE_TAKER), person=taker)
    user = make_user("reader")
    user.person = taker
    user.save()
    client.force_login(user)
    edit = reverse("meetings:minutes_edit", args=[meeting.pk])
    assert client.post(edit, {"text": "<p>Verslag</p>", "version": 1}).status_code == 302
    client.post(reverse("meetings:minutes_mark", args=[meeting.pk]))
    meeting.minutes.refresh_from_db()
    assert meeting.minutes.status == "marked"
    approve = reverse("meetings:minutes_approve", args=[meeting.pk])
    assert client.post(approve, {"at_meeting": later.pk}).status_code == 403
    other = MeetingFactory()
    assert client.get(reverse("meetings:minutes_edit", args=[other.pk])).status_code == 403


def test_chair_plans_meetings_only_for_own_portfolio(client, make_user, meeting, portfolio):
    chair = make_user("portfolio_chair", portfolio=portfolio)
    other_body = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING)
    client.force_login(chair)
    data = {"date": "2024-09-12", "start": "10:00", "end": "12:00"}
    response = client.post(reverse("meetings:create"), {**data, "body": other_body.pk})
    assert response.status_code == 200 and not other_body.meetings.exists()
    response = client.post(reverse("meetings:create"), {**data, "body": meeting.body.pk})
    assert response.status_code == 302
    assert meeting.body.meetings.count() == 2


def test_reader_cannot_plan(client, reader_user):
    client.force_login(reader_user)
    assert client.get(reverse("meetings:create")).status_code == 403


def test_admin_cycles_for_the_bureau_only(client, bureau_user, reader_user):
    url = reverse("admin:meetings_meetingcycle_changelist")
    client.force_login(bureau_user)
    assert client.get(url).status_code == 200
    client.force_login(reader_user)
    assert client.get(url).status_code == 302


def test_closing_an_action_never_redirects_off_site(client, bureau_user, meeting):
    action = ActionFactory(meeting=meeting, body=meeting.body)
    client.force_login(bureau_user)
    url = reverse("meetings:action_close", args=[action.pk])
    for evil in ["//evil.example/x", "https://evil.example/", "/\\evil.example"]:
        response = client.post(f"{url}?terug={evil}", {"status": "done", "closed_on": "2024-04-01"})
        assert response.status_code == 302
        assert "evil" not in response["Location"]
        action.refresh_from_db()
        action.status = "open"
        action.closed_on = None
        action.save()


def test_core_group_member_cannot_record_a_pho_decision_on_a_proposal(client, make_user, meeting):
    from samenspel.decisions.tests.factories import ProposalFactory

    proposal = ProposalFactory(portfolio=meeting.body.portfolio)
    item = AgendaItemFactory(meeting=meeting, proposal=proposal, kind=ItemKind.DECISION)
    member = make_user("core_group_member", portfolio=meeting.body.portfolio)
    client.force_login(member)
    url = reverse("meetings:outcome_add", args=[item.pk])
    data = {"kind": OutcomeKind.DECISION, "text": "Positief advies", "pho_outcome": "positive"}
    assert client.post(url, data).status_code == 403
    proposal.refresh_from_db()
    assert proposal.pho_decided_on is None
