"""The to-do inbox on the dashboard: what waits on the signed-in user, per role.

`web` knows no domain, so each app registers its sources in its AppConfig.ready(): an
`InboxSource` is a plain selector of the owning app that returns one kind of
`InboxItem` for a user in an association on a date (an empty list for a user without
the role), and `register_shortcut` adds links to the user's own pages (a chair's
portfolio). The dashboard shows one group per kind that has items, the most urgent group
first, each sorted by urgency and deadline and cut at `SHOWN_PER_GROUP` with a link to
the full, filtered list. A user with several roles gets the union of their groups.

Questionnaires to answer belong in the account holder's inbox too (issue 19), but do not
exist yet; when they do, their app registers a source like the others.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from django.http import HttpRequest

from samenspel.accounts.permissions import is_bureau, roles_of
from samenspel.core.dates import today

# Items shown per group; the rest is behind "en N meer" (the filtered list).
SHOWN_PER_GROUP = 5
# A deadline within this many days is "soon": the account holders' reminder window
# (SAMENSPEL_REMINDER_DAYS) has the same default.
SOON_DAYS = 14


class Urgency(IntEnum):
    """Lower is more urgent: the inbox sorts on it before the deadline."""

    OVERDUE = 0  # its deadline has passed
    SOON = 1  # due within SOON_DAYS
    OPEN = 2  # to do, without a deadline that presses


def urgency_of(due: dt.date | None, on: dt.date) -> Urgency:
    if due is None:
        return Urgency.OPEN
    if due < on:
        return Urgency.OVERDUE
    return Urgency.SOON if due <= on + dt.timedelta(days=SOON_DAYS) else Urgency.OPEN


@dataclass(frozen=True)
class InboxItem:
    kind: str
    title: str
    detail: str
    due: dt.date | None
    url: str
    urgency: Urgency = Urgency.OPEN

    @property
    def is_overdue(self) -> bool:
        return self.urgency == Urgency.OVERDUE

    @property
    def is_soon(self) -> bool:
        return self.urgency == Urgency.SOON


@dataclass(frozen=True)
class InboxSource:
    """One kind of item: its heading, the selector that finds the items
    (`items(user=, association=, on=)`) and the full list behind "en N meer"
    (`more_url(user, association)`, asked only when a group is cut)."""

    kind: str
    heading: str
    items: Callable[..., list[InboxItem]]
    more_url: Callable[[Any, Any], str]
    order: int = 100


@dataclass(frozen=True)
class InboxGroup:
    kind: str
    heading: str
    items: list[InboxItem]
    total: int
    more_url: str

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class Shortcut:
    label: str
    url: str


_SOURCES: list[InboxSource] = []
_SHORTCUTS: list[Callable[..., list[Shortcut]]] = []


def register_inbox(source: InboxSource) -> None:
    if all(s.kind != source.kind for s in _SOURCES):
        _SOURCES.append(source)


def register_shortcut(shortcuts: Callable[..., list[Shortcut]]) -> None:
    """`shortcuts(user=, association=)`: links to the user's own pages."""
    if shortcuts not in _SHORTCUTS:
        _SHORTCUTS.append(shortcuts)


def _item_key(item: InboxItem) -> tuple:
    return (item.urgency, item.due is None, item.due or dt.date.max)


def inbox_groups(user: Any, association: Any, on: dt.date) -> list[InboxGroup]:
    """The user's groups of items in `association` on `on`, the most urgent first."""
    groups = []
    for source in sorted(_SOURCES, key=lambda s: s.order):
        # A stable sort: items without a deadline keep the order their selector gave.
        items = sorted(source.items(user=user, association=association, on=on), key=_item_key)
        if not items:
            continue
        shown = items[:SHOWN_PER_GROUP]
        more_url = source.more_url(user, association) if len(items) > len(shown) else ""
        groups.append(InboxGroup(source.kind, str(source.heading), shown, len(items), more_url))
    # Stable again: groups equally urgent keep the order of their sources.
    return sorted(groups, key=lambda g: _item_key(g.items[0]))


def shortcuts_for(user: Any, association: Any) -> list[Shortcut]:
    return [s for shortcuts in _SHORTCUTS for s in shortcuts(user=user, association=association)]


def figures_open_for(user: Any) -> bool:
    """The association's figures open on the dashboard for the bureau and for readers;
    folded below the inbox for those with work of their own (chair, core group, account
    holder), whose inbox comes first."""
    roles = roles_of(user)
    own_work = roles.chair_of or roles.core_group_of or roles.account_holder_of
    return is_bureau(user) or not own_work


def dashboard_inbox(request: HttpRequest) -> dict:
    """The inbox part of the dashboard's context."""
    user, association = request.user, request.association  # type: ignore[attr-defined]
    return {
        "inbox": inbox_groups(user, association, today()),
        "shortcuts": shortcuts_for(user, association),
    }
