"""Which status may follow which, as data. Checked by `progress_update_add`."""

from samenspel.agenda.constants import Status

ACTIVE = {Status.ON_TRACK, Status.AT_RISK, Status.DELAYED}

ALLOWED = {
    Status.NOT_STARTED: {Status.NOT_STARTED, *ACTIVE, Status.DONE, Status.STOPPED},
    Status.ON_TRACK: {*ACTIVE, Status.DONE, Status.STOPPED},
    Status.AT_RISK: {*ACTIVE, Status.DONE, Status.STOPPED},
    Status.DELAYED: {*ACTIVE, Status.DONE, Status.STOPPED},
    # Finished work can be reopened, with an update that says why.
    Status.DONE: {Status.DONE, Status.ON_TRACK, Status.AT_RISK, Status.DELAYED},
    Status.STOPPED: {Status.STOPPED, Status.ON_TRACK, Status.NOT_STARTED},
}


def may_follow(current: str, new: str) -> bool:
    return new in ALLOWED.get(current, set())
