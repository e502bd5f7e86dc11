"""Confidential documents: the bureau, the invitees and the body's members; nobody else."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.meetings import services
from samenspel.meetings.constants import OutcomeKind
from samenspel.meetings.minutes import minutes_approve, minutes_mark, minutes_save
from samenspel.meetings.outcomes import outcome_record
from samenspel.meetings.tests.factories import AgendaItemFactory, MeetingFactory, aware
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.tests.factories import (
    BodyFactory,
    MembershipFactory,
    PersonFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db


def _pdf(name="stuk.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.7\n% test\n", content_type="application/pdf")


@pytest.fixture
def setup(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    body = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING)
    meeting = MeetingFactory(body=body, starts_at=aware(dt.date(2024, 3, 14)))
    item = AgendaItemFactory(meeting=meeting, title="Openbaar punt")
    secret = services.document_upload(
        item=item,
        upload=_pdf("geheim.pdf"),
        title="Geheime notitie",
        is_confidential=True,
        user=None,
    )
    open_doc = services.document_upload(
        item=item, upload=_pdf("open.pdf"), title="Open notitie", user=None
    )
    return meeting, item, secret, open_doc


def _user_for(make_user, person, role="reader", **scope):
    user = make_user(role, **scope)
    user.person = person
    user.save()
    return user


def test_bureau_member_and_invitee_may_download(client, setup, bureau_user, make_user):
    meeting, _item, secret, _open = setup
    member = PersonFactory()
    MembershipFactory(post=PostFactory(body=meeting.body), person=member)
    guest = PersonFactory()
    services.invitation_guest_add(meeting=meeting, person=guest, reason="Spreker", user=None)
    for user in (bureau_user, _user_for(make_user, member), _user_for(make_user, guest)):
        client.force_login(user)
        response = client.get(reverse("meetings:download", args=[secret.pk]))
        assert response.status_code == 200, user
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_other_roles_get_nothing(client, setup, make_user, reader_user):
    meeting, _item, secret, open_doc = setup
    someone = PersonFactory()
    outsider = _user_for(
        make_user, someone, role="account_holder", organisation=someone.organisation
    )
    removed = PersonFactory()
    invitation = services.invitation_guest_add(
        meeting=meeting, person=removed, reason="Spreker", user=None
    )
    services.invitation_remove(invitation=invitation, reason="Gaat niet door", user=None)
    for user in (reader_user, outsider, _user_for(make_user, removed)):
        client.force_login(user)
        assert client.get(reverse("meetings:download", args=[secret.pk])).status_code == 404
        assert client.get(reverse("meetings:download", args=[open_doc.pk])).status_code == 200
        page = client.get(meeting.get_absolute_url()).content.decode()
        assert "Geheime notitie" in page  # the title is listed …
        assert reverse("meetings:download", args=[secret.pk]) not in page  # … never the link
    client.logout()
    response = client.get(reverse("meetings:download", args=[secret.pk]))
    assert response.status_code == 302


def test_new_version_keeps_the_old_one(setup):
    _meeting, item, secret, _open = setup
    services.document_upload(
        item=item, document=secret.document, upload=_pdf("geheim-v2.pdf"), user=None
    )
    document = secret.document
    assert [v.number for v in document.versions.all()] == [1, 2]
    assert document.current.filename == "geheim-v2.pdf"


def test_public_page_has_no_confidential_items(client, setup, bureau_user):
    meeting, item, _secret, _open = setup
    later = MeetingFactory(body=meeting.body, starts_at=aware(dt.date(2024, 6, 1)))
    outcome_record(item=item, kind=OutcomeKind.DECISION, text="Open besluit", user=None)
    hidden = AgendaItemFactory(meeting=meeting, title="Personele kwestie", is_confidential=True)
    outcome_record(item=hidden, kind=OutcomeKind.DECISION, text="Geheim besluit", user=None)
    page = client.get(reverse("meetings:public") + "?jaar=2024").content.decode()
    assert "Open besluit" not in page  # minutes not approved yet
    minutes = minutes_save(meeting=meeting, text="<p>Notulen</p>", user=None)
    minutes_mark(minutes=minutes, user=None, on=dt.date(2024, 5, 20))
    minutes_approve(minutes=minutes, at_meeting=later, user=bureau_user)
    page = client.get(reverse("meetings:public") + "?jaar=2024").content.decode()
    assert "Open besluit" in page
    assert "Geheim besluit" not in page and "Personele kwestie" not in page
    assert "Geheime notitie" not in page and "Notulen" not in page
    assert meeting.body.name in page


def test_core_group_meetings_and_decisions_stay_internal(client, bureau_user):
    core = BodyFactory(kind=BodyKind.CORE_GROUP, name="Kerngroep Geheim")
    meeting = MeetingFactory(body=core, starts_at=aware(dt.date(2024, 3, 14)))
    later = MeetingFactory(body=core, starts_at=aware(dt.date(2024, 5, 14)))
    item = AgendaItemFactory(meeting=meeting, title="Voorbereiding")
    outcome_record(item=item, kind=OutcomeKind.DECISION, text="Intern besluit", user=None)
    minutes = minutes_save(meeting=meeting, text="<p>Notulen</p>", user=None)
    minutes_mark(minutes=minutes, user=None, on=dt.date(2024, 3, 20))
    minutes_approve(minutes=minutes, at_meeting=later, user=bureau_user)
    page = client.get(reverse("meetings:public") + "?jaar=2024").content.decode()
    assert "Intern besluit" not in page and "Kerngroep Geheim" not in page
    assert client.get(reverse("meetings:body_feed", args=[core.slug])).status_code == 404
    pho = BodyFactory(kind=BodyKind.PORTFOLIO_MEETING)
    MeetingFactory(body=pho, starts_at=aware(dt.date(2024, 3, 14)))
    assert client.get(reverse("meetings:body_feed", args=[pho.slug])).status_code == 200
