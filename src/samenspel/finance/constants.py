from django.db import models
from django.utils.translation import gettext_lazy as _


class ContributionKey(models.TextChoices):
    """How an amount is split over organisations: Samenspel's one cost-key type.

    Budget years and service-desk projects use all four; a proposal offers three of
    them under its own labels (`decisions.constants.PROPOSAL_COST_KEYS`). The one
    function that applies a key is `finance.selectors.split_over_members`.
    """

    PER_INHABITANT = "per_inhabitant", _("Per inwoner")
    EQUAL = "equal", _("Gelijke delen")
    FIXED = "fixed", _("Vaste bedragen")
    BASE_PLUS_INHABITANT = "base_plus_inhabitant", _("Vast bedrag plus per inwoner")


class LineKind(models.TextChoices):
    ONE_OFF = "one_off", _("Incidenteel")
    RECURRING = "recurring", _("Structureel")


class StatedWhat(models.TextChoices):
    TOTAL_COSTS = "total_costs", _("Totale kosten")
    RUNNING_BUDGET = "running_budget", _("Uit lopende begroting")
    REMAINING = "remaining", _("Resterend te financieren")
    PER_INHABITANT = "per_inhabitant", _("Bijdrage per inwoner")
    CONTINGENCY_FUND = "contingency_fund", _("Handgeld (opslag 5%)")
    LOBBY_ADVICE_PER_YEAR = "lobby_advice_per_year", _("Lobbyadvies per jaar")
