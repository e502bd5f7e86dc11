from django.contrib import admin

from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin, AssociationScopedInline
from samenspel.decisions.models import (
    DocumentTemplate,
    ExecutiveDecision,
    Participant,
    Proposal,
    ProposalYear,
)


class ThroughThePagesAdmin(HistoryAdmin):
    """Read-only here: proposals and decisions change only through the pages (their
    services keep the stage rules, the version check and the history)."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProposalYearInline(AssociationScopedInline, admin.TabularInline):
    model = ProposalYear
    association_path = "proposal__portfolio__association"
    extra = 0
    has_add_permission = has_change_permission = has_delete_permission = (
        ThroughThePagesAdmin.has_change_permission
    )


class ParticipantInline(AssociationScopedInline, admin.TabularInline):
    model = Participant
    association_path = "proposal__portfolio__association"
    extra = 0
    has_add_permission = has_change_permission = has_delete_permission = (
        ThroughThePagesAdmin.has_change_permission
    )
    autocomplete_fields = ["organisation"]


@admin.register(Proposal)
class ProposalAdmin(AssociationScopedAdmin, ThroughThePagesAdmin):
    association_path = "portfolio__association"
    list_display = ["title", "portfolio", "stage", "decision_deadline", "is_demo"]
    list_filter = ["stage", "portfolio", "is_demo"]
    search_fields = ["title", "subject"]
    inlines = [ProposalYearInline, ParticipantInline]
    readonly_fields = ["version"]


@admin.register(ExecutiveDecision)
class ExecutiveDecisionAdmin(AssociationScopedAdmin, ThroughThePagesAdmin):
    association_path = "participant__proposal__portfolio__association"
    list_display = ["participant", "decided_on", "outcome", "reference", "is_demo"]
    list_filter = ["outcome", "is_demo"]
    list_select_related = ["participant__organisation", "participant__proposal"]
    search_fields = ["participant__organisation__name", "participant__proposal__title", "reference"]


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["name", "organisation", "uploaded_by", "uploaded_at"]
