"""Fixtures of the reports tests: the VDG agenda with the demo layer, loaded once per module.

Loading takes seconds, so `vdg_demo` commits it outside the tests' transactions for one
module and flushes the test database afterwards.
"""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture(scope="module")
def vdg_demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(SAMENSPEL_DEMO_PASSWORD="demo-test-1234"):
        try:
            call_command("setup", "--demo", stdout=io.StringIO())
            from samenspel.agenda.models import Agenda

            yield Agenda.objects.get(slug="vdg-2023-2027")
        finally:
            # Also after a failed setup: later test modules expect an empty database.
            call_command("flush", interactive=False, verbosity=0)
            # flush recreates content types with new ids: forget the cached ones.
            ContentType.objects.clear_cache()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Generated report files go to a temporary folder, not var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
