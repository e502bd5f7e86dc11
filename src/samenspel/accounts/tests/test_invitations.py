"""Invitations: the bureau invites by e-mail to a seat, the invitee accepts once through the
link (which expires), and the account is bound to the person with the seat's membership."""

import datetime as dt
import hashlib
import re

import pytest
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.invitations.services import invitation_create, invitation_revoke
from samenspel.accounts.models import Invitation, User
from samenspel.accounts.tests.factories import UserFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Membership, Organisation, Post

STRONG = "zeven groene bomen langs het kanaal"


def _seat(body_slug="kerngroep-gw", label="Ambtenaar"):
    return Post.objects.get(
        body__association=association_default(), body__slug=body_slug, label=label
    )


def _invite(bureau, email="anna@assen.nl", post=None, **extra):
    return invitation_create(
        association_default(),
        email=email,
        name="Anna de Vries",
        organisation=Organisation.objects.get(slug="assen"),
        post=post or _seat(),
        start_date=dt.date(2024, 1, 1),
        invited_by=bureau,
        **extra,
    )


def _accept_url(token):
    return reverse("accounts:invitation_accept", kwargs={"token": token})


def _accept_data(username="anna", password=STRONG):
    return {"username": username, "password1": password, "password2": password}


def test_the_bureau_invites_and_the_invitee_accepts_once(client, bureau_user, vdg_data, mailoutbox):
    client.force_login(bureau_user)
    post = _seat()
    response = client.post(
        reverse("accounts:invitation_create"),
        {
            "name": "Anna de Vries",
            "email": "anna@assen.nl",
            "organisation": Organisation.objects.get(slug="assen").pk,
            "post": post.pk,
            "start_date": "2024-01-01",
            "valid_days": 14,
        },
    )
    assert response.status_code == 302, response.content.decode()
    (mail,) = mailoutbox
    assert mail.to == ["anna@assen.nl"]
    token = re.search(r"http://testserver/uitnodiging/([\w-]+)/", mail.body).group(1)
    assert "Vereniging van Drentse Gemeenten" in mail.body and "Kerngroep" in mail.body
    invitation = Invitation.objects.get(email="anna@assen.nl")
    # Only the hash is kept: the link cannot be read back from the database.
    assert invitation.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(list(Invitation.objects.values()))
    assert invitation.expires_at - timezone.now() > dt.timedelta(days=13)

    client.logout()
    page = client.get(_accept_url(token)).content.decode()
    assert "Gemeente Assen" in page or "Assen" in page
    assert 'value="anna"' in page  # the username proposed from the address

    response = client.post(_accept_url(token), _accept_data())
    assert response.status_code == 302
    user = User.objects.get(username="anna")
    assert client.session["_auth_user_id"] == str(user.pk)  # signed in
    assert user.email == "anna@assen.nl" and user.check_password(STRONG)
    assert user.person.organisation.slug == "assen" and user.person.name == "Anna de Vries"
    assert Membership.objects.filter(post=post, person=user.person, start_date="2024-01-01")
    invitation.refresh_from_db()
    assert invitation.accepted_user == user and invitation.accepted_at is not None

    # The same link a second time: gone, no second account.
    client.logout()
    again = client.post(_accept_url(token), _accept_data(username="anna2"))
    assert again.status_code == 410
    assert "al gebruikt" in again.content.decode()
    assert not User.objects.filter(username="anna2").exists()


def test_expired_revoked_and_unknown_links_are_refused(client, bureau_user, vdg_data):
    expired, expired_token = _invite(bureau_user, email="oud@assen.nl")
    Invitation.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    revoked, revoked_token = _invite(bureau_user, email="weg@assen.nl")
    invitation_revoke(revoked, user=bureau_user)
    users = User.objects.count()
    for token, status, reason in [
        (expired_token, 410, "verlopen"),
        (revoked_token, 410, "ingetrokken"),
        ("onbekend", 404, "bestaat niet"),
    ]:
        for response in (
            client.get(_accept_url(token)),
            client.post(_accept_url(token), _accept_data()),
        ):
            html = response.content.decode()
            assert response.status_code == status
            assert reason in html and "nieuwe uitnodiging" in html
            assert "<form" not in html.split("<main", 1)[-1]  # never a form
    assert User.objects.count() == users
    assert not Membership.objects.filter(person__email="oud@assen.nl").exists()


def test_a_weak_password_is_refused_with_the_validators_message(client, bureau_user, vdg_data):
    invitation, token = _invite(bureau_user)
    with pytest.raises(ValidationError) as refused:
        password_validation.validate_password("kort")
    response = client.post(_accept_url(token), _accept_data(password="kort"))
    assert response.status_code == 200
    assert refused.value.messages[0] in response.content.decode()
    assert not User.objects.filter(username="anna").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_signed_in_user_accepts_as_themselves(client, bureau_user, make_user, vdg_data):
    invitation, token = _invite(bureau_user)
    someone = make_user()
    client.force_login(someone)
    page = client.get(_accept_url(token)).content.decode()
    assert "Accepteren als" in page and 'name="password1"' not in page
    assert client.post(_accept_url(token), {"wijze": "zelf"}).status_code == 302
    someone.refresh_from_db()
    assert someone.person.organisation.slug == "assen"
    assert Membership.objects.filter(post=invitation.post, person=someone.person).exists()


