"""The permission matrix: every URL, for every demo role and anonymous, by GET and POST.

Each cell is what the user gets: `200`, `login` (a redirect to the sign-in page), `302`
(another redirect: the action was done or the form sends them on), `400`, `403`, `404`
or `405`. POSTs carry no data, so a permitted user meets the form's own validation;
every request runs in a savepoint that is rolled back, so the cells do not depend on
each other. A URL that is not in the matrix fails the test: decide who may use it.
"""

import pytest
from django.db import transaction
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.web.tests.matrix import MATRIX, ROLES
from samenspel.web.tests.matrix_objects import matrix_arguments
from samenspel.web.tests.urlconf import routes

# The admin's own pages are guarded by one rule (web/admin_site.py); its index stands
# for them, and the model pages are walked once by the bureau in the admin tests.
ADMIN = "admin:index"


def _checked_routes() -> list[str]:
    return sorted({r.name for r in routes() if not r.admin} | {ADMIN})


def test_every_url_has_a_row_in_the_matrix():
    assert sorted(set(_checked_routes()) - set(MATRIX)) == []
    assert sorted(set(MATRIX) - set(_checked_routes())) == [], "rows for URLs that are gone"


def _outcome(response) -> str:
    if response.status_code == 302 and response["Location"].startswith(reverse("accounts:login")):
        return "login"
    return str(response.status_code)


def _outcomes(client, url: str, method: str) -> str:
    cells = []
    for username in ROLES:
        client.logout()
        if username != "anoniem":
            client.force_login(User.objects.get(username=username))
        with transaction.atomic():
            response = client.get(url) if method == "GET" else client.post(url)
            transaction.set_rollback(True)
        cells.append(_outcome(response))
    return " ".join(cells)


@pytest.mark.parametrize("name", _checked_routes())
def test_each_role_gets_what_the_matrix_says(name, client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    kwargs = matrix_arguments(vdg_demo_data).get(name, {})
    url = reverse(name, kwargs=kwargs)
    observed = (_outcomes(client, url, "GET"), _outcomes(client, url, "POST"))
    assert observed == MATRIX.get(name), f'    "{name}": ("{observed[0]}", "{observed[1]}"),'
