"""The bureau keeps the meeting cycles here; meetings themselves are edited on their pages.

Outcomes, minutes and document versions are read-only in the admin: they are numbered,
locked or versioned by the services, which the admin would bypass.
"""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samenspel.meetings.models import (
    Action,
    AgendaItem,
    Invitation,
    Meeting,
    MeetingCycle,
    Minutes,
    Outcome,
)


@admin.register(MeetingCycle)
class MeetingCycleAdmin(SimpleHistoryAdmin):
    list_display = ["body", "title", "per_year", "month", "follows_prepared", "days_before"]
    list_filter = ["follows_prepared", "is_demo"]
    list_select_related = ["body"]
    search_fields = ["body__name"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "body", "starts_at", "status", "is_demo"]
    list_filter = ["status", "body__kind", "is_demo"]
    list_select_related = ["body"]
    search_fields = ["title", "body__name"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["body", "cycle", "prepares"]
    readonly_fields = ["uid", "sequence"]


@admin.register(Invitation)
class InvitationAdmin(SimpleHistoryAdmin):
    list_display = ["person", "meeting", "source", "removed", "attendance"]
    list_filter = ["source", "removed", "attendance"]
    raw_id_fields = ["meeting", "person", "post"]


@admin.register(AgendaItem)
class AgendaItemAdmin(SimpleHistoryAdmin):
    list_display = ["title", "body", "meeting", "kind", "is_confidential"]
    list_filter = ["kind", "is_confidential", "water_boards_relevant", "is_demo"]
    search_fields = ["title"]
    raw_id_fields = ["body", "meeting", "lead", "proposal"]
    filter_horizontal = ["agreements"]


@admin.register(Action)
class ActionAdmin(SimpleHistoryAdmin):
    list_display = ["title", "owner", "body", "created_on", "due_on", "status"]
    list_filter = ["status", "is_demo"]
    search_fields = ["title", "owner__name"]
    raw_id_fields = ["body", "meeting", "item", "owner"]


class ReadOnlyAdmin(SimpleHistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Outcome)
class OutcomeAdmin(ReadOnlyAdmin):
    list_display = ["reference", "item", "kind", "body", "year"]
    list_filter = ["kind", "year"]
    search_fields = ["reference", "text"]


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyAdmin):
    list_display = ["meeting", "status", "approved_on"]
    list_filter = ["status"]
