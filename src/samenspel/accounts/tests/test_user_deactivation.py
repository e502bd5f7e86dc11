"""Users with history are deactivated, never deleted: the history keeps who did what."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.accounts.services import user_deactivate, user_has_history
from samenspel.accounts.tests.factories import PASSWORD, UserFactory
from samenspel.organisations.models import Person
from samenspel.organisations.tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:accounts_user_changelist"


def _url(view, user):
    return reverse(f"admin:accounts_user_{view}", args=[user.pk])


@pytest.fixture(params=["bureau", "superuser"])
def admin_client(request, client, make_user):
    if request.param == "bureau":
        user = make_user("bureau")
    else:
        user = make_user()
        user.is_superuser = user.is_staff = True
        user.save()
    client.force_login(user)
    return client


@pytest.fixture
def with_history(make_user):
    """A user who changed a person (the history row names them as who)."""
    user = make_user("reader")
    person = PersonFactory()
    person.name = "Gewijzigde naam"
    person._history_user = user
    person.save()
    assert person.history.filter(history_user=user).exists()
    return user


@pytest.fixture
def without_history(make_user):
    """A user with a role and nothing else: no history of theirs, nothing written."""
    return make_user("reader")


def test_has_history_counts_history_rows_and_records_not_own_roles(
    with_history, without_history, make_user
):
    assert user_has_history(with_history)
    assert not user_has_history(without_history)
    # A record that names the user (who uploaded a document) counts too.
    from samenspel.meetings import services
    from samenspel.meetings.tests.factories import AgendaItemFactory

    uploader = make_user()
    upload = SimpleUploadedFile("stuk.pdf", b"%PDF-1.7\n% test\n", content_type="application/pdf")
    services.document_upload(item=AgendaItemFactory(), upload=upload, user=uploader)
    assert user_has_history(uploader)


def test_a_user_with_history_cannot_be_deleted(admin_client, with_history):
    page = admin_client.get(_url("change", with_history)).content.decode()
    assert _url("delete", with_history) not in page
    assert admin_client.get(_url("delete", with_history)).status_code == 403
    assert admin_client.post(_url("delete", with_history), {"post": "yes"}).status_code == 403
    assert User.objects.filter(pk=with_history.pk).exists()


def test_deactivate_keeps_the_user_and_their_history(admin_client, with_history):
    rows = Person.history.filter(history_user=with_history).count()
    response = admin_client.post(
        reverse(CHANGELIST),
        {"action": "deactivate", ACTION_CHECKBOX_NAME: [with_history.pk]},
        follow=True,
    )
    assert response.status_code == 200
    texts = [str(m) for m in get_messages(response.wsgi_request)]
    assert "1 gebruiker gedeactiveerd; de wijzigingen op zijn naam blijven bewaard." in texts
    with_history.refresh_from_db()
    assert not with_history.is_active
    assert Person.history.filter(history_user=with_history).count() == rows == 1
    assert user_has_history(with_history)


def test_user_deactivate_is_idempotent(with_history):
    user_deactivate(with_history)
    user_deactivate(with_history)
    with_history.refresh_from_db()
    assert not with_history.is_active


def _sign_in(user):
    """Sign in through the real login view, in a browser of the user's own."""
    browser = Client()
    response = browser.post("/inloggen/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert browser.session["_auth_user_id"] == str(user.pk)


def test_signing_in_is_no_history(admin_client):
    """Signing in saves `last_login`, which writes a history row of the user about the
    user themself; that is no change to anything else. (No user is deleted at all:
    test_users_admin.py.)"""
    user = UserFactory(username="alleen-ingelogd")
    _sign_in(user)
    assert User.history.filter(id=user.pk, history_user=user).exists()
    assert not user_has_history(user)


def test_a_user_who_changed_another_user_has_history(admin_client, make_user):
    """Changes to other users (the user model's own history) still count."""
    user = UserFactory(username="wijzigt-anderen")
    _sign_in(user)
    other = make_user()
    other.first_name = "Anders"
    other._history_user = user
    other.save()
    assert user_has_history(user)
    assert admin_client.get(_url("delete", user)).status_code == 403
    assert User.objects.filter(pk=user.pk).exists()
