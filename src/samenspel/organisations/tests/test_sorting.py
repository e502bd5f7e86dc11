"""The organisation list sorts on the server by `?sorteer=`, keeping the search."""

from samenspel.accounts.models import User
from samenspel.web.tests.sorting_checks import assert_sorts


def test_the_organisation_list_sorts_by_seats_both_ways(client, vdg_demo_data):
    client.force_login(User.objects.get(username="bureau"))
    assert_sorts(
        client, "/organisaties/", "zetels", lambda o: o.seats, filters="soort=municipality"
    )
