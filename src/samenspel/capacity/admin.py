from django.contrib import admin

from samenspel.capacity.models import (
    ExternalHire,
    RealisedHours,
    StaffArrangement,
    StaffCommitment,
    TemporaryCommitment,
)
from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin


@admin.register(StaffCommitment)
class StaffCommitmentAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["organisation", "kind", "label", "hours_per_year", "year_from", "year_to"]
    list_filter = ["agenda", "kind", "portfolio", "organisation", "is_demo"]
    list_select_related = ["organisation"]
    search_fields = ["organisation__name", "label", "source"]


@admin.register(StaffArrangement)
class StaffArrangementAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["text", "subject", "hours", "per", "compensated_by_all_members"]
    list_filter = ["agenda", "subject"]
    filter_horizontal = ["providers"]


@admin.register(ExternalHire)
class ExternalHireAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["title", "portfolio", "hours", "hours_per", "amount", "period_text"]
    list_filter = ["agenda", "portfolio"]
    list_select_related = ["portfolio"]
    search_fields = ["title", "text"]
    filter_horizontal = ["funded_by"]


@admin.register(TemporaryCommitment)
class TemporaryCommitmentAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["__str__", "portfolio", "period_text", "intended_extension"]
    list_filter = ["agenda", "portfolio"]


@admin.register(RealisedHours)
class RealisedHoursAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["organisation", "portfolio", "year", "quarter", "hours", "is_demo"]
    list_filter = ["year", "quarter", "portfolio", "organisation", "is_demo"]
    list_select_related = ["organisation", "portfolio"]
    raw_id_fields = ["entered_by"]
