"""Roles belong to one association: the VDG's bureau is nothing in the example association
unless it has a role there, and someone of another association finds no VDG pages."""

import pytest
from django.urls import reverse

from samenspel.accounts import permissions as perms
from samenspel.accounts.constants import RoleKind
from samenspel.accounts.models import RoleAssignment
from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agreement
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Association, Portfolio

EXAMPLE_HOST = "voorbeeld.localhost"


@pytest.fixture
def example(vdg_data):
    agenda_file_load(agenda_file.read("voorbeeld"))
    return Association.objects.get(slug="voorbeeld")


def test_only_the_roles_in_the_bound_association_count(make_user, example):
    user = make_user(RoleKind.BUREAU)
    user.role_assignments.create(association=example, role=RoleKind.READER)
    perms.bind_roles(user, association_default())
    assert perms.is_bureau(user) and perms.takes_part(user)
    assert perms.other_associations_of(user) == {example.pk}
    perms.bind_roles(user, example)
    assert not perms.is_bureau(user) and perms.takes_part(user)


def test_the_request_binds_the_roles_of_its_host(client, make_user, example):
    user = make_user(RoleKind.BUREAU)
    user.role_assignments.create(association=example, role=RoleKind.READER)
    client.force_login(user)
    vdg_page = client.get(reverse("finance:overview"))
    assert vdg_page.status_code == 200
    # The VDG's bureau may open the admin there, not on the example association's host.
    assert client.get(reverse("admin:index")).status_code == 200
    assert client.get(reverse("admin:index"), HTTP_HOST=EXAMPLE_HOST).status_code == 302


def test_someone_of_another_association_gets_404_not_403(client, make_user, example):
    outsider = make_user(RoleKind.BUREAU, association=example)
    client.force_login(outsider)
    agreement = Agreement.objects.filter(agenda__association=association_default()).first()
    response = client.get(agreement.get_absolute_url())
    assert response.status_code == 404
    assert "Pagina niet gevonden" in response.content.decode()
    assert client.get(reverse("web:dashboard")).status_code == 404
    # On its own association's host the same account is the bureau.
    assert client.get(reverse("web:dashboard"), HTTP_HOST=EXAMPLE_HOST).status_code == 200


def test_the_header_offers_the_other_associations(client, make_user, example):
    user = make_user(RoleKind.READER)
    user.role_assignments.create(association=example, role=RoleKind.READER)
    client.force_login(user)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert 'href="http://voorbeeld.localhost/"' in html
    assert "Voorbeeldregio" in html
    html = client.get(reverse("web:dashboard"), HTTP_HOST=EXAMPLE_HOST).content.decode()
    assert 'href="http://voorbeeld.localhost/"' not in html


def test_a_portfolio_role_names_a_portfolio_of_its_own_association(make_user, example):
    user = make_user()
    vdg_portfolio = Portfolio.objects.filter(association=association_default()).first()
    role = RoleAssignment(
        user=user, association=example, role=RoleKind.PORTFOLIO_CHAIR, portfolio=vdg_portfolio
    )
    with pytest.raises(Exception, match="ander samenwerkingsverband"):
        role.full_clean()


def test_roles_still_cost_one_query(make_user, example, django_assert_num_queries):
    user = make_user(RoleKind.BUREAU)
    perms.bind_roles(user, association_default())
    with django_assert_num_queries(1):
        for _ in range(5):
            perms.is_bureau(user)
            perms.other_associations_of(user)


def test_the_bureau_cannot_make_itself_superuser_or_a_role_elsewhere(client, make_user, example):
    bureau = make_user(RoleKind.BUREAU)
    bureau.role_assignments.create(association=example, role=RoleKind.READER)
    client.force_login(bureau)
    page = client.get(reverse("admin:accounts_user_change", args=[bureau.pk])).content.decode()
    assert 'name="is_superuser"' not in page  # shown read-only, not as a field
    assert 'name="role_assignments-0-role"' in page
    assert 'name="role_assignments-1-role"' not in page  # the example's role is not listed
    assert f'<option value="{example.pk}"' not in page
