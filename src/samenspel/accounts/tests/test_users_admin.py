"""The user admin never deletes (issue 17): its action deactivates and signs out; the
user's sign-ins are shown there, read-only, of the request's association only."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from samenspel.accounts.constants import RoleKind, SignInMethod
from samenspel.accounts.models import SignIn, User
from samenspel.accounts.tests.factories import PASSWORD
from samenspel.organisations.models import Association

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:accounts_user_changelist")


@pytest.fixture(params=["bureau", "superuser"])
def admin_client(request, client, make_user):
    user = make_user("bureau")
    if request.param == "superuser":
        user.is_superuser = user.is_staff = True
        user.save()
    client.force_login(user)
    return client


def test_no_user_is_ever_deleted_in_the_admin(admin_client, make_user):
    user = make_user(RoleKind.READER)  # no history at all
    delete = reverse("admin:accounts_user_delete", args=[user.pk])
    page = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    assert delete not in page.content.decode()
    assert admin_client.get(delete).status_code == 403
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    choices = admin_client.get(CHANGELIST).context["action_form"].fields["action"].choices
    assert [name for name, _label in choices] == ["", "deactivate"]
    admin_client.post(
        CHANGELIST, {"action": "delete_selected", ACTION_CHECKBOX_NAME: [user.pk], "post": "yes"}
    )
    assert User.objects.filter(pk=user.pk).exists()


def test_the_admin_action_deactivates_and_signs_out(admin_client, make_user):
    user = make_user(RoleKind.READER)
    browser = Client()
    browser.post(reverse("accounts:login"), {"username": user.username, "password": PASSWORD})
    assert browser.get(reverse("accounts:account")).status_code == 200
    actions = admin_client.get(CHANGELIST).content.decode()
    assert "Deactiveren en uitloggen" in actions
    admin_client.post(CHANGELIST, {"action": "deactivate", ACTION_CHECKBOX_NAME: [user.pk]})
    user.refresh_from_db()
    assert not user.is_active
    assert browser.get(reverse("accounts:account")).status_code == 302
    assert SignIn.objects.get(user=user).ended_at is not None


def test_sign_ins_are_shown_read_only_and_of_this_association(admin_client, make_user):
    user = make_user(RoleKind.READER)
    vdg = Association.objects.get(slug="vdg")
    other = Association.objects.create(slug="voorbeeld", name="Voorbeeldregio")
    SignIn.objects.create(
        user=user, association=vdg, method=SignInMethod.PASSWORD, address="192.0.2.1"
    )
    SignIn.objects.create(
        user=user, association=other, method=SignInMethod.PASSWORD, address="198.51.100.7"
    )
    page = admin_client.get(reverse("admin:accounts_user_change", args=[user.pk]))
    text = page.content.decode()
    assert "192.0.2.1" in text and "198.51.100.7" not in text
    assert 'name="sign_ins-0-address"' not in text  # read-only: no input
