from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendaConfig(AppConfig):
    name = "samenspel.agenda"
    verbose_name = _("Samenwerkingsagenda")

    def ready(self) -> None:
        from samenspel.agenda.dashboard import agenda_panel
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(Panel("agenda/dashboard_panel.html", agenda_panel, order=10))

        from samenspel.agenda import inbox
        from samenspel.web.inbox import InboxSource, register_inbox, register_shortcut

        for source in (
            InboxSource(
                inbox.OVERDUE,
                _("Mijlpalen over tijd"),
                inbox.milestones_overdue,
                inbox.overdue_more_url,
                30,
            ),
            InboxSource(
                inbox.STALE,
                _("Afspraken zonder recente update"),
                inbox.stale_agreements,
                inbox.stale_more_url,
                50,
            ),
            InboxSource(
                inbox.CHECKS,
                _("Structuurregels die niet kloppen"),
                inbox.checks_failing,
                inbox.checks_more_url,
                90,
            ),
        ):
            register_inbox(source)
        register_shortcut(inbox.portfolio_shortcuts)

        from samenspel.agenda import search
        from samenspel.web.search import SearchSource, register_search

        register_search(
            SearchSource(
                "afspraken",
                _("Afspraken"),
                search.agreements_found,
                10,
                hit=search.agreement_hit,
                more_url=search.agreements_more_url,
                more_label=_("Alle %(count)s afspraken"),
            )
        )
        # Anonymous visitors and users without a role here: the public agreement pages.
        register_search(
            SearchSource(
                "openbare-afspraken",
                _("Afspraken"),
                search.public_agreements_found,
                10,
                hit=search.public_agreement_hit,
                public=True,
            )
        )

        # The open API (docs/api.md): the agenda's resources, public as /openbaar/ is.
        from samenspel.agenda.api import PortfolioViewSet, ThemeViewSet
        from samenspel.agenda.api_agreements import AgreementViewSet
        from samenspel.agenda.api_progress import ProgressUpdateViewSet
        from samenspel.api.registry import register

        register("portefeuilles", PortfolioViewSet)
        register("themas", ThemeViewSet)
        register("afspraken", AgreementViewSet)
        register("voortgang", ProgressUpdateViewSet)
