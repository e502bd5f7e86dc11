"""The proposal list (derived states, sorted once read) follows `?sorteer=`."""

from samenspel.accounts.models import User
from samenspel.web.tests.sorting_checks import assert_sorts


def test_the_proposal_list_sorts_by_title_both_ways(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2026-03-01"
    client.force_login(User.objects.get(username="bureau"))
    assert_sorts(client, "/voorstellen/", "voorstel", lambda s: s.proposal.title, filters="q=e")


def test_the_proposal_list_sorts_by_stage(client, vdg_demo_data, settings):
    from samenspel.decisions.constants import Stage

    settings.SAMENSPEL_TODAY = "2026-03-01"
    client.force_login(User.objects.get(username="bureau"))
    assert_sorts(client, "/voorstellen/", "fase", lambda s: list(Stage).index(s.stage))
