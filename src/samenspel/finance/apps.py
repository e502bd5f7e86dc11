from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "samenspel.finance"
    verbose_name = _("Financiën")

    def ready(self) -> None:
        from samenspel.api.registry import register_path
        from samenspel.finance.api import ContributionViewSet

        # A list only: a contribution is a computed row (year and member), not an object.
        register_path(
            "bijdragen", ContributionViewSet.as_view({"get": "list"}), name="bijdragen-list"
        )

        from samenspel.agenda.loader import register_section_loader
        from samenspel.finance.loader import budget_load

        register_section_loader("budget", budget_load)

        from samenspel.agenda.checks import register_check
        from samenspel.finance.checks import stated_totals_check

        register_check(stated_totals_check)

        from samenspel.finance.views import organisation_contributions
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(
            Panel("finance/organisation_panel.html", organisation_contributions, 20),
            slot="organisation",
        )

        from samenspel.finance.inbox import TO_PAY, claims_more_url, claims_to_pay
        from samenspel.web.inbox import InboxSource, register_inbox

        register_inbox(
            InboxSource(
                TO_PAY, _("Declaraties nog niet betaald"), claims_to_pay, claims_more_url, 80
            )
        )
