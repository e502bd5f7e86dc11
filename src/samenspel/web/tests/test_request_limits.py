"""Request size limits: too many fields or too large a form body is a 400, not a slow page."""

import pytest
from django.conf import settings

LOGIN = "/inloggen/"


@pytest.mark.django_db
def test_too_many_fields_are_refused(client):
    data = {f"f{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert client.post(LOGIN, data).status_code == 400


@pytest.mark.django_db
def test_too_large_a_form_body_is_refused(client):
    data = {"username": "bureau", "password": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE}
    assert client.post(LOGIN, data).status_code == 400


def test_the_limits_are_set():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 5 * 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_NUMBER_FIELDS == 1000
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE
