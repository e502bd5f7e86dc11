"""An organisation's membership of an association, with a kind and dates, is "the members".

The VDG's twelve municipalities are its members and its province and water boards its
partners (the packaged agenda file); a second association shares organisations with it.
"""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction

from samenspel.agenda.export import agenda_export
from samenspel.finance.constants import ContributionKey
from samenspel.finance.selectors import members_on, split_over_members
from samenspel.meetings import services as meeting_services
from samenspel.meetings.tests.factories import aware
from samenspel.organisations.constants import AssociationMembershipKind, BodyKind, Role
from samenspel.organisations.governance import Snapshot
from samenspel.organisations.models import (
    Association,
    AssociationMembership,
    Body,
    Organisation,
    Portfolio,
)
from samenspel.organisations.selectors import (
    is_member,
    members_of,
    participating_governments,
)
from samenspel.organisations.tests.factories import (
    BodyFactory,
    MembershipFactory,
    PersonFactory,
    PostFactory,
)

JOINS = dt.date(2025, 7, 1)
BEFORE, AFTER = JOINS - dt.timedelta(days=1), JOINS


@pytest.fixture
def vdg(vdg_data):
    return vdg_data.association


@pytest.fixture
def zuid(vdg_data):
    """Regio Zuid-Drenthe: Emmen and Coevorden from the start, Hoogeveen from 1 July 2025."""
    region = Association.objects.create(slug="zuid", name="Regio Zuid-Drenthe", short_name="RZD")
    for slug in ("emmen", "coevorden"):
        AssociationMembership.objects.create(
            association=region, organisation=Organisation.objects.get(slug=slug)
        )
    AssociationMembership.objects.create(
        association=region,
        organisation=Organisation.objects.get(slug="hoogeveen"),
        start_date=JOINS,
    )
    return region


def _slugs(organisations):
    return {o.slug for o in organisations}


def test_the_vdg_has_its_twelve_members_and_its_partner_governments(vdg):
    assert members_of(vdg).count() == 12
    governments = participating_governments(vdg)
    assert governments.count() == 12 + 1 + 4  # the province and the four water boards
    province = Organisation.objects.get(slug="provincie-drenthe")
    assert province in governments and not is_member(province, vdg)


def test_a_member_counts_from_its_joining_date_on(zuid):
    assert _slugs(members_of(zuid, on=BEFORE)) == {"emmen", "coevorden"}
    assert _slugs(members_of(zuid, on=AFTER)) == {"emmen", "coevorden", "hoogeveen"}


def test_a_member_that_left_no_longer_counts(zuid):
    emmen = AssociationMembership.objects.get(association=zuid, organisation__slug="emmen")
    emmen.end_date = dt.date(2025, 12, 31)
    emmen.save()
    assert is_member(emmen.organisation, zuid, on=dt.date(2025, 12, 31))
    assert not is_member(emmen.organisation, zuid, on=dt.date(2026, 1, 1))


def _shares(association, on):
    members = members_on(association, on)
    split = split_over_members(
        Decimal("100000.00"), key=ContributionKey.PER_INHABITANT, members=members
    )
    return {m.organisation.slug: split[m.share_key] for m in members}


def test_a_municipality_joining_mid_year_pays_there_from_then_and_the_same_in_the_vdg(vdg, zuid):
    before, after = _shares(zuid, BEFORE), _shares(zuid, AFTER)
    assert "hoogeveen" not in before and after["hoogeveen"] > 0
    assert sum(before.values()) == sum(after.values()) == Decimal("100000.00")
    assert after["emmen"] < before["emmen"]  # Hoogeveen now carries part of it
    # Hoogeveen's share in the VDG does not change by joining a second association.
    assert _shares(vdg, BEFORE) == _shares(vdg, AFTER)
    assert len(_shares(vdg, AFTER)) == 12


def test_an_organisation_has_one_open_membership_per_association(zuid):
    with pytest.raises(IntegrityError), transaction.atomic():
        AssociationMembership.objects.create(
            association=zuid, organisation=Organisation.objects.get(slug="emmen")
        )


