"""Status values of proposals and decisions, with their Dutch labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenspel.finance.constants import ContributionKey


class Stage(models.TextChoices):
    """Where a proposal is in its process (annex 1, "Wijze van besluitvorming")."""

    DRAFT = "draft", _("Concept")
    PHO = "pho", _("Voorbereid in PHO")
    SENT = "sent", _("Bij de colleges")
    CLOSED = "closed", _("Afgerond")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class PhoOutcome(models.TextChoices):
    """The portfolio meeting's preparatory decision; never a decision about money."""

    POSITIVE = "positive", _("Positief advies")
    AMENDED = "amended", _("Positief advies met wijzigingen")
    NEGATIVE = "negative", _("Negatief advies")
    POSTPONED = "postponed", _("Aangehouden")


class DecisionOutcome(models.TextChoices):
    AGREED = "agreed", _("Ingestemd")
    AMENDED = "amended", _("Ingestemd met wijzigingen")
    REJECTED = "rejected", _("Niet ingestemd")
    POSTPONED = "postponed", _("Aangehouden")
    WITHDRAWN = "withdrawn", _("Teruggetrokken")


# A participant whose latest decision is one of these has decided for good.
FINAL_OUTCOMES = {
    DecisionOutcome.AGREED,
    DecisionOutcome.AMENDED,
    DecisionOutcome.REJECTED,
    DecisionOutcome.WITHDRAWN,
}
AGREEING_OUTCOMES = {DecisionOutcome.AGREED, DecisionOutcome.AMENDED}


class Result(models.TextChoices):
    """The proposal's outcome, computed from the participants' decisions."""

    PENDING = "pending", _("Loopt")
    ADOPTED_BY_ALL = "adopted_by_all", _("Door alle deelnemers vastgesteld")
    ADOPTED_BY_COALITION = "adopted_by_coalition", _("Vastgesteld door een coalitie")
    COALITION_TO_CONFIRM = "coalition_to_confirm", _("Coalitie: bevestiging bureau nodig")
    NOT_ADOPTED = "not_adopted", _("Niet vastgesteld")
    CLOSED_BY_PHO = "closed_by_pho", _("Afgerond met het PHO-besluit")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


# The text sections of a college proposal (VDG-format) after its subject, in the order
# the format prints them. The model declares one text field per name; the form, the
# proposal page and the documents read this list.
PROPOSAL_SECTIONS = (
    "introduction",
    "intended_effect",
    "arguments",
    "risks",
    "finance_text",
    "staff_text",
    "communication",
    "implementation",
)
# Every free text of the format: the subject, then the sections.
PROPOSAL_TEXTS = ("subject", *PROPOSAL_SECTIONS)


# The keys a proposal's costs may be split by: three of finance's cost keys (the one
# type, `ContributionKey`), labelled as a college proposal words them.
PROPOSAL_COST_KEYS = {
    ContributionKey.PER_INHABITANT: _("Naar inwonertal"),
    ContributionKey.EQUAL: _("Gelijke delen"),
    ContributionKey.FIXED: _("Vaste bedragen per deelnemer"),
}
