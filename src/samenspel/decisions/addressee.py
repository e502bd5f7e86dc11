"""Who a college proposal is addressed to, and who puts it forward (the "Indiener").

The addressee is the executive of the participant's kind of organisation, as a Dutch
sentence needs it: "het college van burgemeester en wethouders van de gemeente Assen",
"Gedeputeerde Staten van de provincie Drenthe", "het dagelijks bestuur van Waterschap
Vechtstromen". Names in the register carry their kind ("Gemeente Assen"), so the kind
word is taken off first: never "de gemeente Gemeente Assen".
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from samenspel.decisions.models import Proposal
from samenspel.organisations.constants import BodyKind, OrganisationKind, Role
from samenspel.organisations.models import Body, Membership, Organisation, Person

# The words a water board's own name starts with; other names get "Waterschap" before them.
WATER_BOARD_WORDS = ("waterschap", "wetterskip", "hoogheemraadschap", "heemraadschap")


def _without_prefix(name: str, prefix: str) -> str:
    """'Gemeente Assen' → 'Assen' (for prefix 'gemeente'); other names stay as they are."""
    if name.lower().startswith(prefix + " "):
        return name[len(prefix) + 1 :].strip()
    return name


def addressee(organisation: Organisation) -> str:
    """The executive of `organisation`, for the middle of a sentence."""
    name = organisation.name.strip()
    if organisation.kind == OrganisationKind.MUNICIPALITY:
        return _("het college van burgemeester en wethouders van de gemeente %(name)s") % {
            "name": _without_prefix(name, "gemeente")
        }
    if organisation.kind == OrganisationKind.PROVINCE:
        return _("Gedeputeerde Staten van de provincie %(name)s") % {
            "name": _without_prefix(name, "provincie")
        }
    if organisation.kind == OrganisationKind.WATER_BOARD:
        if not name.lower().startswith(WATER_BOARD_WORDS):
            name = _("Waterschap %(name)s") % {"name": name}
        return _("het dagelijks bestuur van %(name)s") % {"name": name}
    return _("het bestuur van %(name)s") % {"name": name}


def capitalised(text: str) -> str:
    """The first letter upper case, the rest untouched (str.capitalize would lower it)."""
    return text[:1].upper() + text[1:]


def decision_intro(organisation: Organisation) -> str:
    """The line above the decision points: 'Het college van … besluit:'. Gedeputeerde
    Staten are plural, so they 'besluiten'."""
    who = capitalised(addressee(organisation))
    if organisation.kind == OrganisationKind.PROVINCE:
        return _("%(who)s besluiten:") % {"who": who}
    return _("%(who)s besluit:") % {"who": who}


def _person_text(person: Person) -> str:
    function = person.function_title or person.get_function_display().lower()
    return f"{person.name} ({function}, {person.organisation.name})"


def proposer_text(proposal: Proposal, *, on: dt.date) -> str:
    """Who puts the proposal forward, never empty.

    The proposal's own proposer when one is named. The field is optional (the bureau
    may leave it empty), and a proposal in the association format comes from its
    portfolio: then the chair of the portfolio meeting on `on` puts it forward (the
    demo names that chair too). A portfolio without a chair then has the association's
    bureau, which prepares every proposal, as the proposer.
    """
    if proposal.proposer is not None:
        return _person_text(proposal.proposer)
    association = proposal.portfolio.association
    chair = (
        Membership.objects.active_on(on)
        .filter(
            post__role=Role.CHAIR,
            post__body__kind=BodyKind.PORTFOLIO_MEETING,
            post__body__portfolio=proposal.portfolio,
            post__body__association=association,
        )
        .select_related("person__organisation", "post__body")
        .order_by("post__body__pk", "-start_date", "pk")
        .first()
    )
    if chair:
        body = chair.post.body
        return _("%(person)s, voorzitter %(body)s") % {
            "person": _person_text(chair.person),
            "body": body.short_name or body.name,
        }
    bureau = Body.objects.filter(association=association, kind=BodyKind.BUREAU).first()
    if bureau:
        return bureau.name
    return _("Het bureau van %(association)s") % {"association": association.name}
