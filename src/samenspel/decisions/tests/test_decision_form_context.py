"""The decision form shows, above the form, what the college decided on: the deadline,
the organisation's share of the money and its hours, the decision points and its own
college proposal."""

import pytest
from django.urls import reverse

from samenspel.decisions.tests.conftest import participant_of
from samenspel.decisions.tests.test_documents import emmen_share
from samenspel.decisions.tests.test_views import decide_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SAMENSPEL_TODAY = "2024-07-01"


def test_the_form_is_below_the_deadline_share_hours_points_and_document(
    client, make_user, members, sent_proposal
):
    emmen = participant_of(sent_proposal, "emmen")
    client.force_login(make_user("account_holder", organisation=emmen.organisation))
    page = client.get(decide_url(sent_proposal, "emmen")).content.decode()
    form_at = page.index('<form method="post" class="samenspel-form"')
    above = page[:form_at]
    assert "1 juni 2024" in above  # the deadline
    assert "Bijdrage van Gemeente Emmen" in above
    assert f"2024: {emmen_share(sent_proposal)}" in above
    assert "Uren per jaar" in above and "20,0" in above
    assert "In te stemmen met de aanpak." in above
    assert "De bijdrage beschikbaar te stellen." in above
    for fmt in ("docx", "pdf"):
        url = reverse("decisions:document", args=[sent_proposal.pk, emmen.pk, fmt])
        assert f'href="{url}"' in above
