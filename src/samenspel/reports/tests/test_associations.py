"""Stored reports, follows and evaluation rounds are their association's (issue 14): the
whole-association report of B is not listed or downloadable on A's host, follows made on
B's host are not in A's follows page or digest, and two agendas may name their
evaluation rounds alike."""

import datetime as dt
import io
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils.html import escape

from samenspel.accounts.models import User
from samenspel.agenda.models import Agenda, Agreement
from samenspel.jobs.testing import job_from, run_jobs
from samenspel.organisations.associations import association_default
from samenspel.reports import demo, services
from samenspel.reports.constants import MAX_STORED_REPORTS_PER_USER
from samenspel.reports.following import digest_for, follow_add, unfollow_token
from samenspel.reports.models import EvaluationRound, Follow, GeneratedReport
from samenspel.reports.services import StoredReportsFull, evaluation_round_create, report_generate
from samenspel.reports.tests.test_storing import _fill
from samenspel.web.tests.test_isolation import MARKER, association_b

B_HOST = "voorbeeld.localhost"


def _store(association, user, as_of=dt.date(2025, 9, 30)):
    with mock.patch.object(services, "report_render", return_value=b"%PDF-1.7"):
        return report_generate(
            association=association, kind="kwartaal", as_of=as_of, fmt="pdf", user=user
        )


# --- stored reports --------------------------------------------------------------------


def test_a_report_of_the_whole_association_b_is_only_bs(client, vdg_demo, make_user):
    b = association_b()
    b_bureau = make_user("bureau", association=b)
    stored = _store(b, b_bureau)
    assert stored.association == b
    urls = [
        reverse("reports:stored", args=[stored.pk]),
        reverse("reports:download", args=[stored.pk]),
    ]

    client.force_login(User.objects.get(username="bureau"))  # A's bureau sees every report of A
    assert urls[0] not in client.get(reverse("reports:list")).text
    for url in urls:
        assert client.get(url).status_code == 404
    # Signed in with a role in B too: on A's host it is still A's list.
    b_bureau.role_assignments.create(role="bureau", association=association_default())
    client.force_login(b_bureau)
    assert urls[0] not in client.get(reverse("reports:list")).text
    assert client.get(urls[1]).status_code == 404

    assert urls[0] in client.get(reverse("reports:list"), HTTP_HOST=B_HOST).text
    download = client.get(urls[1], HTTP_HOST=B_HOST)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.7"


def test_the_make_button_stores_the_report_in_the_requests_association(client, vdg_demo, make_user):
    b = association_b()
    client.force_login(make_user("bureau", association=b))
    with mock.patch.object(services, "report_render", return_value=b"%PDF-1.7"):
        response = client.post(
            reverse("reports:make", args=["kwartaal"]),
            {"peildatum": "2025-09-30", "formaat": "pdf"},
            HTTP_HOST=B_HOST,
        )
        job = job_from(response)
        run_jobs()
    assert job.association == b
    assert GeneratedReport.objects.get().association == b


def test_the_limit_of_stored_reports_is_per_association(vdg_demo, make_user):
    b = association_b()
    user = make_user("bureau", association=b)
    user.role_assignments.create(role="bureau", association=association_default())
    _fill(user, MAX_STORED_REPORTS_PER_USER, association=b)
    with pytest.raises(StoredReportsFull):
        _store(b, user)
    assert _store(association_default(), user, as_of=dt.date(2024, 9, 30)).pk


# --- follows and digests ---------------------------------------------------------------


@pytest.fixture
def follower_in_both(client, vdg_demo, make_user):
    """A reader of A and B follows one agreement of each, each on its own host."""
    b = association_b()
    user = make_user("reader", association=b)
    user.role_assignments.create(role="reader", association=association_default())
    user.email = "lezer@example.org"
    user.save()
    a_agreement = Agreement.objects.filter(agenda=vdg_demo).first()
    b_agreement = Agreement.objects.get(agenda__association=b, updates__isnull=False)
    client.force_login(user)
    for agreement, host in [(a_agreement, "testserver"), (b_agreement, B_HOST)]:
        response = client.post(
            reverse("reports:follows"), {"agreement": agreement.pk}, HTTP_HOST=host
        )
        assert response.status_code == 302
    return user, b, a_agreement, b_agreement


def test_follows_made_on_bs_host_are_bs(client, follower_in_both):
    user, b, a_agreement, b_agreement = follower_in_both
    follows = {f.object_id: f.association for f in Follow.objects.filter(user=user)}
    assert follows == {a_agreement.pk: association_default(), b_agreement.pk: b}

    a_page = client.get(reverse("reports:follows")).text
    assert MARKER not in a_page and escape(a_agreement.title) in a_page
    b_page = client.get(reverse("reports:follows"), HTTP_HOST=B_HOST).text
    assert escape(b_agreement.title) in b_page and escape(a_agreement.title) not in b_page
    with pytest.raises(Agreement.DoesNotExist):  # B's agreement cannot be followed in A
        follow_add(
            user=user,
            association=association_default(),
            target="agreement",
            object_id=b_agreement.pk,
        )


def test_bs_follows_are_not_in_as_digest(follower_in_both):
    user, b, _a_agreement, b_agreement = follower_in_both
    a_digest = digest_for(user, association=association_default())
    assert all(follow.association_id != b.pk for follow, *_ in a_digest.sections)
    b_digest = digest_for(user, association=b)
    assert [follow.object_id for follow, *_ in b_digest.sections] == [b_agreement.pk]

    out = io.StringIO()
    call_command("senddigests", "--dry-run", "--association", "vdg", stdout=out)
    assert MARKER not in out.getvalue()
    out = io.StringIO()
    call_command("senddigests", "--dry-run", "--association", "voorbeeld", stdout=out)
    assert f"{MARKER} voortgang" in out.getvalue()
    # Its links open on B's own host, where B's pages are (on A's host they are a 404).
    assert f"http://voorbeeld.localhost:8000{b_agreement.get_absolute_url()}" in out.getvalue()
    assert "http://localhost:8000/" not in out.getvalue()


def test_an_unfollow_link_of_bs_digest_works_on_any_host(client, follower_in_both):
    user, b, _a_agreement, b_agreement = follower_in_both
    follow = Follow.objects.get(user=user, association=b)
    client.logout()
    url = reverse("reports:unfollow", args=[unfollow_token(follow)])
    assert client.get(url).status_code == 200  # a link opened on another host works too
    assert client.post(url).status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert Follow.objects.filter(user=user).exclude(object_id=b_agreement.pk).count() == 1


# --- evaluation rounds -----------------------------------------------------------------


def test_two_agendas_may_have_an_evaluation_round_of_the_same_name(client, vdg_demo, make_user):
    b = association_b()
    assert EvaluationRound.objects.filter(agenda=vdg_demo, name=demo.NAME).exists()
    client.force_login(make_user("bureau", association=b))
    response = client.post(
        reverse("reports:evaluation_index"),
        {"name": demo.NAME, "starts_on": "2025-07-01", "ends_on": "2025-12-31"},
        HTTP_HOST=B_HOST,
    )
    assert response.status_code == 302
    assert EvaluationRound.objects.get(agenda__association=b).name == demo.NAME
    # Within one agenda the name stays unique, with a Dutch message.
    with pytest.raises(ValidationError, match="Deze agenda heeft al een evaluatieronde"):
        evaluation_round_create(
            agenda=Agenda.objects.get(association=b),
            name=demo.NAME,
            starts_on=dt.date(2026, 7, 1),
            ends_on=dt.date(2026, 12, 31),
        )
