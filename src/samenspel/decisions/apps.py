from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "samenspel.decisions"
    verbose_name = _("Voorstellen en besluiten")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.api.registry import register
        from samenspel.decisions.api import DecisionViewSet, ProposalViewSet

        register("voorstellen", ProposalViewSet)
        register("besluiten", DecisionViewSet)

        from samenspel.decisions.jobs import register_jobs

        register_jobs()  # the ZIP of all college proposals runs in the background

        from samenspel.decisions.panels import dashboard_panel, organisation_panel
        from samenspel.web.dashboard import Panel, register_panel

        register_panel(Panel("decisions/panels/dashboard.html", dashboard_panel, 40))

        from samenspel.decisions import inbox
        from samenspel.web.inbox import InboxSource, register_inbox, register_shortcut

        register_inbox(
            InboxSource(
                inbox.TO_RECORD,
                _("Besluiten van je college vastleggen"),
                inbox.decisions_to_record,
                inbox.to_record_more_url,
                10,
            )
        )
        register_inbox(
            InboxSource(
                inbox.WAITING,
                _("Voorstellen die wachten op de colleges"),
                inbox.proposals_waiting,
                inbox.waiting_more_url,
                60,
            )
        )
        register_shortcut(inbox.my_organisation_shortcuts)
        register_panel(
            Panel("decisions/panels/organisation.html", organisation_panel, 25),
            slot="organisation",
        )

        from samenspel.decisions import search
        from samenspel.web.search import SearchSource, register_search

        register_search(
            SearchSource(
                "voorstellen",
                _("Voorstellen"),
                search.proposals_found,
                20,
                hit=search.proposal_hit,
            )
        )
