"""Panels the reports app adds to other pages: a follow button on a proposal's page."""

from __future__ import annotations

from samenspel.accounts.permissions import is_signed_in
from samenspel.reports.constants import FollowTarget
from samenspel.reports.models import Follow


def proposal_follow_panel(request, proposal) -> dict:
    following = (
        is_signed_in(request.user)
        and Follow.objects.filter(
            user=request.user, target=FollowTarget.PROPOSAL, object_id=proposal.pk
        ).exists()
    )
    return {
        "target": FollowTarget.PROPOSAL,
        "object_id": proposal.pk,
        "following": following,
        "next": request.get_full_path(),
    }
