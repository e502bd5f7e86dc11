"""A fingerprint of the generated rows' key fields (no primary keys, no creation times):
two runs with the same scale, seed and reference date give the same one."""

from __future__ import annotations

import hashlib

from samenspel.accounts.models import RoleAssignment, User
from samenspel.agenda.models import Agreement, Milestone, ProgressUpdate, Theme
from samenspel.capacity.models import RealisedHours
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal
from samenspel.meetings.models import AgendaDocument, AgendaItem, Meeting, Outcome
from samenspel.organisations.models import AssociationMembership, Membership, Person, Post
from samenspel.reports.models import Follow

# model, the path from it to the association's code, the key fields
KEYS = [
    (AssociationMembership, "association__slug", ["organisation__slug", "kind"]),
    (Post, "body__association__slug", ["body__slug", "role", "organisation__slug", "label"]),
    (Membership, "post__body__association__slug", ["post__body__slug", "person__slug"]),
    (Person, "memberships__post__body__association__slug", ["slug", "name", "function"]),
    (User, "role_assignments__association__slug", ["username", "person__slug"]),
    (RoleAssignment, "association__slug", ["user__username", "role", "portfolio__slug"]),
    (Theme, "agenda__association__slug", ["slug", "name", "kind"]),
    (
        Agreement,
        "agenda__association__slug",
        [
            "slug",
            "title",
            "portfolio__slug",
            "theme__slug",
            "period_start",
            "period_end",
            "political_lead__slug",
            "description",
        ],
    ),
    (
        Milestone,
        "agreement__agenda__association__slug",
        ["agreement__slug", "order", "title", "end", "reached_on"],
    ),
    (
        ProgressUpdate,
        "agreement__agenda__association__slug",
        ["agreement__slug", "date", "status", "text", "is_internal"],
    ),
    (
        RealisedHours,
        "association__slug",
        ["organisation__slug", "portfolio__slug", "year", "quarter", "hours"],
    ),
    (Proposal, "portfolio__association__slug", ["title", "stage", "created_on", "sent_on"]),
    (
        Participant,
        "proposal__portfolio__association__slug",
        ["proposal__title", "organisation__slug", "hours_per_year"],
    ),
    (
        ExecutiveDecision,
        "participant__proposal__portfolio__association__slug",
        [
            "participant__proposal__title",
            "participant__organisation__slug",
            "decided_on",
            "outcome",
            "reference",
        ],
    ),
    (Meeting, "body__association__slug", ["body__slug", "starts_at", "status", "uid"]),
    (
        AgendaItem,
        "body__association__slug",
        ["meeting__uid", "order", "title", "kind", "proposal__title"],
    ),
    (
        AgendaDocument,
        "item__body__association__slug",
        ["item__meeting__uid", "item__order", "title"],
    ),
    (
        Outcome,
        "body__association__slug",
        ["item__meeting__uid", "item__order", "kind", "reference"],
    ),
    (Follow, "association__slug", ["user__username", "target"]),
]


def national_digest(slugs: list[str]) -> str:
    """SHA-256 over the sorted key fields of every generated association in `slugs`."""
    digest = hashlib.sha256()
    for model, path, fields in KEYS:
        rows = sorted(
            set(model._default_manager.filter(**{f"{path}__in": slugs}).values_list(path, *fields)),
            key=repr,
        )
        digest.update(f"{model.__name__}:{len(rows)}:{rows!r}".encode())
    return digest.hexdigest()
