"""An ended seat ends its rights on the day after its end date, without editing roles,
and the history still shows who did what; the history page works without any role and
shows nothing of another association."""

import datetime as dt

import pytest
from django.urls import reverse

from samenspel.accounts.tests.factories import UserFactory
from samenspel.agenda.models import Agreement, ProgressUpdate
from samenspel.core.history import changed_by
from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Association, Portfolio
from samenspel.organisations.tests.factories import (
    BodyFactory,
    MembershipFactory,
    PersonFactory,
    PostFactory,
)


@pytest.fixture
def former_member(vdg_data):
    """A core group member of an agreement's portfolio from 1 January to 30 June 2024."""
    agreement = Agreement.objects.filter(
        agenda__association=association_default(), portfolio__isnull=False
    ).first()
    person = PersonFactory(name="Fenna Former")
    user = UserFactory(person=person, first_name="Fenna", last_name="Former")
    body = BodyFactory(kind=BodyKind.CORE_GROUP, portfolio=agreement.portfolio)
    MembershipFactory(
        post=PostFactory(body=body),
        person=person,
        start_date=dt.date(2024, 1, 1),
        end_date=dt.date(2024, 6, 30),
    )
    return user, agreement


def test_an_ended_membership_ends_the_rights_the_day_after(
    client, settings, former_member, bureau_user
):
    user, agreement = former_member
    edit = reverse("agenda:agreement_edit", kwargs={"slug": agreement.slug})
    client.force_login(user)
    settings.SAMENSPEL_TODAY = "2024-06-30"  # the last day of the seat ("tot en met")
    assert client.get(edit).status_code == 200
    response = client.post(
        reverse("agenda:update_add", kwargs={"slug": agreement.slug}),
        {"date": "2024-06-30", "status": "on_track", "text": "Kerngroep akkoord."},
    )
    assert response.status_code == 302
    assert ProgressUpdate.objects.get(agreement=agreement, author=user)

    settings.SAMENSPEL_TODAY = "2024-07-01"
    # No role left in the association: its pages do not exist for this account.
    assert client.get(edit).status_code == 404
    history = client.get(reverse("accounts:history")).content.decode()
    assert "beëindigd" in history and "30 juni 2024" in history
    assert "Voortgang" in history and agreement.title[:40] in history

    # What they did still names them, on the agreement page the bureau reads.
    client.force_login(bureau_user)
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert "Kerngroep akkoord." in page and "Fenna Former" in page


def test_the_history_page_shows_only_this_associations_rows(
    client, vdg_data, django_assert_max_num_queries
):
    user = UserFactory()  # no role anywhere
    other = Association.objects.create(slug="b", name="Regio B", short_name="B")
    for association, name in [(association_default(), "Eigen thema"), (other, "Geheim van B")]:
        portfolio = Portfolio(association=association, slug="c2-p", name=name, abbreviation="X")
        changed_by(portfolio, user)
        portfolio.save()
    client.force_login(user)
    url = reverse("accounts:history")
    client.get(url)  # warm the session
    with django_assert_max_num_queries(10):
        response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Eigen thema" in html and "aangemaakt" in html
    assert "Geheim van B" not in html
