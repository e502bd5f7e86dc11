"""Following a portfolio, agreement or proposal, and the weekly digest of what changed.

A digest lists changes of the last SAMENSPEL_DIGEST_DAYS days on what the user follows: progress
updates, milestones reached, proposals made, sent or decided by an executive. Each change
has a key; a key sent to a user is recorded (DigestItem) and never sent to them again, so
running `senddigests` twice, or daily, sends nothing twice. Unfollowing needs no sign-in:
every digest carries a signed link per follow, which holds for SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS
days after it was made (the token carries its signing time).

A follow names its association (the followed object's); the follows page and the digest
of an association read only its follows. The unfollow token names one follow (user,
target, object: the object is one association's), so a link works on whichever host it
is opened, and links signed before follows named their association keep working.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate
from samenspel.decisions.models import ExecutiveDecision, Proposal
from samenspel.organisations.associations import association_site_url
from samenspel.organisations.models import Association, Portfolio
from samenspel.reports.constants import FollowTarget
from samenspel.reports.document import date_nl
from samenspel.reports.models import DigestItem, Follow

UNFOLLOW_SALT = "samenspel.reports.unfollow"
MODELS = {
    FollowTarget.PORTFOLIO: Portfolio,
    FollowTarget.AGREEMENT: Agreement,
    FollowTarget.PROPOSAL: Proposal,
}


# --- what an association owns ----------------------------------------------------------------

# The path from each follow target to its association.
OWNER = {
    FollowTarget.PORTFOLIO: "association",
    FollowTarget.AGREEMENT: "agenda__association",
    FollowTarget.PROPOSAL: "portfolio__association",
}


def followable(target: str, *, association: Association) -> QuerySet[Any]:
    """The association's objects of a follow target (portfolios, agreements, proposals)."""
    return MODELS[target].objects.filter(**{OWNER[target]: association})


def follows_of(user: Any, *, association: Association) -> QuerySet[Follow]:
    """The user's follows in the association (the association each follow names)."""
    return Follow.objects.filter(user=user, association=association)


# --- writes --------------------------------------------------------------------------------


@transaction.atomic
def follow_add(*, user: Any, association: Association, target: str, object_id: int) -> Follow:
    """Follow one of the association's objects; DoesNotExist for a wrong id or another
    association's object."""
    followable(target, association=association).get(pk=object_id)
    follow, _ = Follow.objects.get_or_create(
        user=user, target=target, object_id=object_id, defaults={"association": association}
    )
    return follow


@transaction.atomic
def follow_remove(*, user: Any, association: Association, target: str, object_id: int) -> bool:
    deleted, _ = Follow.objects.filter(
        user=user, association=association, target=target, object_id=object_id
    ).delete()
    return bool(deleted)


def unfollow_token(follow: Follow) -> str:
    """A signed token for one follow; `signing.dumps` stamps it with the time of signing."""
    return signing.dumps([follow.user_id, follow.target, follow.object_id], salt=UNFOLLOW_SALT)


def unfollow_url(follow: Follow, site: str | None = None) -> str:
    """The unfollow link, on `site` (default: the follow's association's address)."""
    path = reverse("reports:unfollow", args=[unfollow_token(follow)])
    return (site if site is not None else association_site_url(follow.association)) + path


def unfollow_max_age() -> dt.timedelta:
    return dt.timedelta(days=settings.SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS)


def unfollow_by_token(token: str) -> tuple[int, str, int]:
    """The (user pk, target, object id) a token stands for. signing.SignatureExpired when
    it was signed more than SAMENSPEL_UNFOLLOW_MAX_AGE_DAYS ago, signing.BadSignature (of
    which SignatureExpired is a kind) when it is forged."""
    user_id, target, object_id = signing.loads(
        token, salt=UNFOLLOW_SALT, max_age=unfollow_max_age()
    )
    return int(user_id), str(target), int(object_id)


# --- reads ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    key: str
    subject: str  # what is followed, e.g. the agreement's title
    text: str
    url: str


def follow_label(follow: Follow) -> str:
    owner = {f"{OWNER[follow.target]}_id": follow.association_id}
    obj = MODELS[follow.target].objects.filter(pk=follow.object_id, **owner).first()
    return f"{FollowTarget(follow.target).label}: {obj}" if obj else str(follow)


