"""Each governance rule of annex 1, passing on the demo structure and failing when broken."""

import datetime as dt

import pytest

from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import Role
from samenspel.organisations.failing_rules import failing_rules
from samenspel.organisations.governance import governance_check
from samenspel.organisations.models import (
    Association,
    Body,
    GovernanceRuleSetting,
    Membership,
    Organisation,
    Person,
)

DAY = dt.date(2024, 6, 1)


def result(code):
    return next(
        r
        for r in governance_check(date=DAY, association=association_default())
        if r.rule.code == code
    )


def test_demo_passes_every_rule_except_the_gap_the_document_leaves(vdg_demo):
    failing = {
        r.rule.code
        for r in governance_check(date=DAY, association=association_default())
        if not r.passed
    }
    assert failing == {"vng-commissies-verbonden"}
    assert len(result("vng-commissies-verbonden").offences) == 7


def test_without_people_the_rules_name_the_empty_posts(vdg_structure):
    res = result("leden-in-elk-pho")
    assert not res.passed
    assert any("Assen" in offence for offence in res.offences)


def _end(body_slug, role, organisation_slug=None):
    memberships = Membership.objects.filter(post__body__slug=body_slug, post__role=role)
    if organisation_slug:
        memberships = memberships.filter(post__organisation__slug=organisation_slug)
    memberships.update(end_date=DAY - dt.timedelta(days=1))


@pytest.mark.parametrize(
    ("code", "break_it", "expected"),
    [
        ("leden-in-elk-pho", lambda: _end("pho-ekm", Role.MEMBER, "emmen"), "Emmen"),
        (
            "leden-in-elk-ambtelijk-overleg",
            lambda: _end("ao-sport", Role.MEMBER, "meppel"),
            "Meppel",
        ),
        ("pho-voorzitter-in-bestuur", lambda: _end("pho-gw", Role.CHAIR), "PHO G&W"),
        (
            "accounthouder-per-overheid",
            lambda: _end("accounthoudersoverleg", Role.MEMBER, "waterschap-vechtstromen"),
            "Vechtstromen",
        ),
        ("provincie-uitgenodigd", lambda: _end("pho-fin", Role.INVITED_GUEST), "PHO Fin."),
        ("waterschappen-uitgenodigd", lambda: _end("ao-rw", Role.INVITED_GUEST), "AO R&W"),
        (
            "dagelijks-bestuur-compleet",
            lambda: _end("dagelijks-bestuur", Role.VICE_CHAIR),
            "vicevoorzitter",
        ),
        ("kerngroep-samenstelling", lambda: _end("kerngroep-psi", Role.MEMBER), "Kerngroep PSI"),
    ],
)
def test_each_rule_fails_when_its_structure_is_broken(vdg_demo, code, break_it, expected):
    assert result(code).passed
    break_it()
    res = result(code)
    assert not res.passed
    assert any(expected in offence for offence in res.offences), res.offences


def test_officials_chair_from_another_municipality_fails(vdg_demo):
    rule = "ambtelijk-voorzitter-zelfde-gemeente"
    assert result(rule).passed
    chair = Membership.objects.get(post__body__slug="ao-ez", post__role=Role.CHAIR)
    chair.person.organisation = Organisation.objects.get(slug="westerveld")
    chair.person.save()
    res = result(rule)
    assert not res.passed
    assert "Westerveld" in res.offences[0]


def test_pho_chair_not_in_the_board_fails(vdg_demo):
    outsider = Person.objects.create(
        slug="buitenstaander",
        name="Buitenstaander",
        function="alderman",
        organisation=Organisation.objects.get(slug="assen"),
    )
    post = Body.objects.get(slug="pho-sport").posts.get(role=Role.CHAIR)
    post.memberships.update(end_date=DAY - dt.timedelta(days=1))
    Membership.objects.create(post=post, person=outsider, start_date=DAY - dt.timedelta(days=1))
    res = result("pho-voorzitter-in-bestuur")
    assert res.offences == ["PHO Sport: voorzitter Buitenstaander is geen lid van het bestuur."]


def test_a_rule_can_be_switched_off(vdg_structure):
    GovernanceRuleSetting.objects.create(
        association=association_default(), code="vng-commissies-verbonden", enabled=False
    )
    res = result("vng-commissies-verbonden")
    assert not res.enabled and res.passed


def test_a_rule_switched_off_in_one_association_still_counts_in_another(vdg_structure):
    """Rule settings are the association's own: the region's switch leaves the VDG's check."""
    region = Association.objects.create(slug="regio", name="Regio Test", short_name="RT")
    GovernanceRuleSetting.objects.create(
        association=region, code="vng-commissies-verbonden", enabled=False
    )
    assert result("vng-commissies-verbonden").enabled
    checked = governance_check(date=DAY, association=region)
    assert not next(r for r in checked if r.rule.code == "vng-commissies-verbonden").enabled


def test_the_check_costs_a_fixed_number_of_queries(vdg_demo, django_assert_max_num_queries):
    association = association_default()
    # Posts, holders, bodies, organisations, the association's memberships, the settings.
    with django_assert_max_num_queries(7):
        governance_check(date=DAY, association=association)


def test_an_agenda_file_can_switch_a_rule_off(db):
    from samenspel.organisations.structure import structure_load

    structure_load(
        {"governance": {"disabled_rules": ["vng-commissies-verbonden"]}},
        association=association_default(),
    )
    assert not result("vng-commissies-verbonden").enabled


def test_the_failing_rules_are_cached_until_the_structure_changes(
    vdg_demo, django_assert_num_queries
):
    association = association_default()
    first = failing_rules(date=DAY, association=association)
    assert [rule.title for rule in first] == [result("vng-commissies-verbonden").rule.title]
    with django_assert_num_queries(0):
        assert failing_rules(date=DAY, association=association) == first

    # A seat ended through a save (a form, the admin) is seen at once.
    chair = Membership.objects.get(post__body__slug="pho-gw", post__role=Role.CHAIR)
    chair.end_date = DAY - dt.timedelta(days=1)
    chair.save()
    after = failing_rules(date=DAY, association=association)
    assert len(after) == 2
    assert any("PHO G&W" in offence for rule in after for offence in rule.offences)
