from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "samenspel.accounts"
    verbose_name = _("Accounts en rollen")

    def ready(self) -> None:
        from samenspel.accounts import derived_roles  # noqa: F401 (connects the receivers)
        from samenspel.accounts.invitations.views import invitation_shortcuts
        from samenspel.accounts.users import (
            sessions,  # noqa: F401 (the sign-out receiver)
            signins,  # noqa: F401 (connects the receiver)
        )
        from samenspel.accounts.users.views import users_shortcuts
        from samenspel.web.inbox import register_shortcut

        # Dashboard links: "Uitnodigingen" (bureau, chairs), "Gebruikers en sessies" (bureau).
        register_shortcut(invitation_shortcuts)
        register_shortcut(users_shortcuts)
