"""Following and the weekly digest: content, no duplicates, one-click unfollow."""

import datetime as dt
import io
import time
from unittest import mock

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.urls import reverse

from samenspel.agenda.tests.factories import (
    AgreementFactory,
    MilestoneFactory,
    ProgressUpdateFactory,
)
from samenspel.organisations.associations import association_default
from samenspel.reports.following import digest_for, follow_add, unfollow_by_token, unfollow_token
from samenspel.reports.models import DigestItem, Follow


@pytest.fixture
def followed(db, make_user):
    agreement = AgreementFactory(title="Regionale monitor")
    other = AgreementFactory(agenda=agreement.agenda, portfolio=agreement.portfolio)
    user = make_user("reader")
    user.email = "lezer@example.org"
    user.save()
    association = agreement.agenda.association
    follow_add(user=user, association=association, target="agreement", object_id=agreement.pk)
    follow_add(
        user=user, association=association, target="portfolio", object_id=agreement.portfolio.pk
    )
    return user, agreement, other


def test_digest_lists_updates_and_milestones_once(followed):
    user, agreement, other = followed
    ProgressUpdateFactory(agreement=agreement, date=dt.date.today(), text="Werkgroep gestart.")
    ProgressUpdateFactory(agreement=other, date=dt.date.today(), status="delayed", text="Later.")
    MilestoneFactory(agreement=agreement, title="Monitor klaar", reached_on=dt.date.today())
    digest = digest_for(user, association=association_default())
    texts = [c.text for *_, changes in digest.sections for c in changes]
    assert len(digest.keys) == 3  # the agreement's update shows once, not per follow
    assert any("Werkgroep gestart." in t for t in texts)
    assert any("Mijlpaal bereikt" in t and "Monitor klaar" in t for t in texts)
    assert any("Vertraagd" in t for t in texts)


def test_senddigests_sends_nothing_twice_and_dry_run_sends_nothing(followed):
    _user, agreement, _other = followed
    ProgressUpdateFactory(agreement=agreement, date=dt.date.today(), text="Werkgroep gestart.")
    out = io.StringIO()
    call_command("senddigests", "--dry-run", stdout=out)
    assert "Werkgroep gestart." in out.getvalue()
    assert mail.outbox == [] and not DigestItem.objects.exists()

    out = io.StringIO()
    call_command("senddigests", stdout=out)
    assert "Samenvattingen verstuurd: 1" in out.getvalue()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["lezer@example.org"]
    assert "Werkgroep gestart." in message.body
    assert "/rapportages/volgen/stoppen/" in message.body
    assert "List-Unsubscribe" in message.extra_headers

    call_command("senddigests", stdout=io.StringIO())
    assert len(mail.outbox) == 1  # nothing new: no second mail
    ProgressUpdateFactory(agreement=agreement, date=dt.date.today(), text="Tweede bericht.")
    call_command("senddigests", stdout=io.StringIO())
    assert len(mail.outbox) == 2
    assert "Tweede bericht." in mail.outbox[1].body
    assert "Werkgroep gestart." not in mail.outbox[1].body


def test_one_click_unfollow_with_a_signed_link(client, followed):
    user, _agreement, _other = followed
    follow = Follow.objects.get(user=user, target="agreement")
    url = reverse("reports:unfollow", args=[unfollow_token(follow)])
    page = client.get(url)
    assert page.status_code == 200
    assert "Regionale monitor" in page.text
    # Opening the link (or a mail client prefetching it) stops nothing; the button does.
    assert Follow.objects.filter(pk=follow.pk).exists()
    assert client.post(url).status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()
    assert client.get(url[:-5] + "xxxx/").status_code == 404


def test_follow_pages(client, followed, make_user):
    user, agreement, _other = followed
    client.force_login(user)
    page = client.get(reverse("reports:follows"))
    assert "Afspraak: Regionale monitor" in page.text
    response = client.post(
        reverse("reports:follow"),
        {"target": "agreement", "object_id": agreement.pk, "stop": "on", "next": "/rapportages/"},
    )
    assert response["Location"] == "/rapportages/"
    assert not Follow.objects.filter(user=user, target="agreement").exists()
    stranger = make_user("reader")
    client.force_login(stranger)
    client.post(reverse("reports:follows"), {"agreement": agreement.pk})
    assert Follow.objects.filter(user=stranger, target="agreement").count() == 1
    assert (
        client.post(
            reverse("reports:follow"), {"target": "proposal", "object_id": 999999}
        ).status_code
        == 404
    )


def _signed_days_ago(follow, days):
    """A token as `unfollow_token` made it `days` days ago (signing reads time.time())."""
    with mock.patch("time.time", return_value=time.time() - days * 24 * 3600):
        return unfollow_token(follow)


def test_an_unfollow_link_expires_after_the_max_age(client, followed, settings):
    assert settings.SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS == 60
    user, _agreement, _other = followed
    follow = Follow.objects.get(user=user, target="agreement")
    fresh = _signed_days_ago(follow, 59)
    assert unfollow_by_token(fresh) == (user.pk, "agreement", follow.object_id)
    old = _signed_days_ago(follow, 61)
    with pytest.raises(signing.SignatureExpired):
        unfollow_by_token(old)

    url = reverse("reports:unfollow", args=[old])
    for response in (client.get(url), client.post(url)):
        assert response.status_code == 410
        assert "Deze afmeldlink is verlopen" in response.text
        assert reverse("reports:follows") in response.text  # sign in and stop there
        assert "60 dagen" in response.text
        # Every link of the last max-age days works, not only the newest e-mail's.
        assert "Een link uit een e-mail van de afgelopen 60 dagen werkt wel." in response.text
        assert "nieuwste e-mail" not in response.text
    assert Follow.objects.filter(pk=follow.pk).exists()  # an expired link stops nothing

    assert client.get(reverse("reports:unfollow", args=[fresh])).status_code == 200
    assert client.post(reverse("reports:unfollow", args=[fresh])).status_code == 200
    assert not Follow.objects.filter(pk=follow.pk).exists()


def test_the_max_age_is_a_setting_and_a_forged_link_stays_a_404(client, followed, settings):
    user, _agreement, _other = followed
    follow = Follow.objects.get(user=user, target="portfolio")
    settings.SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS = 1
    token = _signed_days_ago(follow, 2)
    assert client.get(reverse("reports:unfollow", args=[token])).status_code == 410
    forged = signing.dumps([user.pk, "portfolio", follow.object_id], salt="iets anders")
    assert client.get(reverse("reports:unfollow", args=[forged])).status_code == 404
    assert client.get(reverse("reports:unfollow", args=[token[:-4] + "xxxx"])).status_code == 404
