"""Which stage may follow which, as data. Checked by the services in `services.py`."""

from samenspel.decisions.constants import Stage

ALLOWED: dict[str, set[Stage]] = {
    # A PHO decision may close a proposal without consequences straight from draft.
    Stage.DRAFT: {Stage.PHO, Stage.SENT, Stage.CLOSED, Stage.WITHDRAWN},
    # A PHO may hold a proposal back (postponed) and decide on it again.
    Stage.PHO: {Stage.PHO, Stage.SENT, Stage.CLOSED, Stage.DRAFT, Stage.WITHDRAWN},
    Stage.SENT: {Stage.CLOSED, Stage.WITHDRAWN},
    Stage.CLOSED: set(),
    Stage.WITHDRAWN: set(),
}


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())
