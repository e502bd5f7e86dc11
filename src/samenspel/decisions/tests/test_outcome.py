"""The result of a proposal for every combination of its participants' decisions."""

import datetime as dt

import pytest

from samenspel.decisions.constants import Result
from samenspel.decisions.outcome import is_overdue, proposal_result


def result(outcomes, *, stage="sent", needs=True, pho="positive", coalition=False):
    return proposal_result(
        stage=stage,
        needs_executive_decisions=needs,
        pho_outcome=pho,
        outcomes=outcomes,
        coalition_confirmed=coalition,
    )


def test_all_agreed_is_adopted_by_all():
    assert result(["agreed", "amended", "agreed"]) == Result.ADOPTED_BY_ALL


def test_one_rejected_with_a_majority_needs_the_bureau_to_confirm_the_coalition():
    assert result(["agreed", "agreed", "rejected"]) == Result.COALITION_TO_CONFIRM


def test_confirmed_coalition_is_adopted_by_a_coalition():
    outcomes = ["agreed", "agreed", "rejected"]
    assert result(outcomes, coalition=True) == Result.ADOPTED_BY_COALITION


def test_a_confirmed_coalition_may_go_ahead_before_the_last_college_decided():
    outcomes = ["agreed", "agreed", "agreed", None]
    assert result(outcomes, coalition=True) == Result.ADOPTED_BY_COALITION


def test_confirmation_without_a_majority_does_not_make_a_coalition():
    assert result(["agreed", "rejected"], coalition=True) == Result.NOT_ADOPTED


def test_no_majority_is_not_adopted():
    assert result(["agreed", "rejected", "rejected"]) == Result.NOT_ADOPTED
    assert result(["agreed", "withdrawn"]) == Result.NOT_ADOPTED


@pytest.mark.parametrize("open_outcome", [None, "postponed"])
def test_anyone_still_to_decide_keeps_it_pending(open_outcome):
    assert result(["agreed", "agreed", open_outcome]) == Result.PENDING


def test_no_participants_is_pending():
    assert result([]) == Result.PENDING


def test_withdrawn_proposal_is_withdrawn_whatever_was_decided():
    assert result(["agreed", "agreed"], stage="withdrawn") == Result.WITHDRAWN


@pytest.mark.parametrize(
    ("pho", "expected"),
    [
        ("positive", Result.CLOSED_BY_PHO),
        ("amended", Result.CLOSED_BY_PHO),
        ("negative", Result.NOT_ADOPTED),
        ("postponed", Result.PENDING),
        ("", Result.PENDING),
    ],
)
def test_without_consequences_the_pho_decides(pho, expected):
    assert result([None, None], needs=False, pho=pho, stage="pho") == expected


def test_overdue_only_after_the_deadline_without_a_final_decision():
    deadline = dt.date(2024, 6, 1)
    after = dt.date(2024, 6, 2)
    assert is_overdue(outcome=None, deadline=deadline, on=after)
    assert is_overdue(outcome="postponed", deadline=deadline, on=after)
    assert not is_overdue(outcome="agreed", deadline=deadline, on=after)
    assert not is_overdue(outcome="rejected", deadline=deadline, on=after)
    assert not is_overdue(outcome=None, deadline=deadline, on=deadline)
    assert not is_overdue(outcome=None, deadline=None, on=after)
