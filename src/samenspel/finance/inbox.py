"""What money puts in the dashboard's to-do inbox (`web.inbox`): for the bureau, the
claims sent and not paid yet, the oldest first (one query)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.accounts.permissions import can_manage_money
from samenspel.finance.selectors import outstanding_claims
from samenspel.organisations.models import Association
from samenspel.web.inbox import InboxItem
from samenspel.web.templatetags.samenspel import format_euro

TO_PAY = "claims_to_pay"


def claims_to_pay(*, user: Any, association: Association, on: dt.date) -> list[InboxItem]:
    """Claims of `association` sent on or before `on` and not paid, linked to marking
    one paid."""
    if not can_manage_money(user):
        return []
    return [
        InboxItem(
            kind=TO_PAY,
            title=f"{claim.organisation.display_name}: {claim.description}",
            detail=_("%(amount)s, verstuurd op %(date)s")
            % {
                "amount": format_euro(claim.amount).replace(" ", "\N{NO-BREAK SPACE}"),
                "date": date_format(claim.sent_on, "j F Y"),
            },
            due=None,
            url=reverse("finance:claim_paid", args=[claim.pk]),
        )
        for claim in outstanding_claims(association=association)
        .filter(sent_on__lte=on)
        .order_by("sent_on", "pk")
    ]


def claims_more_url(user: Any, association: Association) -> str:
    return reverse("finance:overview") + "#claims-heading"
