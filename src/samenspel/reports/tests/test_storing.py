"""Storing a report: only who may make it (`can_store_report`), at most
MAX_STORED_REPORTS_PER_USER a user, and rendered before the short write transaction."""

import datetime as dt
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD
from samenspel.agenda.tests.factories import AgreementFactory, ProgressUpdateFactory
from samenspel.jobs.testing import job_from, run_jobs
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.reports import services
from samenspel.reports.constants import MAX_STORED_REPORTS_PER_USER
from samenspel.reports.models import GeneratedReport
from samenspel.reports.registry import REPORT_TYPES
from samenspel.reports.services import StoredReportsFull, report_generate

AS_OF = "2024-09-30"
HEALTH = "gezondheid-en-welzijn"  # chaired by voorzitter-gw
ENERGY = "energie-klimaat-en-milieu"  # kerngroep-ekm is in its core group
ROLES = (
    "lezer",
    "voorzitter-gw",
    "kerngroep-ekm",
    "accounthouder-assen",
    "accounthouder-emmen",
    "bureau",
)


def sign_in(client, username):
    client.logout()
    response = client.post("/inloggen/", {"username": username, "password": DEMO_TEST_PASSWORD})
    assert response.status_code == 302, username
    assert int(client.session["_auth_user_id"]) == User.objects.get(username=username).pk


def make(client, kind, **scope):
    return client.post(
        reverse("reports:make", args=[kind]), {"peildatum": AS_OF, "formaat": "docx", **scope}
    )


# (who, report type, scope, may store): the bureau everything; the association-wide
# reports (kwartaal, jaar, evaluatie) everyone with a working role; chairs and core groups
# the reports of their own portfolio; account holders their own member's report; readers
# none.
CASES = [
    ("bureau", "kwartaal", {}, True),
    ("lezer", "kwartaal", {}, False),
    ("lezer", "jaar", {}, False),
    ("lezer", "portefeuille", {"portefeuille": HEALTH}, False),
    ("voorzitter-gw", "portefeuille", {"portefeuille": HEALTH}, True),
    ("voorzitter-gw", "overdracht", {"portefeuille": ENERGY}, False),
    ("voorzitter-gw", "jaar", {}, True),
    ("kerngroep-ekm", "overdracht", {"portefeuille": ENERGY}, True),
    ("kerngroep-ekm", "portefeuille", {"portefeuille": HEALTH}, False),
    ("kerngroep-ekm", "kwartaal", {}, True),
    ("accounthouder-assen", "lid", {"organisatie": "assen"}, True),
    ("accounthouder-assen", "kwartaal", {}, True),
    ("accounthouder-emmen", "lid", {"organisatie": "assen"}, False),
]


@pytest.mark.parametrize(("username", "kind", "scope", "allowed"), CASES)
def test_only_who_may_make_a_report_stores_it(client, vdg_demo, username, kind, scope, allowed):
    sign_in(client, username)
    response = make(client, kind, **scope)
    stored = GeneratedReport.objects.filter(created_by__username=username, kind=kind)
    if allowed:
        job = job_from(response)  # made in the background; the job offers the stored file
        run_jobs()
        job.refresh_from_db()
        assert job.status == "klaar" and job.file.name == stored.get().file.name
    else:
        assert response.status_code == 403
        assert not stored.exists()


@pytest.mark.parametrize("kind", ["kwartaal", "jaar", "evaluatie"])
def test_association_wide_reports_are_stored_by_every_working_role(vdg_demo, kind):
    # (The demo has no evaluation round, so making `evaluatie` ends before storing; the
    # rule is the same for the three types.)
    may = {
        username: REPORT_TYPES[kind].may_store(User.objects.get(username=username))
        for username in ROLES
    }
    assert may == {
        "lezer": False,
        "voorzitter-gw": True,
        "kerngroep-ekm": True,
        "accounthouder-assen": True,
        "accounthouder-emmen": True,
        "bureau": True,
    }
    assert not REPORT_TYPES[kind].may_store(AnonymousUser())
    inactive = User.objects.get(username="voorzitter-gw")
    inactive.is_active = False
    assert not REPORT_TYPES[kind].may_store(inactive)


def test_the_make_button_is_shown_only_to_who_may_store(client, vdg_demo):
    url = reverse("reports:page", args=["portefeuille"]) + f"?peildatum={AS_OF}&portefeuille="
    make_url = reverse("reports:make", args=["portefeuille"])
    sign_in(client, "voorzitter-gw")
    assert make_url in client.get(url + HEALTH).text
    assert make_url not in client.get(url + ENERGY).text
    sign_in(client, "lezer")
    page = client.get(url + HEALTH)
    assert page.status_code == 200  # reading stays open to everyone signed in
    assert make_url not in page.text
    assert PORTFOLIO_NOTE in page.text


