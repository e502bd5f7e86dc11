"""Passwords where they remain (NCSC): at least 12 characters, not common or breached, no
composition rules; a rate-limited reset; a notice by e-mail after every change."""

import re

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from samenspel.accounts.tests.factories import PASSWORD, UserFactory

RESET = "/wachtwoord-vergeten/"
RESET_DONE = "/wachtwoord-vergeten/verstuurd/"
NOTICE_SUBJECT = "Je wachtwoord voor Samenspel is gewijzigd"


def _refusal_codes(password):
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    return {error.code for error in refused.value.error_list}


def test_eleven_characters_are_too_short():
    assert "password_too_short" in _refusal_codes("vijf bomen.")  # 11 characters


@pytest.mark.parametrize("password", ["baseball1234", "iloveyou2024", "P@ssw0rd2024!"])
def test_a_common_english_password_is_refused(password):
    assert _refusal_codes(password) == {"password_too_common"}


@pytest.mark.parametrize("password", ["Welkom2024!!!!", "Emmen12345678", "Aa en Hunze 2023"])
def test_a_dutch_word_dressed_up_with_digits_and_symbols_is_refused(password):
    # "Emmen" and "Aa en Hunze" are on our own list only, not on Django's.
    with pytest.raises(ValidationError) as refused:
        validate_password(password)
    assert "lijsten van veelgebruikte of gelekte wachtwoorden" in refused.value.messages[0]


def test_a_long_sentence_without_digits_or_capitals_is_accepted():
    assert validate_password("drie fietsen in de regen") is None


def test_the_help_text_names_only_the_length():
    from samenspel.accounts.passwords import BreachedPasswordValidator

    assert "Minstens 12 tekens, verder geen regels" in BreachedPasswordValidator().get_help_text()


def test_the_fourth_reset_for_one_email_in_an_hour_sends_no_mail(client, db, mailoutbox):
    user = UserFactory()
    for _ in range(4):
        response = client.post(RESET, {"email": user.email.upper()})
        assert response.status_code == 302
        assert response.url == RESET_DONE  # the same answer each time: no enumeration
    assert len(mailoutbox) == 3


def test_too_many_resets_from_one_address_answer_429(client, db, mailoutbox, settings):
    settings.SAMENSPEL_PASSWORD_RESET_RATE_ADDRESS = 2
    users = UserFactory.create_batch(3)
    for user in users[:2]:
        assert client.post(RESET, {"email": user.email}).status_code == 302
    response = client.post(RESET, {"email": users[2].email})
    assert response.status_code == 429
    assert "Te veel aanvragen voor een nieuw wachtwoord" in response.content.decode()
    assert len(mailoutbox) == 2
    # Another address is not held back by this one.
    response = client.post(RESET, {"email": users[2].email}, REMOTE_ADDR="192.0.2.8")
    assert response.status_code == 302
    assert len(mailoutbox) == 3


def test_a_password_change_sends_a_notice(client, db, mailoutbox):
    user = UserFactory()
    client.force_login(user)
    new = "drie fietsen in de regen"
    response = client.post(
        "/account/wachtwoord/",
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert [(m.subject, m.to) for m in mailoutbox] == [(NOTICE_SUBJECT, [user.email])]


def test_a_reset_sends_a_notice_once_the_new_password_is_saved(client, db, mailoutbox):
    user = UserFactory()
    client.post(RESET, {"email": user.email})
    link = re.search(r"/wachtwoord-herstellen/\S+/", mailoutbox[0].body).group(0)
    form_url = client.get(link).url  # Django moves the token into the session
    new = "drie fietsen in de regen"
    response = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    assert [m.subject for m in mailoutbox[1:]] == [NOTICE_SUBJECT]
    user.refresh_from_db()
    assert user.check_password(new)
