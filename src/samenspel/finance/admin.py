from django.contrib import admin

from samenspel.core.admin import HistoryAdmin, VersionCheckedAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin, AssociationScopedInline
from samenspel.finance.models import (
    BudgetAmount,
    BudgetLine,
    BudgetYear,
    Claim,
    FixedContribution,
    FundSpending,
    Project,
    ProjectFunder,
    ProjectYear,
    StatedFigure,
    SupplierPayment,
)


class BudgetAmountInline(AssociationScopedInline, admin.TabularInline):
    model = BudgetAmount
    association_path = "line__agenda__association"
    extra = 0


@admin.register(BudgetLine)
class BudgetLineAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["name", "kind", "agenda"]
    inlines = [BudgetAmountInline]


class FixedContributionInline(AssociationScopedInline, admin.TabularInline):
    model = FixedContribution
    association_path = "budget_year__agenda__association"
    extra = 0


# Editable, with the version check (b): the page edits only key, date and funding (no
# rules beyond the version), while the members' fixed amounts are kept only here.
# `invoiced_on` is read-only: invoicing (the page) also freezes the members' amounts and
# sends the claims, which setting or clearing the date here would not.
@admin.register(BudgetYear)
class BudgetYearAdmin(AssociationScopedAdmin, VersionCheckedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["year", "key", "from_running_budget", "reference_date", "invoiced_on"]
    readonly_fields = ["invoiced_on"]
    inlines = [FixedContributionInline]


@admin.register(StatedFigure)
class StatedFigureAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "agenda__association"
    list_display = ["what", "year", "amount", "printed", "source"]
    list_filter = ["what"]


class ProjectFunderInline(AssociationScopedInline, admin.TabularInline):
    model = ProjectFunder
    association_path = "project_year__project__association"
    extra = 0


@admin.register(ProjectYear)
class ProjectYearAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "project__association"
    list_display = ["project", "year", "members_amount", "is_demo"]
    inlines = [ProjectFunderInline]


@admin.register(Project)
class ProjectAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["name", "portfolio", "surcharge_percent", "key", "is_demo"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Claim)
class ClaimAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["organisation", "description", "amount", "sent_on", "paid_on", "is_demo"]
    list_filter = ["year", "paid_on", "is_demo"]
    search_fields = ["organisation__name", "description"]


@admin.register(SupplierPayment)
class SupplierPaymentAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "project__association"
    list_display = ["project", "supplier", "amount", "paid_on", "is_demo"]


@admin.register(FundSpending)
class FundSpendingAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["spent_on", "amount", "reason", "is_demo"]
