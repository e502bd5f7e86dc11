"""The failing rules of the structure check, cached for the dashboard.

The bureau's dashboard asks for them on every visit; the check (governance.py) reads the
whole structure (about 70 ms at national scale)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from uuid import uuid4

from django.core.cache import cache
from django.db import transaction
from django.utils.translation import get_language

from samenspel.organisations.governance import governance_check
from samenspel.organisations.models import Association

# The result is kept until the structure changes (a save or delete of a model the check
# reads: `structure_changed`, connected in apps.py) and never longer than
# FAILING_RULES_SECONDS (bulk loads send no signals).
FAILING_RULES_SECONDS = 120
STRUCTURE_VERSION_KEY = "governance:structure-version"


@dataclass(frozen=True)
class FailingRule:
    title: str
    offences: list[str]


def _structure_version() -> str:
    version = cache.get(STRUCTURE_VERSION_KEY)
    if version is None:
        version = uuid4().hex
        cache.set(STRUCTURE_VERSION_KEY, version, None)
    return version


def structure_changed(**kwargs) -> None:
    """A new structure version, now (for the rest of this transaction) and after the
    commit (so a check made meanwhile by another request is not kept)."""
    cache.delete(STRUCTURE_VERSION_KEY)
    transaction.on_commit(lambda: cache.delete(STRUCTURE_VERSION_KEY))


def failing_rules(*, date: dt.date, association: Association) -> list[FailingRule]:
    """The switched-on rules that fail for `association` on `date`, with their offences
    (texts in the current language), from the cache while the structure is unchanged."""
    key = ":".join(
        (
            "governance",
            str(association.pk),
            date.isoformat(),
            get_language() or "",
            _structure_version(),
        )
    )
    found = cache.get(key)
    if found is None:
        found = [
            FailingRule(str(result.rule.title), [str(offence) for offence in result.offences])
            for result in governance_check(date=date, association=association)
            if result.enabled and not result.passed
        ]
        cache.set(key, found, FAILING_RULES_SECONDS)
    return found