# The note for who may not store: one text per scope, saying who may.
ASSOCIATION_NOTE = (
    "Als bestand maken en bewaren kunnen het bureau en wie een rol heeft in een portefeuille "
    "of als accounthouder."
)
PORTFOLIO_NOTE = (
    "Als bestand maken en bewaren kunnen het bureau en de voorzitter en kerngroep van deze "
    "portefeuille."
)
MEMBER_NOTE = "Als bestand maken en bewaren kunnen het bureau en de accounthouder van dit lid."


def test_the_note_says_who_may_store_and_only_to_who_may_not(client, vdg_demo):
    quarterly = reverse("reports:page", args=["kwartaal"]) + f"?peildatum={AS_OF}"
    portfolio = reverse("reports:page", args=["portefeuille"]) + f"?peildatum={AS_OF}&portefeuille="
    sign_in(client, "lezer")
    page = client.get(quarterly).text
    assert ASSOCIATION_NOTE in page
    assert PORTFOLIO_NOTE not in page and MEMBER_NOTE not in page
    sign_in(client, "voorzitter-gw")
    assert "Als bestand maken en bewaren" not in client.get(quarterly).text
    assert "Als bestand maken en bewaren" not in client.get(portfolio + HEALTH).text
    page = client.get(portfolio + ENERGY).text
    assert PORTFOLIO_NOTE in page
    assert ASSOCIATION_NOTE not in page


def test_the_member_note(rf, reader_user):
    """Who may not store a member report cannot open its page either, so the member note
    is checked on the template itself."""
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = reader_user
    page = render_to_string(
        "reports/report.html",
        {"report_type": REPORT_TYPES["lid"], "report": {"title": "Lid"}, "may_store": False},
        request=request,
    )
    assert MEMBER_NOTE in page
    assert ASSOCIATION_NOTE not in page and PORTFOLIO_NOTE not in page


def test_the_service_refuses_who_may_not_store(vdg_demo):
    with mock.patch.object(services, "report_render") as render:
        for username, kind, portfolio, organisation in [
            ("lezer", "kwartaal", None, None),
            ("voorzitter-gw", "portefeuille", ENERGY, None),
            ("accounthouder-emmen", "lid", None, "assen"),
        ]:
            with pytest.raises(PermissionDenied):
                report_generate(
                    association=association_default(),
                    kind=kind,
                    as_of=dt.date(2024, 9, 30),
                    fmt="docx",
                    portfolio=Portfolio.objects.get(slug=portfolio) if portfolio else None,
                    organisation=Organisation.objects.get(slug=organisation)
                    if organisation
                    else None,
                    user=User.objects.get(username=username),
                )
        with pytest.raises(PermissionDenied):
            report_generate(
                association=association_default(),
                kind="kwartaal",
                as_of=dt.date(2024, 9, 30),
                fmt="docx",
                user=None,
            )
    render.assert_not_called()
    assert not GeneratedReport.objects.exists()


def _fill(user, count, association=None):
    GeneratedReport.objects.bulk_create(
        GeneratedReport(
            association=association or association_default(),
            kind="kwartaal",
            title=f"Oud {n}",
            as_of=dt.date(2024, 9, 30),
            format="pdf",
            file=f"rapportages/2024/oud-{n}.pdf",
            created_by=user,
        )
        for n in range(count)
    )


def test_beyond_the_cap_making_is_refused_with_a_message_and_nothing_is_deleted(client, vdg_demo):
    bureau = User.objects.get(username="bureau")
    _fill(bureau, MAX_STORED_REPORTS_PER_USER)
    sign_in(client, "bureau")
    with mock.patch.object(services, "report_render") as render:
        response = make(client, "kwartaal")
    render.assert_not_called()  # refused before the seconds of rendering
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:page", args=["kwartaal"])
    page = client.get(response["Location"]).text
    assert f"U hebt al {MAX_STORED_REPORTS_PER_USER} rapportages bewaard" in page
    # The bureau deletes old reports itself; it is not told to ask the bureau.
    assert "Verwijder oude rapportages in het beheer en maak deze daarna opnieuw." in page
    assert "Laat het bureau" not in page
    assert GeneratedReport.objects.filter(created_by=bureau).count() == MAX_STORED_REPORTS_PER_USER
    # Another user's reports do not count against the bureau, nor the bureau's against them.
    sign_in(client, "voorzitter-gw")
    assert make(client, "portefeuille", portefeuille=HEALTH).status_code == 302
    with pytest.raises(StoredReportsFull):
        report_generate(
            association=association_default(),
            kind="kwartaal",
            as_of=dt.date(2024, 9, 30),
            fmt="docx",
            user=bureau,
        )