def test_an_address_of_another_account_is_refused_clearly(client, bureau_user, vdg_data):
    UserFactory(email="anna@assen.nl")
    _invitation, token = _invite(bureau_user)
    response = client.post(_accept_url(token), _accept_data())
    assert response.status_code == 200
    assert "Er is al een account met het e-mailadres anna@assen.nl" in response.content.decode()
    assert not User.objects.filter(username="anna").exists()


def test_a_chair_invites_only_to_their_core_group_and_a_reader_not_at_all(
    client, make_user, bureau_user, vdg_data
):
    gw = _seat().body.portfolio
    chair = make_user(RoleKind.PORTFOLIO_CHAIR, portfolio=gw)
    client.force_login(chair)
    form = client.get(reverse("accounts:invitation_create")).context["form"]
    bodies = {post.body.slug for post in form.fields["post"].queryset}
    assert bodies == {"kerngroep-gw", "kerngroep-plus-gw"}
    data = {
        "name": "Bert",
        "email": "bert@assen.nl",
        "organisation": Organisation.objects.get(slug="assen").pk,
        "start_date": "2024-01-01",
        "valid_days": 14,
    }
    other = _seat("kerngroep-ekm")
    refused = client.post(reverse("accounts:invitation_create"), {**data, "post": other.pk})
    assert refused.status_code == 200 and "post" in refused.context["form"].errors
    ekm_invitation, _token = _invite(bureau_user, post=other)
    resend = reverse("accounts:invitation_resend", kwargs={"pk": ekm_invitation.pk})
    assert client.post(resend).status_code == 403
    accepted = client.post(reverse("accounts:invitation_create"), {**data, "post": _seat().pk})
    assert accepted.status_code == 302
    listed = client.get(reverse("accounts:invitations")).content.decode()
    assert "bert@assen.nl" in listed and "anna@assen.nl" not in listed  # EKM's is not theirs

    client.force_login(make_user(RoleKind.READER))
    assert client.get(reverse("accounts:invitations")).status_code == 403
    assert client.get(reverse("accounts:invitation_create")).status_code == 403


def test_a_second_open_invitation_for_the_same_seat_and_address_is_refused(
    client, bureau_user, vdg_data
):
    _invite(bureau_user)
    client.force_login(bureau_user)
    response = client.post(
        reverse("accounts:invitation_create"),
        {
            "name": "Anna",
            "email": "ANNA@assen.nl",
            "organisation": Organisation.objects.get(slug="assen").pk,
            "post": _seat().pk,
            "start_date": "2024-01-01",
            "valid_days": 14,
        },
    )
    assert "al een open uitnodiging" in str(response.context["form"].errors["email"])
    assert Invitation.objects.count() == 1


def test_the_list_filters_and_exports(client, bureau_user, vdg_data):
    _invite(bureau_user, email="open@assen.nl")
    revoked, _token = _invite(bureau_user, email="weg@assen.nl")
    invitation_revoke(revoked, user=bureau_user)
    client.force_login(bureau_user)
    url = reverse("accounts:invitations")
    html = client.get(url, {"status": "revoked"}).content.decode()
    assert "weg@assen.nl" in html and "open@assen.nl" not in html
    csv = client.get(url, {"status": "open", "format": "csv"}).content.decode("utf-8-sig")
    assert "open@assen.nl" in csv and "weg@assen.nl" not in csv and ";Open" in csv
    empty = client.get(url, {"status": "accepted"}).content.decode()
    assert "Geen uitnodigingen met deze status" in empty


def test_another_associations_invitations_stay_out_of_sight(client, bureau_user, vdg_data):
    from samenspel.organisations.models import Association, Body

    other = Association.objects.create(slug="elders", name="Elders", short_name="EL")
    body = Body.objects.create(association=other, slug="kern", name="Kern Elders", kind="other")
    post = Post.objects.create(body=body, role="member")
    outsider = User.objects.create(username="elders-bureau")
    outsider.role_assignments.create(association=other, role=RoleKind.BUREAU)
    theirs, token = invitation_create(
        other,
        email="geheim@elders.nl",
        name="Geheim",
        organisation=Organisation.objects.get(slug="assen"),
        post=post,
        start_date=dt.date(2024, 1, 1),
        invited_by=outsider,
    )
    client.force_login(bureau_user)
    assert "geheim@elders.nl" not in client.get(reverse("accounts:invitations")).content.decode()
    for name in ("accounts:invitation_resend", "accounts:invitation_revoke"):
        assert client.post(reverse(name, kwargs={"pk": theirs.pk})).status_code == 404
    client.logout()
    assert client.get(_accept_url(token)).status_code == 404  # on the VDG's host


def test_the_organisations_provider_is_offered_and_remembers_the_invitation(
    client, bureau_user, vdg_data
):
    from samenspel.accounts.constants import SESSION_INVITATION_KEY
    from samenspel.accounts.models import IdentityProvider

    invitation, token = _invite(bureau_user)
    provider = IdentityProvider.objects.create(
        association=association_default(),
        organisation=invitation.organisation,
        name="Gemeente Assen — Entra ID",
        issuer="https://login.assen.example/",
        client_id="samenspel",
    )
    assert "Accepteren met je account van" in client.get(_accept_url(token)).content.decode()
    response = client.post(_accept_url(token), {"wijze": "sso"})
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:sso_start')}?provider={provider.pk}"
    assert client.session[SESSION_INVITATION_KEY] == invitation.pk
    assert invitation.accepted_at is None  # accepted only once the provider says who it is
