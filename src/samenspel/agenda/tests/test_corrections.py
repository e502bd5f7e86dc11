"""Correcting and withdrawing a progress update: who may when, the reason, the status that
follows, the history that keeps the original; the pages with real roles; the htmx save
that updates the status line out of band."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.corrections import can_correct_progress_update
from samenspel.agenda import selectors, services
from samenspel.agenda.models import ProgressUpdate
from samenspel.agenda.tests.factories import AgreementFactory, ProgressUpdateFactory
from samenspel.core.versioning import EditConflict


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.SAMENSPEL_TODAY = "2024-09-01"
    settings.SAMENSPEL_CORRECTION_DAYS = 30


@pytest.fixture
def chair(make_user, agreement):
    return make_user(RoleKind.PORTFOLIO_CHAIR, portfolio=agreement.portfolio)


@pytest.fixture
def agreement(db):
    return AgreementFactory(slug="zorg")


@pytest.fixture
def update(agreement, chair):
    """The chair's first of two updates (on track in June; delayed in August)."""
    first = services.progress_update_add(
        agreement=agreement, author=chair, date=dt.date(2024, 6, 1), status="on_track", text="Goed"
    )
    services.progress_update_add(
        agreement=agreement, author=chair, date=dt.date(2024, 8, 1), status="delayed", text="Laat"
    )
    return first


def correct(update, user, **changes):
    values = {
        "date": update.date,
        "status": update.status,
        "text": update.text,
        "reason": "Tikfout",
        **changes,
    }
    return services.progress_update_correct(
        update=update, user=user, expected_version=update.version, **values
    )


def status_of(agreement):
    return selectors.agreements_with_progress().get(pk=agreement.pk).current_status


def test_the_author_corrects_and_the_history_keeps_the_original_with_the_reason(update, chair):
    corrected = correct(update, chair, text="Goed op weg", status="at_risk")
    assert (corrected.text, corrected.status, corrected.version) == ("Goed op weg", "at_risk", 2)
    assert corrected.correction_reason == "Tikfout" and corrected.corrected_at is not None
    latest, original = corrected.history.order_by("-history_id")[:2]
    assert (original.text, original.status) == ("Goed", "on_track")
    assert latest.history_change_reason == "Tikfout" and latest.history_user == chair


def test_a_reason_is_required(update, chair):
    with pytest.raises(ValidationError) as error:
        correct(update, chair, reason="  ")
    assert "reason" in error.value.error_dict
    with pytest.raises(ValidationError):
        services.progress_update_withdraw(
            update=update, user=chair, expected_version=update.version, reason=""
        )


def test_after_the_period_only_the_bureau(update, chair, bureau_user, make_user, agreement):
    other_chair = make_user(RoleKind.PORTFOLIO_CHAIR, portfolio=agreement.portfolio)
    assert can_correct_progress_update(chair, update)
    assert not can_correct_progress_update(other_chair, update)  # not the author
    ProgressUpdate.objects.filter(pk=update.pk).update(
        created_at=timezone.now() - dt.timedelta(days=31)
    )
    update.refresh_from_db()
    assert not can_correct_progress_update(chair, update)
    with pytest.raises(PermissionDenied):
        correct(update, chair)
    assert correct(update, bureau_user).version == 2


def test_a_withdrawn_update_no_longer_counts_and_is_kept(agreement, update, chair):
    latest = agreement.updates.get(date=dt.date(2024, 8, 1))
    assert status_of(agreement) == "delayed"
    withdrawn = services.progress_update_withdraw(
        update=latest, user=chair, expected_version=latest.version, reason="Verkeerde afspraak"
    )
    assert withdrawn.withdrawn_at is not None and withdrawn.withdrawal_reason
    assert status_of(agreement) == "on_track"  # the update before it counts again
    assert agreement.updates.count() == 2  # kept
    assert not can_correct_progress_update(chair, withdrawn)
    assert withdrawn.history.latest().history_change_reason == "Verkeerde afspraak"


def test_a_correction_keeps_the_status_sequence(agreement, update, chair):
    later = agreement.updates.get(date=dt.date(2024, 8, 1))
    with pytest.raises(ValidationError, match="kan niet naar"):
        correct(later, chair, status="not_started")  # on_track → not started is not allowed
    with pytest.raises(ValidationError, match="kan de update van 1-8-2024"):
        correct(update, chair, status="stopped")  # stopped → delayed is not allowed
    assert correct(later, chair, status="done").percent == 100