def test_a_full_user_without_the_admin_is_told_to_ask_the_bureau(client, vdg_demo):
    chair = User.objects.get(username="voorzitter-gw")
    _fill(chair, MAX_STORED_REPORTS_PER_USER)
    sign_in(client, "voorzitter-gw")
    with mock.patch.object(services, "report_render") as render:
        response = make(client, "portefeuille", portefeuille=HEALTH)
    render.assert_not_called()
    page = client.get(response["Location"]).text
    assert f"U hebt al {MAX_STORED_REPORTS_PER_USER} rapportages bewaard" in page
    assert "Laat het bureau oude rapportages verwijderen (in het beheer)" in page
    assert "Verwijder oude rapportages" not in page


def test_one_below_the_cap_still_stores(vdg_demo):
    bureau = User.objects.get(username="bureau")
    _fill(bureau, MAX_STORED_REPORTS_PER_USER - 1)
    with mock.patch.object(services, "report_render", return_value=b"docx"):
        stored = report_generate(
            association=association_default(),
            kind="kwartaal",
            as_of=dt.date(2024, 9, 30),
            fmt="docx",
            user=bureau,
        )
    assert stored.file.read() == b"docx"
    assert GeneratedReport.objects.filter(created_by=bureau).count() == MAX_STORED_REPORTS_PER_USER


# --- render first, then write ---------------------------------------------------------
#
# Tests run inside a transaction of their own, so "outside a transaction" means: no deeper
# than the test's baseline. The render must run at the baseline depth, the write one deeper.


@pytest.fixture
def small_agenda(db):
    agreement = AgreementFactory()
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 3, 1))
    return agreement


@pytest.fixture
def depths():
    """Record the transaction depth when the report is rendered and when its row is saved."""
    seen = {}
    render = services.report_render
    save = GeneratedReport.save

    def recording_render(*args, **kwargs):
        seen["render"] = len(connection.atomic_blocks)
        return render(*args, **kwargs)

    def recording_save(self, *args, **kwargs):
        seen["write"] = len(connection.atomic_blocks)
        return save(self, *args, **kwargs)

    with (
        mock.patch.object(services, "report_render", recording_render),
        mock.patch.object(GeneratedReport, "save", recording_save),
    ):
        yield seen


def test_the_service_renders_outside_the_write_transaction(small_agenda, bureau_user, depths):
    baseline = len(connection.atomic_blocks)
    report_generate(
        association=association_default(),
        kind="kwartaal",
        as_of=dt.date(2024, 9, 30),
        fmt="pdf",
        user=bureau_user,
    )
    assert depths == {"render": baseline, "write": baseline + 1}


def test_the_job_renders_outside_any_transaction(client, small_agenda, bureau_user, depths):
    # The page queues a job; the worker renders, and not inside a transaction of its own
    # (jobs.services.job_run claims the job in a short one, then works outside it).
    baseline = len(connection.atomic_blocks)
    client.force_login(bureau_user)
    job_from(make(client, "kwartaal"))
    assert depths == {}  # nothing rendered in the request
    run_jobs()
    assert depths == {"render": baseline, "write": baseline + 1}


def test_the_write_transaction_checks_the_cap_again(small_agenda, bureau_user, settings):
    """A report stored by the same user while this one renders (another request) fills the
    last place; the check with the user's row locked refuses this one: no row, no file."""
    _fill(bureau_user, MAX_STORED_REPORTS_PER_USER - 1)

    def render_while_another_request_stores(report, *, fmt):
        _fill(bureau_user, 1)  # the other request's report, the 100th
        return b"%PDF-1.7"

    with (
        mock.patch.object(services, "report_render", render_while_another_request_stores),
        pytest.raises(StoredReportsFull),
    ):
        report_generate(
            association=association_default(),
            kind="kwartaal",
            as_of=dt.date(2024, 9, 30),
            fmt="pdf",
            user=bureau_user,
        )
    rows = GeneratedReport.objects.filter(created_by=bureau_user)
    assert rows.count() == MAX_STORED_REPORTS_PER_USER
    assert not rows.exclude(title__startswith="Oud ").exists()
    folder = settings.MEDIA_ROOT / "rapportages"
    assert not folder.exists() or not any(folder.rglob("*.pdf"))


def test_a_failed_write_leaves_no_file(small_agenda, bureau_user, settings):
    with (
        mock.patch.object(services, "report_render", return_value=b"%PDF-1.7"),
        mock.patch.object(GeneratedReport, "save", side_effect=RuntimeError("database down")),
        pytest.raises(RuntimeError),
    ):
        report_generate(
            association=association_default(),
            kind="kwartaal",
            as_of=dt.date(2024, 9, 30),
            fmt="pdf",
            user=bureau_user,
        )
    folder = settings.MEDIA_ROOT / "rapportages"
    assert not folder.exists() or not any(folder.rglob("*.pdf"))
