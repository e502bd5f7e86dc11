"""A write of many rows is all or nothing: an error half-way through an agenda-file import,
a proposal save or an attendance list leaves every table as it was.

Each test makes the last step of the write raise, after the earlier steps have written, and
then compares a fingerprint of the whole database (rows per table and the content of the
rows the write touches) with the one taken before.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from unittest import mock

import pytest
from django.apps import apps

from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agreement
from samenspel.decisions import services as decision_services
from samenspel.decisions.models import Proposal
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.meetings import services as meeting_services
from samenspel.meetings.models import Meeting
from samenspel.organisations.models import Organisation


class HalfWay(Exception):
    """Raised by a step late in a write, after earlier steps wrote rows."""


def _row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def _fail(*args, **kwargs):
    raise HalfWay


def test_an_import_that_fails_half_way_changes_no_table(vdg_data):
    data = agenda_file.read("vdg-2023-2027")
    changed = data.data["agreements"][0]
    changed["description"] = "Gewijzigd door een import die halverwege faalt."
    before_counts = _row_counts()
    before_texts = dict(Agreement.objects.values_list("pk", "description"))
    # The staff section is loaded last, after the structure, agenda and budget are written.
    with (
        mock.patch.dict("samenspel.agenda.loader._SECTION_LOADERS", {"staff": _fail}),
        pytest.raises(HalfWay),
    ):
        agenda_file_load(data)
    assert _row_counts() == before_counts
    assert dict(Agreement.objects.values_list("pk", "description")) == before_texts


def _draft_proposal() -> Proposal:
    proposal = ProposalFactory()
    assert proposal.stage in decision_services.EDITABLE_STAGES
    proposal.years.create(year=2025, amount=Decimal("5000.00"))
    for organisation in Organisation.objects.filter(slug__in=["emmen", "meppel"]):
        ParticipantFactory(proposal=proposal, organisation=organisation)
    return proposal


def _proposal_state(proposal: Proposal) -> tuple:
    proposal.refresh_from_db()
    return (
        proposal.title,
        proposal.version,
        sorted(proposal.years.values_list("year", "amount")),
        sorted(proposal.participants.values_list("organisation_id", flat=True)),
        sorted(proposal.agreements.values_list("pk", flat=True)),
    )


def test_a_proposal_save_that_fails_half_way_keeps_the_saved_proposal(vdg_data):
    proposal = _draft_proposal()
    before_state, before_counts = _proposal_state(proposal), _row_counts()
    # Fields, agreements and participants are written before the amounts per year.
    with (
        mock.patch.object(decision_services, "proposal_years_set", _fail),
        pytest.raises(HalfWay),
    ):
        decision_services.proposal_update(
            obj=proposal,
            expected_version=proposal.version,
            user=None,
            title="Een titel die niet blijft",
            participant_organisations=Organisation.objects.filter(slug="assen"),
            amounts_text={2025: Decimal("1000.00")},
            agreements=Agreement.objects.all()[:2],
        )
    assert _proposal_state(proposal) == before_state
    assert _row_counts() == before_counts


def test_an_attendance_list_that_fails_half_way_records_no_row(vdg_demo_data):
    meeting = (
        Meeting.objects.filter(invitations__attendance="unknown")
        .order_by("starts_at")
        .distinct()
        .first()
    )
    assert meeting is not None
    invitations = list(meeting.invitations.order_by("pk"))
    assert len(invitations) >= 2
    before = dict(meeting.invitations.values_list("pk", "attendance"))
    real_record = meeting_services.attendance_record
    calls = []

    def record_then_fail(**kwargs):
        calls.append(kwargs["invitation"].pk)
        if len(calls) == 2:
            raise HalfWay
        return real_record(**kwargs)

    with (
        mock.patch.object(meeting_services, "attendance_record", record_then_fail),
        pytest.raises(HalfWay),
    ):
        meeting_services.attendance_save(
            meeting=meeting,
            attendance={
                i.pk: "present" if i.attendance != "present" else "absent" for i in invitations
            },
            user=None,
        )
    assert len(calls) == 2  # the first row was written before the error
    assert dict(meeting.invitations.values_list("pk", "attendance")) == before


def test_a_meeting_whose_invitations_fail_is_not_created(vdg_data):
    from samenspel.organisations.models import Body

    body = Body.objects.order_by("pk").first()
    before = _row_counts()
    with (
        mock.patch.object(meeting_services, "invitations_refresh", _fail),
        pytest.raises(HalfWay),
    ):
        meeting_services.meeting_create(
            body=body, starts_at=dt.datetime(2026, 3, 2, 14, tzinfo=dt.UTC), title="Halverwege"
        )
    assert _row_counts() == before
