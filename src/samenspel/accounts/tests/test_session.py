import time

from django.conf import settings
from django.contrib.sessions.models import Session

from samenspel.accounts.middleware import SESSION_RENEWED_KEY, SESSION_STARTED_KEY


def test_idle_timeout_is_thirty_minutes_and_a_page_view_writes_no_session():
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is False


def _expiry(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date


def test_active_session_is_renewed_once_a_minute_not_on_every_request(client, reader_user):
    client.force_login(reader_user)
    client.get("/")
    first = _expiry(client)
    client.get("/")
    assert _expiry(client) == first  # within the minute: no write
    session = client.session
    session[SESSION_RENEWED_KEY] = time.time() - settings.SESSION_RENEW_SECONDS - 1
    session.save()
    saved = _expiry(client)
    client.get("/")
    assert _expiry(client) > saved  # a minute later: the idle limit starts again


def test_session_ends_after_twelve_hours_however_active(client, reader_user):
    client.force_login(reader_user)
    assert client.get("/").status_code == 200
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 12 * 3600 - 60
    session.save()
    response = client.get("/")
    assert response.status_code == 302
    assert "/inloggen/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_session_within_twelve_hours_stays(client, reader_user):
    client.force_login(reader_user)
    client.get("/")
    session = client.session
    session[SESSION_STARTED_KEY] = time.time() - 11 * 3600
    session.save()
    assert client.get("/").status_code == 200
