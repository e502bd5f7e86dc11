from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from samenspel.decisions.models import (
    DocumentTemplate,
    ExecutiveDecision,
    Participant,
    Proposal,
    ProposalYear,
)


class ProposalYearInline(admin.TabularInline):
    model = ProposalYear
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "portfolio", "stage", "decision_deadline", "is_demo"]
    list_filter = ["stage", "portfolio", "is_demo"]
    search_fields = ["title", "subject"]
    inlines = [ProposalYearInline, ParticipantInline]
    readonly_fields = ["version"]


@admin.register(ExecutiveDecision)
class ExecutiveDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["participant", "decided_on", "outcome", "reference", "is_demo"]
    list_filter = ["outcome", "is_demo"]
    list_select_related = ["participant__organisation", "participant__proposal"]
    search_fields = ["participant__organisation__name", "participant__proposal__title", "reference"]


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "organisation", "uploaded_by", "uploaded_at"]
