"""Panels the reports app adds to other pages: a follow button on a proposal's page."""

from __future__ import annotations

from samenspel.accounts.permissions import is_signed_in
from samenspel.core.dates import today
from samenspel.reports.constants import FollowTarget
from samenspel.reports.following import follows_of
from samenspel.reports.selectors import visible_reports
from samenspel.reports.types.common import before_quarter


def proposal_follow_panel(request, proposal) -> dict:
    following = (
        is_signed_in(request.user)
        and follows_of(request.user, association=request.association)
        .filter(target=FollowTarget.PROPOSAL, object_id=proposal.pk)
        .exists()
    )
    return {
        "target": FollowTarget.PROPOSAL,
        "object_id": proposal.pk,
        "following": following,
        "next": request.get_full_path(),
    }


def dashboard_panel(request) -> dict:
    """The latest reports this user may download, the quarter's report and what they follow."""
    return {
        "latest": list(visible_reports(request.user, association=request.association)[:3]),
        "last_quarter": before_quarter(today()),
        "follow_count": follows_of(request.user, association=request.association).count(),
    }
