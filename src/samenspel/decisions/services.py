"""Writes on proposals and decisions. Keyword-only, atomic, locking the proposal row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.accounts.permissions import is_bureau
from samenspel.agenda.models import Agreement
from samenspel.core.dates import today
from samenspel.core.history import changed_by
from samenspel.core.versioning import versioned_update
from samenspel.decisions.constants import DecisionOutcome, PhoOutcome, Result, Stage
from samenspel.decisions.models import (
    ExecutiveDecision,
    Participant,
    Proposal,
    ProposalYear,
)
from samenspel.decisions.workflow import (
    EDITABLE_STAGES,
    NOT_EDITABLE,
    ONLY_BUREAU_WITHOUT_PHO,
    coalition_refusal,
    edit_refusal,
    may_follow,
    pho_missing,
    pho_refusal,
    send_refusal,
    withdraw_refusal,
)
from samenspel.organisations.models import Organisation
from samenspel.web.uploads import document_check


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().order_by().get(pk=proposal.pk)


def _move(proposal: Proposal, stage: str) -> None:
    if not may_follow(proposal.stage, stage):
        raise ValidationError(
            _("Een voorstel in de fase '%(current)s' kan niet naar '%(new)s'.")
            % {"current": Stage(proposal.stage).label, "new": Stage(stage).label}
        )
    proposal.stage = stage


@transaction.atomic
def pho_decision_record(
    *,
    proposal: Proposal,
    decided_on: dt.date,
    outcome: str,
    reference: str = "",
    user: User | None = None,
) -> Proposal:
    """Record the portfolio meeting's preparatory decision on a proposal.

    The meetings app calls this when a PHO outcome on an agenda item concerns a
    proposal (with the decision number as `reference`). Without consequences for
    policy, money or staff a positive PHO decision closes the proposal; otherwise it
    is only preparatory and the executives decide next.
    """
    proposal = _locked(proposal)
    refusal = pho_refusal(proposal)
    if refusal:
        raise ValidationError(refusal)
    if outcome not in PhoOutcome.values:
        raise ValidationError(_("Onbekend PHO-besluit: %(value)s.") % {"value": outcome})
    closes = outcome in {PhoOutcome.POSITIVE, PhoOutcome.AMENDED}
    closes = closes and not proposal.needs_executive_decisions
    _move(proposal, Stage.CLOSED if closes else Stage.PHO)
    proposal.pho_decided_on = decided_on
    proposal.pho_outcome = outcome
    proposal.pho_reference = reference
    if closes:
        proposal.closed_on = decided_on
    return _save(proposal, user)


def _save(proposal: Proposal, user: User | None) -> Proposal:
    proposal.version += 1
    changed_by(proposal, user)
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_create(
    *,
    user: User | None,
    participants: Iterable[Organisation],
    agreements: Iterable[Agreement] = (),
    years: Mapping[int, Decimal] | None = None,
    hours_per_year: Decimal = Decimal(0),
    **values: Any,
) -> Proposal:
    """A new draft proposal with its participants (each with the same hours to start)."""
    participants = list(participants)
    if not participants:
        raise ValidationError(_("Kies ten minste één deelnemer."))
    proposal = Proposal(created_on=values.pop("created_on", None) or today(), **values)
    changed_by(proposal, user)
    proposal.full_clean()
    proposal.save()
    proposal.agreements.set(agreements)
    for organisation in participants:
        participant = Participant(
            proposal=proposal, organisation=organisation, hours_per_year=hours_per_year
        )
        changed_by(participant, user)
        participant.save()
    proposal_years_set(proposal=proposal, years=years or {}, user=user)
    return proposal


@transaction.atomic
def proposal_years_set(
    *, proposal: Proposal, years: Mapping[int, Decimal], user: User | None
) -> None:
    """Replace the amounts per year (years not in `years` are removed)."""
    for year, amount in years.items():
        if amount < 0:
            raise ValidationError(_("Het bedrag voor %(year)s is negatief.") % {"year": year})
    for row in proposal.years.exclude(year__in=list(years)):
        changed_by(row, user)
        row.delete()
    for year, amount in years.items():
        row, _created = ProposalYear.objects.get_or_create(
            proposal=proposal, year=year, defaults={"amount": amount}
        )
        if row.amount != amount:
            row.amount = amount
            changed_by(row, user)
            row.save()


@transaction.atomic
def participants_set(
    *, proposal: Proposal, organisations: Iterable[Organisation], user: User | None
) -> None:
    """Change who takes part; refused for a participant that has already decided."""
    proposal = _locked(proposal)
    wanted = {o.pk: o for o in organisations}
    if not wanted:
        raise ValidationError(_("Kies ten minste één deelnemer."))
    for participant in proposal.participants.exclude(organisation__in=list(wanted)):
        if participant.decisions.exists():
            raise ValidationError(
                _("%(org)s heeft al een besluit vastgelegd en kan niet worden verwijderd.")
                % {"org": participant.organisation}
            )
        changed_by(participant, user)
        participant.delete()
    existing = set(proposal.participants.values_list("organisation_id", flat=True))
    for pk, organisation in wanted.items():
        if pk not in existing:
            participant = Participant(proposal=proposal, organisation=organisation)
            changed_by(participant, user)
            participant.save()
    _save(proposal, user)


@transaction.atomic
def participant_update(
    *, participant: Participant, expected_version: int, user: User | None, **values: Any
) -> Participant:
    """Hours, fixed amount or the planned college date of one participant (version-checked:
    a stale form gets a conflict, never an overwrite).

    Once the proposal is sent, only the planned date may change: hours and money are
    what the executives decide on.
    """
    participant = Participant.objects.select_for_update().order_by().get(pk=participant.pk)
    stage = participant.proposal.stage
    figures = {k: v for k, v in values.items() if k in {"hours_per_year", "fixed_amount"}}
    changed = any(getattr(participant, k) != v for k, v in figures.items())
    if stage not in EDITABLE_STAGES and changed:
        raise ValidationError(NOT_EDITABLE)
    return versioned_update(obj=participant, expected_version=expected_version, user=user, **values)


@transaction.atomic
def proposal_send(
    *,
    proposal: Proposal,
    sent_on: dt.date,
    deadline: dt.date,
    user: User | None,
    without_pho_reason: str = "",
) -> Proposal:
    """Send the proposal to the participants' executives, asking a decision before `deadline`.

    A proposal that asks money of the members goes only after a positive PHO decision,
    unless the bureau says why not (`without_pho_reason`, kept on the proposal; the
    system, `user=None`, is the bureau's hand: the demo and commands).
    """
    proposal = _locked(proposal)
    refusal = send_refusal(proposal)
    if refusal:
        raise ValidationError(refusal)
    if deadline < sent_on:
        raise ValidationError(_("De uiterste besluitdatum ligt vóór de verzenddatum."))
    missing = pho_missing(proposal)
    reason = without_pho_reason.strip()
    if missing and not reason:
        raise ValidationError({"without_pho_reason": missing})
    if missing and user is not None and not is_bureau(user):
        raise ValidationError(str(ONLY_BUREAU_WITHOUT_PHO))
    _move(proposal, Stage.SENT)
    proposal.sent_on = sent_on
    proposal.decision_deadline = deadline
    proposal.sent_without_pho_reason = reason if missing else ""
    return _save(proposal, user)


def _close_when_final(proposal: Proposal, user: User | None) -> None:
    """Close the proposal once every participant has decided for good."""
    from samenspel.decisions.selectors import proposal_state, proposals_with_states

    state = proposal_state(proposals_with_states().get(pk=proposal.pk), on=dt.date.max)
    if state.result in {Result.ADOPTED_BY_ALL, Result.NOT_ADOPTED}:
        proposal.stage = Stage.CLOSED
        proposal.closed_on = max(p.decided_on for p in state.participants if p.decided_on)
        _save(proposal, user)


def decision_check(
    *, proposal: Proposal, decided_on: dt.date, outcome: str, document: UploadedFile | None
) -> None:
    """What a recorded or corrected decision must be, each error on its form field: a
    known outcome, dated between sending and today, with a document that is what it says."""
    if outcome not in DecisionOutcome.values:
        raise ValidationError({"outcome": _("Onbekend besluit: %(value)s.") % {"value": outcome}})
    if proposal.sent_on and decided_on < proposal.sent_on:
        raise ValidationError(
            {
                "decided_on": _(
                    "De besluitdatum ligt vóór de datum waarop het voorstel is verstuurd."
                )
            }
        )
    if decided_on > today():
        raise ValidationError({"decided_on": _("De besluitdatum ligt in de toekomst.")})
    if document is not None:
        try:
            document_check(document)
        except ValidationError as error:
            raise ValidationError({"document": error.messages}) from error


@transaction.atomic
def executive_decision_record(
    *,
    participant: Participant,
    decided_on: dt.date,
    outcome: str,
    user: User | None,
    reference: str = "",
    remark: str = "",
    document: UploadedFile | None = None,
    is_demo: bool = False,
) -> ExecutiveDecision:
    """Append one executive's decision; the proposal closes when everyone has decided."""
    proposal = _locked(participant.proposal)
    if proposal.stage != Stage.SENT:
        raise ValidationError(
            _("Besluiten worden vastgelegd als het voorstel bij de colleges ligt (fase nu: %(s)s).")
            % {"s": Stage(proposal.stage).label}
        )
    decision_check(proposal=proposal, decided_on=decided_on, outcome=outcome, document=document)
    decision = ExecutiveDecision(
        participant=participant,
        decided_on=decided_on,
        outcome=outcome,
        reference=reference,
        remark=remark,
        recorded_by=user if getattr(user, "pk", None) else None,
        is_demo=is_demo,
    )
    if document is not None:
        decision.document = document
    changed_by(decision, user)
    decision.full_clean()
    decision.save()
    _close_when_final(proposal, user)
    return decision


@transaction.atomic
def coalition_confirm(
    *, proposal: Proposal, confirmed_on: dt.date, note: str, user: User | None
) -> Proposal:
    """The bureau confirms that those who do not join are not harmed (annex 1)."""
    from samenspel.decisions.selectors import proposal_state, proposals_with_states

    proposal = _locked(proposal)
    state = proposal_state(proposals_with_states().get(pk=proposal.pk), on=dt.date.max)
    refusal = coalition_refusal(state)
    if refusal:
        raise ValidationError(refusal)
    if not note.strip():
        raise ValidationError(_("Licht toe waarom wie niet meedoet er geen nadeel van heeft."))
    proposal.coalition_confirmed_on = confirmed_on
    proposal.coalition_note = note
    _move(proposal, Stage.CLOSED)
    proposal.closed_on = confirmed_on
    return _save(proposal, user)


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, withdrawn_on: dt.date, user: User | None) -> Proposal:
    proposal = _locked(proposal)
    refusal = withdraw_refusal(proposal)
    if refusal:
        raise ValidationError(refusal)
    _move(proposal, Stage.WITHDRAWN)
    proposal.withdrawn_on = withdrawn_on
    return _save(proposal, user)


@transaction.atomic
def proposal_update(
    *,
    obj: Proposal,
    expected_version: int,
    user: User | None,
    participant_organisations: Iterable[Organisation],
    amounts_text: Mapping[int, Decimal],
    agreements: Iterable[Agreement] = (),
    **values: Any,
) -> Proposal:
    """Save the edit form: fields (with a version check), participants, amounts, agreements.

    Only before sending: the executives decide on one fixed text and one set of figures.
    """
    refusal = edit_refusal(obj)
    if refusal:
        raise ValidationError(refusal)
    proposal = versioned_update(obj=obj, expected_version=expected_version, user=user, **values)
    proposal.agreements.set(agreements)
    participants_set(proposal=proposal, organisations=participant_organisations, user=user)
    proposal_years_set(proposal=proposal, years=amounts_text, user=user)
    return proposal