def test_a_stale_correction_is_a_conflict(update, chair, bureau_user):
    correct(update, bureau_user, text="Eerst")
    with pytest.raises(EditConflict):
        correct(update, chair, text="Daarna")  # `update` still has version 1
    update.refresh_from_db()
    assert update.text == "Eerst"


# --- the pages ---------------------------------------------------------------------------


def test_who_may_open_the_correction_pages(client, update, chair, make_user, bureau_user):
    url = f"/agenda/voortgang/{update.pk}/corrigeren/"
    other_chair = make_user(RoleKind.PORTFOLIO_CHAIR, portfolio=update.agreement.portfolio)
    for user, expected in [(chair, 200), (other_chair, 403), (bureau_user, 200)]:
        client.force_login(user)
        assert client.get(url).status_code == expected
        assert client.get(f"/agenda/voortgang/{update.pk}/intrekken/").status_code == expected
    client.force_login(make_user(RoleKind.READER))
    assert client.post(url, {"reason": "x"}).status_code == 403


def test_the_author_corrects_through_the_page(client, update, chair):
    client.force_login(chair)
    url = f"/agenda/voortgang/{update.pk}/corrigeren/"
    form = client.get(url).context["form"]
    assert form.initial["text"] == "Goed" and form.initial["version"] == 1
    data = {"date": "2024-06-01", "status": "on_track", "text": "Goed, met cijfers", "version": 1}
    refused = client.post(url, data)
    assert refused.status_code == 200 and "reason" in refused.context["form"].errors
    response = client.post(url, {**data, "reason": "Cijfers vergeten"})
    assert response.status_code == 302 and response["Location"].endswith(f"#update-{update.pk}")
    page = client.get("/agenda/afspraken/zorg/").content.decode()
    assert "Goed, met cijfers" in page and "Cijfers vergeten" in page


def test_withdrawn_updates_are_shown_marked_to_the_bureau_only(
    client, agreement, update, chair, bureau_user
):
    latest = agreement.updates.get(date=dt.date(2024, 8, 1))
    client.force_login(chair)
    url = f"/agenda/voortgang/{latest.pk}/intrekken/"
    assert client.post(url, {"reason": "Dubbel", "version": 1}).status_code == 302
    page = client.get("/agenda/afspraken/zorg/")
    assert "Laat" not in page.content.decode()
    assert page.context["agreement"].current_status == "on_track"
    client.force_login(bureau_user)
    html = client.get("/agenda/afspraken/zorg/").content.decode()
    assert "samenspel-update--withdrawn" in html and "Dubbel" in html


def test_another_associations_update_is_not_found(client, bureau_user):
    from samenspel.agenda.tests.factories import AgendaFactory
    from samenspel.organisations.models import Association

    other = Association.objects.create(slug="elders", name="Regio Elders", short_name="RE")
    agenda = AgendaFactory(association=other, slug="elders-agenda")
    elsewhere = ProgressUpdateFactory(agreement=AgreementFactory(agenda=agenda))
    client.force_login(bureau_user)
    for action in ("corrigeren", "intrekken"):
        url = f"/agenda/voortgang/{elsewhere.pk}/{action}/"
        assert client.get(url).status_code == 404
        assert client.post(url, {"reason": "x", "version": 1}).status_code == 404


def test_an_htmx_save_updates_the_status_line_and_focuses_the_confirmation(
    client, agreement, update, chair
):
    client.force_login(chair)
    response = client.post(
        "/agenda/afspraken/zorg/voortgang/",
        {"date": "2024-08-31", "status": "at_risk", "text": "Via htmx"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert 'id="agreement-status" hx-swap-oob="true"' in html
    status_line = html[html.index('id="agreement-status"') :]
    assert "samenspel-badge--at_risk" in status_line.split("</p>")[0]
    assert 'id="progress-saved" tabindex="-1" autofocus' in html
    refused = client.post(
        "/agenda/afspraken/zorg/voortgang/", {"status": "at_risk"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'id="progress-errors" tabindex="-1" autofocus' in refused
    assert "hx-swap-oob" not in refused
