from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "samenspel.meetings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.meetings.jobs import register_jobs

        register_jobs()  # the schedule PDF and the agenda mail run in the background

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

        from samenspel.meetings import inbox
        from samenspel.web.inbox import InboxSource, register_inbox

        register_inbox(
            InboxSource(
                inbox.TO_PREPARE,
                _("Vergaderingen voorbereiden"),
                inbox.meetings_to_prepare,
                inbox.meetings_more_url,
                40,
            )
        )
        register_inbox(
            InboxSource(
                inbox.TO_SEND,
                _("Agenda's nog te versturen"),
                inbox.meetings_to_send,
                inbox.meetings_more_url,
                70,
            )
        )

        from samenspel.meetings import search
        from samenspel.web.search import SearchSource, register_search

        register_search(
            SearchSource(
                "vergaderingen",
                _("Vergaderingen"),
                search.meetings_found,
                30,
                hit=search.meeting_hit,
            )
        )
        register_search(SearchSource("stukken", _("Vergaderstukken"), search.documents_found, 40))

        from samenspel.api.registry import register
        from samenspel.meetings.api import MeetingViewSet

        register("overleggen", MeetingViewSet)
