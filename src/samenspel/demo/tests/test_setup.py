"""`samenspel setup [--demo]`: the session's data sets are made by this command (see the
root conftest), so these tests read what it made and printed, and run it again on top."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from samenspel.accounts.models import RoleAssignment, User
from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Body, Organisation, Portfolio, Post
from samenspel.organisations.selectors import members_of


def run_setup(*args) -> str:
    out = StringIO()
    call_command("setup", *args, stdout=out)
    return out.getvalue()


def test_setup_loads_the_structure_and_demo_accounts_and_prints_them(vdg_demo_data, setup_output):
    output = setup_output[2]
    assert members_of(association_default()).filter(kind="municipality").count() == 12
    assert Portfolio.objects.filter(association=association_default()).count() == 8
    # and the fictitious example association beside it, with its own bureau
    assert Portfolio.objects.filter(association__slug="voorbeeld").count() == 1
    assert "Bureau (Voorbeeldregio)" in output
    for username in ["bureau", "voorzitter-gw", "accounthouder-assen", "lezer"]:
        assert username in output
        assert User.objects.get(username=username).is_demo
    assert f"Wachtwoord voor alle demo-accounts: {DEMO_TEST_PASSWORD}" in output
    assert User.objects.get(username="bureau").check_password(DEMO_TEST_PASSWORD)
    holder = RoleAssignment.objects.get(user__username="accounthouder-assen")
    assert holder.organisation.slug == "assen"


def test_a_random_password_is_kept_in_var_and_setup_twice_changes_nothing(
    vdg_demo_data, settings, tmp_path
):
    """Without a set password the first run makes one and keeps it in var/; the second
    run keeps it and changes nothing (one test: each run of setup costs seconds)."""
    settings.VAR_DIR = tmp_path
    settings.SAMENSPEL_DEMO_PASSWORD = ""
    output = run_setup("--demo")
    password = (tmp_path / "demo-password").read_text().strip()
    assert password != DEMO_TEST_PASSWORD
    assert f"Wachtwoord voor alle demo-accounts: {password}" in output
    assert User.objects.get(username="lezer").check_password(password)

    counts = [m.objects.count() for m in (Organisation, Body, Post, User, RoleAssignment)]
    history = Organisation.history.count()
    output = run_setup("--demo")
    assert password in output
    assert [m.objects.count() for m in (Organisation, Body, Post, User, RoleAssignment)] == counts
    assert Organisation.history.count() == history
    assert "Niets gewijzigd" in output


def test_demo_is_refused_under_production_settings(db, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="productie"):
        run_setup("--demo")
    assert not User.objects.filter(is_demo=True).exists()


def test_setup_without_demo_makes_no_accounts(vdg_data, setup_output):
    assert "Agenda 'vdg-2023-2027' laden" in setup_output[1]
    assert "Demo-accounts" not in setup_output[1]
    assert not User.objects.exists()
    assert Organisation.objects.count() >= 19