def _agreement_changes(
    agreement_ids: list[int], since: dt.datetime, start: dt.date, site: str
) -> list[Change]:
    changes = []
    updates = ProgressUpdate.objects.standing().filter(
        agreement_id__in=agreement_ids, created_at__gte=since
    )
    for update in updates.select_related("agreement").order_by("created_at", "pk"):
        changes.append(
            Change(
                f"update:{update.pk}",
                update.agreement.title,
                f"Voortgang {date_nl(update.date)}: {update.get_status_display()}. {update.text}",
                site + update.agreement.get_absolute_url(),
            )
        )
    milestones = Milestone.objects.filter(agreement_id__in=agreement_ids, reached_on__gte=start)
    for milestone in milestones.select_related("agreement").order_by("reached_on", "pk"):
        changes.append(
            Change(
                f"milestone:{milestone.pk}:{milestone.reached_on}",
                milestone.agreement.title,
                f"Mijlpaal bereikt op {date_nl(milestone.reached_on)}: {milestone.title}",
                site + milestone.agreement.get_absolute_url(),
            )
        )
    return changes


def _proposal_changes(
    proposal_ids: list[int], since: dt.datetime, start: dt.date, site: str
) -> list[Change]:
    changes = []
    proposals = Proposal.objects.filter(pk__in=proposal_ids).filter(
        Q(created_on__gte=start) | Q(sent_on__gte=start)
    )
    for proposal in proposals.order_by("created_on", "pk"):
        sent = proposal.sent_on is not None and proposal.sent_on >= start
        changes.append(
            Change(
                f"proposal:{proposal.pk}:{'sent' if sent else 'new'}",
                proposal.title,
                f"Verstuurd naar de colleges op {date_nl(proposal.sent_on)}"
                if sent
                else f"Nieuw voorstel van {date_nl(proposal.created_on)}",
                site + proposal.get_absolute_url(),
            )
        )
    decisions = ExecutiveDecision.objects.filter(
        participant__proposal_id__in=proposal_ids, recorded_at__gte=since
    ).select_related("participant__organisation", "participant__proposal")
    for decision in decisions.order_by("recorded_at", "pk"):
        proposal = decision.participant.proposal
        changes.append(
            Change(
                f"decision:{decision.pk}",
                proposal.title,
                f"{decision.participant.organisation.display_name}: "
                f"{decision.get_outcome_display()} ({date_nl(decision.decided_on)})",
                site + proposal.get_absolute_url(),
            )
        )
    return changes


def changes_for(
    follow: Follow, *, now: dt.datetime | None = None, site: str | None = None
) -> list[Change]:
    """What changed in the last SAMENSPEL_DIGEST_DAYS days on one followed object, with
    links on `site` (default: the follow's association's address)."""
    site = site if site is not None else association_site_url(follow.association)
    now = now or timezone.now()
    since = now - dt.timedelta(days=settings.SAMENSPEL_DIGEST_DAYS)
    start = timezone.localtime(since).date()
    if follow.target == FollowTarget.AGREEMENT:
        return _agreement_changes([follow.object_id], since, start, site)
    if follow.target == FollowTarget.PROPOSAL:
        return _proposal_changes([follow.object_id], since, start, site)
    agreements = list(
        Agreement.objects.filter(portfolio_id=follow.object_id).values_list("pk", flat=True)
    )
    proposals = list(
        Proposal.objects.filter(portfolio_id=follow.object_id).values_list("pk", flat=True)
    )
    return _agreement_changes(agreements, since, start, site) + _proposal_changes(
        proposals, since, start, site
    )


@dataclass
class Digest:
    user: Any
    sections: list[tuple[Follow, str, str, list[Change]]]  # follow, label, unfollow url, changes
    site_url: str  # the association's address: the digest's links start with it

    @property
    def keys(self) -> list[str]:
        return [c.key for *_, changes in self.sections for c in changes]


def digest_for(user: Any, *, association: Association, now: dt.datetime | None = None) -> Digest:
    """The user's digest of what they follow of `association`: per follow the changes not
    sent to them before (deduplicated)."""
    sent = set(DigestItem.objects.filter(user=user).values_list("key", flat=True))
    site = association_site_url(association)
    sections = []
    follows = follows_of(user, association=association).order_by("target", "object_id")
    for follow in follows:
        fresh = []
        for change in changes_for(follow, now=now, site=site):
            if change.key not in sent:
                sent.add(change.key)  # a change seen through two follows is listed once
                fresh.append(change)
        if fresh:
            sections.append((follow, follow_label(follow), unfollow_url(follow, site), fresh))
    return Digest(user, sections, site)


@transaction.atomic
def digest_mark_sent(digest: Digest, *, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    DigestItem.objects.bulk_create(
        [DigestItem(user=digest.user, key=key, sent_at=now) for key in digest.keys],
        ignore_conflicts=True,
    )
