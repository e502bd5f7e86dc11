"""Which association a changed object is of, and whether a subscriber's user may read it.

The rules are the pages' own: someone with a role in the association reads what the
signed-in pages show (proposals, decisions and meetings to everyone taking part; a
progress update of the current agenda, internal or not, too, a withdrawn one only to who
may see withdrawn updates); someone without a role there reads what /openbaar/ shows
(public progress updates of the current agenda, the public meeting schedule), so never
an internal update.
"""

from __future__ import annotations

from typing import Any

from samenspel.accounts.corrections import can_see_withdrawn_updates
from samenspel.accounts.permissions import bind_roles, is_signed_in, takes_part
from samenspel.notifications.models import Channel


def association_id_of(channel: str, obj: Any) -> int | None:
    if channel == Channel.PROGRESS:
        return obj.agreement.agenda.association_id
    if channel == Channel.PROPOSALS:
        return obj.portfolio.association_id
    if channel == Channel.DECISIONS:
        return obj.participant.proposal.portfolio.association_id
    if channel == Channel.MEETINGS:
        return obj.body.association_id
    return None


def may_read(user: Any, association: Any, channel: str, obj: Any) -> bool:
    """Whether `user`, in `association`, may read `obj` of `channel` on the pages."""
    if not is_signed_in(user) or association_id_of(channel, obj) != association.pk:
        return False
    bind_roles(user, association)  # only the roles held in this association count
    if channel == Channel.PROGRESS and not _of_current_agenda(association, obj):
        return False  # the pages (and the API) show the current agenda's progress only
    if takes_part(user):
        if channel == Channel.PROGRESS and obj.withdrawn_at is not None:
            return can_see_withdrawn_updates(user)
        return True
    return _is_public(association, channel, obj)


def _of_current_agenda(association: Any, update: Any) -> bool:
    from samenspel.agenda.selectors import current_agenda

    agenda = current_agenda(association)
    return agenda is not None and update.agreement.agenda_id == agenda.pk


def _is_public(association: Any, channel: str, obj: Any) -> bool:
    if channel == Channel.PROGRESS:
        return not obj.is_internal and obj.withdrawn_at is None
    if channel == Channel.MEETINGS:
        from samenspel.meetings.selectors import public_schedule

        return public_schedule(association=association).filter(pk=obj.pk).exists()
    return False  # proposals and executive decisions have no public page
