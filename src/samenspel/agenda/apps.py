from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "samenspel.agenda"
    verbose_name = _("Samenwerkingsagenda")

    def ready(self) -> None:
        from samenspel.agenda.dashboard import agenda_panel
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(Panel("agenda/dashboard_panel.html", agenda_panel, order=10))
