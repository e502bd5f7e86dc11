from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CapacityConfig(AppConfig):
    name = "samenspel.capacity"
    verbose_name = _("Ambtelijke inzet")

    def ready(self) -> None:
        from samenspel.api.registry import register_path
        from samenspel.capacity.api import CommitmentViewSet

        # A list only: a member's commitment in a year is computed, not an object.
        register_path("inzet", CommitmentViewSet.as_view({"get": "list"}), name="inzet-list")

        from samenspel.agenda.loader import register_section_loader
        from samenspel.capacity.loader import staff_load

        register_section_loader("staff", staff_load)

        from samenspel.capacity.panels import organisation_hours_panel
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(
            Panel("capacity/organisation_panel.html", organisation_hours_panel, 30),
            slot="organisation",
        )

        from samenspel.capacity.inbox import TO_RECORD, hours_more_url, hours_to_record
        from samenspel.web.inbox import InboxSource, register_inbox

        register_inbox(
            InboxSource(
                TO_RECORD, _("Gerealiseerde uren invullen"), hours_to_record, hours_more_url, 20
            )
        )
