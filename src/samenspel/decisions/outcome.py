"""How a proposal's result follows from its participants' decisions (annex 1).

A plain function of plain values, so every combination can be tested without a
database, and the selectors, the services and the reports all share it.
"""

from __future__ import annotations

from collections.abc import Sequence

from samenspel.decisions.constants import (
    AGREEING_OUTCOMES,
    FINAL_OUTCOMES,
    PhoOutcome,
    Result,
    Stage,
)


def proposal_result(
    *,
    stage: str,
    needs_executive_decisions: bool,
    pho_outcome: str,
    outcomes: Sequence[str | None],
    coalition_confirmed: bool,
) -> Result:
    """The result, given each participant's latest decision (None: none yet)."""
    if stage == Stage.WITHDRAWN:
        return Result.WITHDRAWN
    if not needs_executive_decisions:
        # The PHO decision closes a proposal without consequences for policy, money or staff.
        if pho_outcome in {PhoOutcome.POSITIVE, PhoOutcome.AMENDED}:
            return Result.CLOSED_BY_PHO
        return Result.NOT_ADOPTED if pho_outcome == PhoOutcome.NEGATIVE else Result.PENDING
    total = len(outcomes)
    agreed = sum(1 for outcome in outcomes if outcome in AGREEING_OUTCOMES)
    majority = total > 0 and agreed * 2 > total
    if coalition_confirmed and majority:
        return Result.ADOPTED_BY_COALITION
    if total == 0 or not all(outcome in FINAL_OUTCOMES for outcome in outcomes):
        return Result.PENDING
    if agreed == total:
        return Result.ADOPTED_BY_ALL
    return Result.COALITION_TO_CONFIRM if majority else Result.NOT_ADOPTED


def is_overdue(*, outcome: str | None, deadline, on) -> bool:
    """A participant is overdue when the deadline has passed without a final decision."""
    return deadline is not None and deadline < on and outcome not in FINAL_OUTCOMES
