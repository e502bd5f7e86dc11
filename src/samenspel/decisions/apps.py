from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "samenspel.decisions"
    verbose_name = _("Voorstellen en besluiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.decisions.panels import dashboard_panel, organisation_panel
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(Panel("decisions/panels/dashboard.html", dashboard_panel, 40))
        register_panel(
            Panel("decisions/panels/organisation.html", organisation_panel, 25),
            slot="organisation",
        )
