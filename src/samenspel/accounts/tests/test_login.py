import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import PASSWORD, UserFactory

LOGIN = "/inloggen/"


@pytest.fixture
def user(db):
    return UserFactory(username="anna")


def test_sign_in_with_the_right_password_opens_the_dashboard(client, user):
    response = client.post(LOGIN, {"username": "anna", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("web:dashboard")
    assert response.context["user"] == user


def test_wrong_password_says_so_in_dutch_and_keeps_you_out(client, user):
    response = client.post(LOGIN, {"username": "anna", "password": "wrong-password-123"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()
    assert not response.context["user"].is_authenticated


def test_five_failures_lock_the_account_even_for_the_right_password(client, user):
    for _ in range(5):
        client.post(LOGIN, {"username": "anna", "password": "wrong-password-123"})
    response = client.post(LOGIN, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_four_failures_do_not_lock(client, user):
    for _ in range(4):
        client.post(LOGIN, {"username": "anna", "password": "wrong-password-123"})
    response = client.post(LOGIN, {"username": "anna", "password": PASSWORD})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_logout_ends_the_session(client, user):
    client.force_login(user)
    response = client.post("/uitloggen/")
    assert response.status_code == 302
    assert client.get("/").status_code == 302  # back to the login page


def test_password_reset_sends_a_mail_with_a_link(client, user, mailoutbox):
    client.post("/wachtwoord-vergeten/", {"email": user.email})
    assert len(mailoutbox) == 1
    assert "/wachtwoord-herstellen/" in mailoutbox[0].body


def test_password_change_refuses_short_and_common_passwords(client, user):
    client.force_login(user)
    # 11 characters; Django's breached list; our Dutch list (docs/sign-in.md, "Passwords").
    for weak in ["vijf bomen.", "password1234", "Welkom2024!!!!"]:
        response = client.post(
            "/account/wachtwoord/",
            {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak},
        )
        assert response.status_code == 200, weak
        assert response.context["form"].errors["new_password2"]
    # No composition rules: a sentence without digits or capitals will do.
    strong = "drie fietsen in de regen"
    response = client.post(
        "/account/wachtwoord/",
        {"old_password": PASSWORD, "new_password1": strong, "new_password2": strong},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(strong)
