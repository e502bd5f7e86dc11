"""The agreement list sorts on the server by `?sorteer=`, keeping its filters."""

from samenspel.accounts.models import User
from samenspel.web.tests.sorting_checks import assert_sorts


def test_the_agreement_list_sorts_by_last_update_both_ways(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2026-03-01"
    client.force_login(User.objects.get(username="bureau"))
    assert_sorts(client, "/agenda/afspraken/", "update", lambda a: a.last_update, filters="q=en")


def test_the_agreement_list_sorts_statuses_in_their_own_order(client, vdg_demo_data, settings):
    from samenspel.agenda.constants import Status

    settings.SAMENSPEL_TODAY = "2026-03-01"
    client.force_login(User.objects.get(username="bureau"))
    rank = list(Status.values).index
    assert_sorts(client, "/agenda/afspraken/", "status", lambda a: rank(a.current_status))
