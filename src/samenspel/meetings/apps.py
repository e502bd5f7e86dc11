from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "samenspel.meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.meetings import panels
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(Panel("meetings/panels/dashboard.html", panels.dashboard_context, 40))
        register_panel(Panel("meetings/panels/body.html", panels.body_context, 20), slot="body")
        register_panel(
            Panel("meetings/panels/person.html", panels.person_context, 20), slot="person"
        )
        register_panel(
            Panel("meetings/panels/proposal.html", panels.proposal_context, 50), slot="proposal"
        )
