"""The agenda in the admin: for looking up and repairing, not for the daily work.

The agenda file is the source of the agenda's text (`samenspel loadagenda`); agreements
are edited on their page (with the version check) and progress is only ever added, so
agreements (with their milestones) and updates are read-only here.
"""

from django.contrib import admin

from samenspel.agenda.models import (
    Agenda,
    Agreement,
    Challenge,
    Milestone,
    PortfolioProgramme,
    ProgressUpdate,
    Theme,
)
from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin, AssociationScopedInline


@admin.register(Agenda)
class AgendaAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["name", "slug", "period_start", "period_end"]
    search_fields = ["name", "slug"]


@admin.register(PortfolioProgramme)
class PortfolioProgrammeAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["portfolio", "agenda"]
    list_filter = ["agenda"]


@admin.register(Challenge)
class ChallengeAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["name", "agenda"]
    search_fields = ["name"]


@admin.register(Theme)
class ThemeAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["name", "kind", "agenda"]
    list_filter = ["kind", "agenda"]
    search_fields = ["name", "slug"]


def _not_here(self, request, obj=None):
    return False


class MilestoneInline(AssociationScopedInline, admin.TabularInline):
    model = Milestone
    association_path = "agreement__agenda__association"
    extra = 0
    has_add_permission = has_change_permission = has_delete_permission = _not_here


# Read-only (a): the agreement's page edits it with the version check and the rule that
# the planning text sets the period (`agenda.services.agreement_update`); the rest comes
# from the agenda file, milestones are reached on the page. An admin edit would bypass
# both, so the admin only shows it (like decisions' ThroughThePagesAdmin).
@admin.register(Agreement)
class AgreementAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["title", "portfolio", "theme", "kind"]
    list_filter = ["portfolio", "kind", "agenda"]
    search_fields = ["title", "slug", "description"]
    readonly_fields = ["version"]
    inlines = [MilestoneInline]
    has_add_permission = has_change_permission = has_delete_permission = _not_here


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agreement__agenda__association"
    list_display = ["agreement", "date", "status", "author"]
    list_filter = ["status"]
    search_fields = ["agreement__title", "text"]
    list_select_related = ["agreement", "author"]

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return False
