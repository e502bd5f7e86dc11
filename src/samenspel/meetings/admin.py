"""The bureau keeps the meeting cycles here; meetings themselves are edited on their pages.

Meetings, agenda items, outcomes, minutes and document versions are read-only in the
admin: they are numbered, locked or versioned by the services, which the admin would
bypass. Cycles and actions, which no page edits, have the version check here.
"""

from django.contrib import admin

from samenspel.core.admin import HistoryAdmin, VersionCheckedAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin
from samenspel.meetings.models import (
    Action,
    AgendaItem,
    Invitation,
    Meeting,
    MeetingCycle,
    Minutes,
    Outcome,
)


class ReadOnlyAdmin(HistoryAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# Editable, with the version check (b): the bureau keeps the cycles only here.
@admin.register(MeetingCycle)
class MeetingCycleAdmin(AssociationScopedAdmin, VersionCheckedAdmin, HistoryAdmin):
    association_path = "body__association"
    list_display = ["body", "title", "per_year", "month", "follows_prepared", "days_before"]
    list_filter = ["follows_prepared", "is_demo"]
    list_select_related = ["body"]
    search_fields = ["body__name"]


# Read-only (a): the meeting's pages create and edit it with the version check, raise
# the calendar sequence, refresh the invitations and keep the status rules
# (`meetings.services.meeting_update`, `meeting_status_set`); the admin would bypass them.
@admin.register(Meeting)
class MeetingAdmin(AssociationScopedAdmin, ReadOnlyAdmin):
    association_path = "body__association"
    list_display = ["__str__", "body", "starts_at", "status", "is_demo"]
    list_filter = ["status", "body__kind", "is_demo"]
    list_select_related = ["body"]
    search_fields = ["title", "body__name"]
    date_hierarchy = "starts_at"
    raw_id_fields = ["body", "cycle", "prepares"]
    readonly_fields = ["uid", "sequence"]


@admin.register(Invitation)
class InvitationAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "meeting__body__association"
    list_display = ["person", "meeting", "source", "removed", "attendance"]
    list_filter = ["source", "removed", "attendance"]
    raw_id_fields = ["meeting", "person", "post"]


# Read-only (a): items are added, edited (version check, invitations refreshed) and moved
# (an item with an outcome stays) on the meeting's pages (`agenda_item_update`, `_move`).
@admin.register(AgendaItem)
class AgendaItemAdmin(AssociationScopedAdmin, ReadOnlyAdmin):
    association_path = "body__association"
    list_display = ["title", "body", "meeting", "kind", "is_confidential"]
    list_filter = ["kind", "is_confidential", "water_boards_relevant", "is_demo"]
    search_fields = ["title"]
    raw_id_fields = ["body", "meeting", "lead", "proposal"]
    filter_horizontal = ["agreements"]


# Editable, with the version check (b): the pages record and close an action but do not
# edit its title, owner or due date, so the admin stays the place to correct those.
@admin.register(Action)
class ActionAdmin(AssociationScopedAdmin, VersionCheckedAdmin, HistoryAdmin):
    association_path = "body__association"
    list_display = ["title", "owner", "body", "created_on", "due_on", "status"]
    list_filter = ["status", "is_demo"]
    search_fields = ["title", "owner__name"]
    raw_id_fields = ["body", "meeting", "item", "owner"]


@admin.register(Outcome)
class OutcomeAdmin(AssociationScopedAdmin, ReadOnlyAdmin):
    association_path = "body__association"
    list_display = ["reference", "item", "kind", "body", "year"]
    list_filter = ["kind", "year"]
    search_fields = ["reference", "text"]


@admin.register(Minutes)
class MinutesAdmin(AssociationScopedAdmin, ReadOnlyAdmin):
    association_path = "meeting__body__association"
    list_display = ["meeting", "status", "approved_on"]
    list_filter = ["status"]
