"""What the site search finds in the decisions: the association's proposals.

Every signed-in user with a role reads every proposal of the association (the list and
its pages), so the proposals of `request.association` that match are all shown, best match
first. `proposals_matching` is also the proposal list's search (`selectors.
proposal_states_matching`); on PostgreSQL it is Dutch full-text search (`core.fulltext`,
index in migration 0007).
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenspel.core.fulltext import by_rank, text_filter
from samenspel.decisions.models import Proposal
from samenspel.web.search import Hit

# The number a proposal is known by is the PHO's reference (e.g. "PHO-SD 2024-03"). These
# columns are indexed together on PostgreSQL (migration 0007): change both at once.
FIELDS = ("title", "subject", "pho_reference")


def proposals_matching(qs: QuerySet[Proposal], terms: list[str]) -> QuerySet[Proposal]:
    """The one match of proposals: every term in the title, subject or PHO reference."""
    return text_filter(qs, terms, FIELDS)


def proposals_found(request: HttpRequest, terms: list[str]) -> QuerySet[Proposal]:
    qs = Proposal.objects.filter(portfolio__association=request.association)  # type: ignore[attr-defined]
    found = proposals_matching(qs.select_related("portfolio"), terms)
    return by_rank(found, terms, FIELDS, "-created_on", "-pk")


def proposal_hit(proposal: Proposal) -> Hit:
    portfolio = proposal.portfolio.abbreviation or proposal.portfolio.name
    parts = [portfolio, proposal.get_stage_display()]
    if proposal.pho_reference:
        parts.append(proposal.pho_reference)
    parts.append(_("aangemaakt %(date)s") % {"date": date_format(proposal.created_on, "j F Y")})
    return Hit(proposal.title, proposal.get_absolute_url(), _("Voorstel"), " · ".join(parts))
