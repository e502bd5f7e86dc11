import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from samenspel.agenda.tests.factories import AgreementFactory, MilestoneFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.governance import RULES
from samenspel.organisations.models import Association, GovernanceRuleSetting
from samenspel.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def clean(db):
    for rule in RULES:
        GovernanceRuleSetting.objects.create(
            association=association_default(), code=rule.code, enabled=False
        )
    lead = OrganisationFactory(municipality=True)
    return AgreementFactory(political_lead=lead)


def run(capsys, *args):
    with pytest.raises(SystemExit) as exit_info:
        call_command("checkagenda", "--date", "2024-06-01", *args)
    return exit_info.value.code, capsys.readouterr().out


def test_a_clean_agenda_exits_zero(clean, capsys):
    call_command("checkagenda", "--date", "2024-06-01")
    assert "Geen bevindingen" in capsys.readouterr().out


def test_missing_lead_is_reported_and_exits_one(clean, capsys):
    AgreementFactory(agenda=clean.agenda, theme=clean.theme, title="Zonder trekker")
    code, out = run(capsys)
    assert code == 1
    assert "Zonder trekker" in out and "trekker (1)" in out


def test_milestone_outside_the_period_is_reported(clean, capsys):
    MilestoneFactory(
        agreement=clean,
        title="Te laat",
        when_text="2029",
        start=dt.date(2029, 1, 1),
        end=dt.date(2029, 12, 31),
    )
    code, out = run(capsys)
    assert code == 1 and "Mijlpaal 'Te laat' (2029)" in out


def test_broken_governance_rule_is_reported(clean, capsys):
    GovernanceRuleSetting.objects.filter(code="dagelijks-bestuur-compleet").update(enabled=True)
    code, out = run(capsys)
    assert code == 1 and "Er is geen dagelijks bestuur" in out


def test_the_check_acts_on_the_association_named(clean, capsys):
    region = Association.objects.create(slug="regio", name="Regio Test", short_name="RT")
    # The default association's rule settings are its own: the region's rules still count.
    code, out = run(capsys, "--association", "regio")
    assert code == 1 and "Er is geen dagelijks bestuur" in out
    assert "Regio Test heeft nog geen agenda geladen." in out
    for rule in RULES:
        GovernanceRuleSetting.objects.create(association=region, code=rule.code, enabled=False)
    # The missing lead of the default association's agreement is not the region's.
    AgreementFactory(political_lead=None)
    call_command("checkagenda", "--date", "2024-06-01", "--association", region.slug)
    assert "zonder" not in capsys.readouterr().out.lower()
    code, out = run(capsys, "--association", clean.agenda.association.slug)
    assert code == 1


def test_an_unknown_association_is_named_with_the_known_ones(clean):
    with pytest.raises(CommandError, match=r"Onbekend samenwerkingsverband 'nergens'\. Bekend: "):
        call_command("checkagenda", "--association", "nergens")
