from django.db import models
from django.utils.translation import gettext_lazy as _


class RoleKind(models.TextChoices):
    BUREAU = "bureau", _("Bureau")
    PORTFOLIO_CHAIR = "portfolio_chair", _("Voorzitter portefeuille")
    CORE_GROUP_MEMBER = "core_group_member", _("Lid kerngroep")
    ACCOUNT_HOLDER = "account_holder", _("Accounthouder")
    READER = "reader", _("Lezer")


# Which scope each role needs: a portfolio, an organisation, or none.
PORTFOLIO_ROLES = (RoleKind.PORTFOLIO_CHAIR, RoleKind.CORE_GROUP_MEMBER)
ORGANISATION_ROLES = (RoleKind.ACCOUNT_HOLDER,)
