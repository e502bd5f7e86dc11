"""Deleting a stored report in the admin deletes its file, once the deletion is committed:
the cap of MAX_STORED_REPORTS_PER_USER then bounds the disk too."""

import datetime as dt
from unittest import mock

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.files.storage import default_storage
from django.urls import reverse

from samenspel.agenda.tests.factories import AgreementFactory
from samenspel.organisations.associations import association_default
from samenspel.reports import services
from samenspel.reports.models import GeneratedReport
from samenspel.reports.services import report_generate

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(bureau_user):
    """Two stored reports of the bureau, each with its file on disk."""
    AgreementFactory()
    with mock.patch.object(services, "report_render", return_value=b"%PDF-1.7"):
        reports = [
            report_generate(
                association=association_default(),
                kind="kwartaal",
                as_of=dt.date(2024, 9, 30),
                fmt="pdf",
                user=bureau_user,
            )
            for _ in range(2)
        ]
    for report in reports:
        assert default_storage.exists(report.file.name)
    return reports


def test_deleting_a_stored_report_deletes_its_file_after_commit(
    client, bureau_user, stored, django_capture_on_commit_callbacks
):
    report, other = stored
    client.force_login(bureau_user)
    url = reverse("admin:reports_generatedreport_delete", args=[report.pk])
    with django_capture_on_commit_callbacks() as callbacks:
        assert client.post(url, {"post": "yes"}).status_code == 302
        assert not GeneratedReport.objects.filter(pk=report.pk).exists()
        assert default_storage.exists(report.file.name)  # not before the commit
    assert callbacks
    for callback in callbacks:
        callback()
    assert not default_storage.exists(report.file.name)
    assert default_storage.exists(other.file.name)


def test_bulk_deleting_stored_reports_deletes_their_files(
    client, bureau_user, stored, django_capture_on_commit_callbacks
):
    client.force_login(bureau_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:reports_generatedreport_changelist"),
            {
                "action": "delete_selected",
                ACTION_CHECKBOX_NAME: [report.pk for report in stored],
                "post": "yes",
            },
        )
    assert response.status_code == 302
    assert not GeneratedReport.objects.exists()
    for report in stored:
        assert not default_storage.exists(report.file.name)