def test_invitations_follow_the_membership_on_the_meeting_date(zuid, bureau_user):
    board = BodyFactory(association=zuid, kind=BodyKind.GENERAL_BOARD, portfolio=None)
    hoogeveen = Organisation.objects.get(slug="hoogeveen")
    post = PostFactory(body=board, role=Role.MEMBER, organisation=hoogeveen)
    alderman = PersonFactory(organisation=hoogeveen)
    MembershipFactory(post=post, person=alderman, start_date=dt.date(2025, 1, 1))

    def invited(date):
        meeting = meeting_services.meeting_create(
            body=board, starts_at=aware(date), user=bureau_user
        )
        return {i.person for i in meeting.invitations.filter(removed=False)}

    assert alderman not in invited(dt.date(2025, 6, 12))
    assert alderman in invited(dt.date(2025, 9, 11))


def test_the_governance_rules_read_the_members_of_the_association_asked(vdg, zuid):
    on = dt.date(2025, 9, 1)
    assert _slugs(Snapshot.on(on, association=zuid).members()) == {
        "emmen",
        "coevorden",
        "hoogeveen",
    }
    assert len(Snapshot.on(on, association=vdg).members()) == 12


def test_the_export_writes_members_briefly_and_other_memberships_in_full(vdg):
    organisations = {o["slug"]: o for o in agenda_export(vdg.agendas.get())["organisations"]}
    assert organisations["assen"]["member"] is True
    assert "membership" not in organisations["assen"]
    # A listed organisation is a partner unless the file says more: nothing to write.
    assert "membership" not in organisations["provincie-drenthe"]
    assert "member" not in organisations["vng"]
    AssociationMembership.objects.filter(association=vdg, organisation__slug="assen").update(
        kind=AssociationMembershipKind.OBSERVER, start_date=dt.date(2024, 1, 1)
    )
    organisations = {o["slug"]: o for o in agenda_export(vdg.agendas.get())["organisations"]}
    assert organisations["assen"]["membership"] == {"kind": "observer", "start": "2024-01-01"}


def _file(tmp_path, text):
    path = tmp_path / "regio.yaml"
    path.write_text("format: samenspel-agenda/1\n" + text)
    return str(path)


REGION = """association: {slug: regio, name: Regio Test, short_name: RT}
organisations:
  - {slug: hoogeveen, name: Gemeente Hoogeveen, kind: municipality, member: true}
portfolios:
  - {slug: regio-wonen, name: Wonen, abbreviation: W}
"""


def test_a_file_may_use_the_codes_of_another_associations_portfolio_and_body(vdg, tmp_path):
    """Codes are unique per association: the region gets a portfolio and a body of its own
    with the VDG's codes, and the VDG's keep their names and association."""
    text = REGION.replace("regio-wonen", "sport") + (
        "bodies:\n  - {slug: pho-gw, name: Regio-overleg, kind: other}\n"
    )
    vdg_sport = Portfolio.objects.get(association=vdg, slug="sport")
    vdg_body = Body.objects.get(association=vdg, slug="pho-gw")
    call_command("loadagenda", _file(tmp_path, text))
    region = Association.objects.get(slug="regio")
    assert Portfolio.objects.get(association=region, slug="sport").pk != vdg_sport.pk
    assert Body.objects.get(association=region, slug="pho-gw").name == "Regio-overleg"
    vdg_sport.refresh_from_db()
    vdg_body.refresh_from_db()
    assert (vdg_sport.association, vdg_body.association) == (vdg, vdg)
    assert vdg_body.name != "Regio-overleg"


def test_loading_a_start_date_later_updates_the_open_membership(vdg, tmp_path):
    call_command("loadagenda", _file(tmp_path, REGION))
    region = Association.objects.get(slug="regio")
    dated = REGION.replace("member: true", "membership: {kind: member, start: 2025-07-01}")
    call_command("loadagenda", _file(tmp_path, dated))
    memberships = AssociationMembership.objects.filter(association=region)
    assert [(m.kind, m.start_date, m.end_date) for m in memberships] == [("member", JOINS, None)]
    call_command("loadagenda", _file(tmp_path, dated))  # again: nothing changes
    assert memberships.count() == 1
