import pytest
from django.core.management import CommandError, call_command

from samenspel.accounts.models import RoleAssignment, User
from samenspel.organisations.models import Body, Organisation, Portfolio, Post


@pytest.fixture
def run_setup(db, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    settings.SAMENSPEL_DEMO_PASSWORD = ""

    def run(*args):
        from io import StringIO

        out = StringIO()
        call_command("setup", *args, stdout=out)
        return out.getvalue()

    return run


def test_setup_loads_the_structure_and_demo_accounts_and_prints_them(run_setup, tmp_path):
    output = run_setup("--demo")
    assert Organisation.objects.filter(kind="municipality", is_member=True).count() == 12
    assert Portfolio.objects.count() == 8
    for username in ["bureau", "voorzitter-gw", "accounthouder-assen", "lezer"]:
        assert username in output
        assert User.objects.get(username=username).is_demo
    password = (tmp_path / "demo-password").read_text().strip()
    assert password in output
    assert User.objects.get(username="bureau").check_password(password)
    holder = RoleAssignment.objects.get(user__username="accounthouder-assen")
    assert holder.organisation.slug == "assen"


def test_setup_twice_changes_nothing(run_setup):
    run_setup("--demo")
    counts = [m.objects.count() for m in (Organisation, Body, Post, User, RoleAssignment)]
    history = Organisation.history.count()
    output = run_setup("--demo")
    assert [m.objects.count() for m in (Organisation, Body, Post, User, RoleAssignment)] == counts
    assert Organisation.history.count() == history
    assert "Niets gewijzigd" in output


def test_demo_password_from_the_environment(run_setup, settings):
    settings.SAMENSPEL_DEMO_PASSWORD = "een-bekend-demo-wachtwoord"
    run_setup("--demo")
    assert User.objects.get(username="lezer").check_password("een-bekend-demo-wachtwoord")


def test_demo_is_refused_under_production_settings(run_setup, settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="productie"):
        run_setup("--demo")
    assert not User.objects.filter(is_demo=True).exists()


def test_setup_without_demo_makes_no_accounts(run_setup):
    run_setup()
    assert not User.objects.exists()
    assert Organisation.objects.count() >= 19
