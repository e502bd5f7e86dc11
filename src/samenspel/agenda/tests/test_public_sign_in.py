"""The public page shows anonymous visitors the way in, back to the page they were on."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from samenspel.agenda.tests.test_views import fixed_today, world  # noqa: F401 (fixtures)

CALL_OUT = "Werkt u mee aan de agenda? Log in om voortgang bij te werken"


def test_anonymous_visitors_get_a_sign_in_link_back_to_the_public_page(client, world):  # noqa: F811
    page = client.get(reverse("public:index")).content.decode()
    assert CALL_OUT in page
    login = f"{reverse('accounts:login')}?next={quote(reverse('public:index'))}"
    assert f'href="{login}">Inloggen</a>' in page


@pytest.mark.parametrize("role", ["reader", "bureau"])
def test_signed_in_users_do_not_get_the_call_out(client, world, make_user, role):  # noqa: F811
    client.force_login(make_user(role))
    page = client.get(reverse("public:index")).content.decode()
    assert reverse("public:index") in page  # the page itself did render
    assert CALL_OUT not in page
