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


class SignInMethod(models.TextChoices):
    PASSWORD = "password", _("Wachtwoord")
    PROVIDER = "provider", _("Eigen organisatie (SSO)")


# Session keys shared by the sign-in parts (docs/sign-in.md).
SESSION_PROVIDER_KEY = "samenspel_identity_provider"  # id of the provider signed in with
SESSION_ID_TOKEN_KEY = "samenspel_id_token"  # for the provider's end-session (logout)
SESSION_INVITATION_KEY = "samenspel_invitation"  # id of the invitation being accepted
SESSION_PROVIDER_SECOND_FACTOR_KEY = "samenspel_provider_second_factor"  # amr/acr counted
SESSION_HAS_DEVICE_KEY = "samenspel_has_second_factor"  # [user, sign-in, has a device]
