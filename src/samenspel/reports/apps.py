from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "samenspel.reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.reports.jobs import register_jobs

        register_jobs()  # reports as PDF or DOCX are made in the background

        from samenspel.reports.panels import dashboard_panel, proposal_follow_panel
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(Panel("reports/panels/dashboard.html", dashboard_panel, 90))
        register_panel(
            Panel("reports/panels/follow.html", proposal_follow_panel, order=5), slot="proposal"
        )

        from samenspel.api.registry import register
        from samenspel.reports.api import ReportViewSet

        register("rapportages", ReportViewSet)
