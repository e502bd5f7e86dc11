"""Background jobs: made on a page, run by the worker's own code, the file offered only
to who may see it, run once however often the queue hands it out, picked up again after
a worker died, and a failure said in Dutch with a way to try again."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from samenspel.jobs import services
from samenspel.jobs.models import Job, JobStatus
from samenspel.jobs.registry import KINDS, JobKind, JobOutput, JobRefused
from samenspel.jobs.tasks import run_job
from samenspel.jobs.testing import job_from, run_jobs
from samenspel.meetings import services as meeting_services
from samenspel.meetings.tests.factories import MeetingFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation
from samenspel.organisations.tests.factories import PersonFactory

B_HOST = "voorbeeld.localhost"  # the example association's development host
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _batch_worker() -> None:
    call_command("worker", "--batch", verbosity=0)


def test_a_job_made_on_the_page_is_run_by_the_worker_and_offers_its_file(client, bureau_user):
    client.force_login(bureau_user)
    response = client.post(reverse("meetings:schedule_pdf", args=[2025]))
    job = job_from(response)
    assert (job.kind, job.status, job.requested_by) == (
        "vergaderplanning-pdf",
        "wacht",
        bureau_user,
    )

    page = client.get(job.get_absolute_url()).text
    assert 'role="status"' in page and 'aria-live="polite"' in page
    assert 'hx-trigger="every 2s"' in page  # polled while open
    assert "Vernieuwen" in page  # and without JavaScript, a link that reloads
    assert reverse("jobs:download", args=[job.pk]) not in page
    assert client.get(reverse("jobs:download", args=[job.pk])).status_code == 404
    poll = client.get(job.get_absolute_url() + "?stand=wacht", HTTP_HX_REQUEST="true")
    assert poll.status_code == 204  # unchanged: nothing to swap or announce

    _batch_worker()  # `samenspel worker --batch`: the library's worker runs the task

    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.file_name == "vergaderplanning-2025.pdf"
    fragment = client.get(job.get_absolute_url() + "?stand=wacht", HTTP_HX_REQUEST="true").text
    assert "<html" not in fragment and "hx-trigger" not in fragment  # polling stops
    assert reverse("jobs:download", args=[job.pk]) in fragment
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Type"] == "application/pdf"
    assert "vergaderplanning-2025.pdf" in download["Content-Disposition"]
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert job.title in client.get(reverse("jobs:list")).text
    assert reverse("jobs:list") in client.get(reverse("accounts:account")).text


def test_only_the_requester_and_who_may_see_the_report_see_the_job(client, vdg_data, make_user):
    from samenspel.web.tests.test_isolation import association_b

    assen = Organisation.objects.get(slug="assen")
    holder = make_user("account_holder", organisation=assen)
    client.force_login(holder)
    made = client.post(
        reverse("reports:make", args=["lid"]),
        {"peildatum": "2024-09-30", "organisatie": "assen", "formaat": "docx"},
    )
    job = job_from(made)
    run_jobs()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE, job.error
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download["Content-Type"] == DOCX
    assert b"".join(download.streaming_content).startswith(b"PK")  # a Word file

    detail, file = job.get_absolute_url(), reverse("jobs:download", args=[job.pk])
    emmen = Organisation.objects.get(slug="emmen")
    for user, status in [
        (make_user("bureau"), 200),  # may see every member's report
        (make_user("reader"), 403),
        (make_user("account_holder", organisation=emmen), 403),
    ]:
        client.force_login(user)
        assert client.get(detail).status_code == status
        assert client.get(file).status_code == status
        assert job.title not in client.get(reverse("jobs:list")).text  # not theirs

    b = association_b()
    b_bureau = make_user("bureau", association=b)
    client.force_login(b_bureau)
    for host in (B_HOST, "testserver"):  # on B's host: not B's; on A's: no role there
        assert client.get(detail, HTTP_HOST=host).status_code == 404
        assert client.get(file, HTTP_HOST=host).status_code == 404


@pytest.fixture
def agenda_mail(bureau_user, settings, tmp_path):
    """An agenda mail job for a meeting with one invitee, queued as the page queues it."""
    meeting = MeetingFactory(starts_at=dt.datetime(2030, 3, 14, 10, tzinfo=dt.UTC))
    member = PersonFactory(email="lid@example.org")
    meeting_services.invitation_guest_add(meeting=meeting, person=member, reason="Lid", user=None)
    return services.job_start(
        association=association_default(),
        user=bureau_user,
        kind="agenda-mail",
        title="Agenda versturen",
        params={"meeting": meeting.pk, "base_url": "http://testserver"},
    )


def test_a_job_runs_once_however_often_it_is_asked(agenda_mail, mailoutbox):
    # The same request again while it is open is the same job.
    again = services.job_start(
        association=agenda_mail.association,
        user=agenda_mail.requested_by,
        kind=agenda_mail.kind,
        title=agenda_mail.title,
        params=agenda_mail.params,
    )
    assert again.pk == agenda_mail.pk and Job.objects.count() == 1
    run_job.enqueue(agenda_mail.pk)  # a second queue task for the same job
    assert run_jobs() == 2
    assert services.job_run(agenda_mail.pk) == "overgeslagen"  # and once more by hand
    assert len(mailoutbox) == 1 and mailoutbox[0].bcc == ["lid@example.org"]
    agenda_mail.refresh_from_db()
    assert agenda_mail.status == JobStatus.DONE and agenda_mail.attempts == 1
    assert agenda_mail.result_text == "De agenda is verstuurd aan 1 genodigden."


def test_one_file_per_job_even_when_a_run_died_halfway(bureau_user):
    job = services.job_start(
        association=association_default(),
        user=bureau_user,
        kind="vergaderplanning-pdf",
        title="Planning",
        params={"year": 2025},
    )
    storage = job.file.storage
    storage.save(f"taken/{job.pk}/vergaderplanning-2025.pdf", ContentFile(b"half"))
    run_jobs()
    job.refresh_from_db()
    assert job.file.name == f"taken/{job.pk}/vergaderplanning-2025.pdf"
    assert storage.listdir(f"taken/{job.pk}")[1] == ["vergaderplanning-2025.pdf"]
    assert job.file.read().startswith(b"%PDF")


def test_a_job_running_when_the_worker_died_is_run_when_a_worker_starts(agenda_mail, mailoutbox):
    # A worker claimed the task and began the job, then died: the queue says RUNNING and
    # the job "bezig", and no worker would ever take it again.
    task = DBTaskResult.objects.get(id=agenda_mail.task_result_id)
    task.claim("dead-worker")
    services._claim(agenda_mail.pk, agenda_mail.task_result_id)
    assert run_jobs() == 0
    assert Job.objects.get(pk=agenda_mail.pk).status == JobStatus.RUNNING

    _batch_worker()  # starting a worker requeues it first

    agenda_mail.refresh_from_db()
    assert agenda_mail.status == JobStatus.DONE and agenda_mail.attempts == 2
    assert agenda_mail.task_result_id != str(task.id)
    task.refresh_from_db()
    assert task.status == TaskResultStatus.FAILED  # the dead worker's task is closed
    assert len(mailoutbox) == 1


def _failing(job):
    if job.params.get("refused"):
        raise JobRefused("De gegevens zijn niet compleet.")
    raise RuntimeError("boom")


def test_a_failed_job_says_why_in_dutch_and_can_be_tried_again(client, bureau_user, monkeypatch):
    monkeypatch.setitem(
        KINDS, "proef", JobKind("proef", "Proef", run=_failing, may_view=lambda u, j: False)
    )
    client.force_login(bureau_user)
    crash = services.job_start(
        association=association_default(), user=bureau_user, kind="proef", title="Proef"
    )
    refused = services.job_start(
        association=association_default(),
        user=bureau_user,
        kind="proef",
        title="Geweigerd",
        params={"refused": True},
    )
    run_jobs()
    page = client.get(crash.get_absolute_url()).text
    assert "Er ging iets mis bij het uitvoeren van deze taak" in page and "boom" not in page
    assert "utrecht-alert--error" in page and "Opnieuw proberen" in page
    assert "De gegevens zijn niet compleet." in client.get(refused.get_absolute_url()).text

    monkeypatch.setitem(
        KINDS,
        "proef",
        JobKind("proef", "Proef", run=lambda job: JobOutput(text="Gelukt."), may_view=None),
    )
    assert client.post(reverse("jobs:retry", args=[crash.pk])).status_code == 302
    crash.refresh_from_db()
    assert (crash.status, crash.error) == (JobStatus.WAITING, "")
    run_jobs()
    crash.refresh_from_db()
    assert crash.status == JobStatus.DONE and crash.attempts == 2
    assert "Gelukt." in client.get(crash.get_absolute_url()).text


def test_a_report_job_picked_up_again_does_not_store_the_report_twice(vdg_data, bureau_user):
    from samenspel.reports import services as report_services
    from samenspel.reports.jobs import REPORT, report_params
    from samenspel.reports.models import GeneratedReport

    job = services.job_start(
        association=association_default(),
        user=bureau_user,
        kind=REPORT,
        title="Kwartaal",
        params=report_params(
            kind="kwartaal",
            as_of=dt.date(2024, 9, 30),
            fmt="pdf",
            portfolio=None,
            organisation=None,
        ),
    )
    with mock.patch.object(report_services, "report_render", return_value=b"%PDF-1.7"):
        run_jobs()
        # The worker stored the report and died before it marked the job done.
        Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING)
        _batch_worker()
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.attempts == 2
    stored = GeneratedReport.objects.get(created_by=bureau_user)
    assert job.file.name == stored.file.name
