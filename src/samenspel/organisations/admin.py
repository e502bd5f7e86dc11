from django.contrib import admin

from samenspel.core.admin import HistoryAdmin, VersionCheckedAdmin
from samenspel.organisations.models import (
    Association,
    AssociationHost,
    AssociationMembership,
    Body,
    GovernanceRuleSetting,
    Identifier,
    InhabitantCount,
    Membership,
    Organisation,
    Person,
    Portfolio,
    Post,
)


class AssociationHostInline(admin.TabularInline):
    model = AssociationHost
    extra = 1


# Who belongs to the association, with dates: a member that leaves gets an end date
# (kept, for the costs and invitations of the past), never a deleted row.
class AssociationMembershipInline(admin.TabularInline):
    model = AssociationMembership
    extra = 0
    autocomplete_fields = ["organisation"]
    fields = ["organisation", "kind", "start_date", "end_date"]


# Associations are set up by `samenspel loadagenda` (the file's `association:` block); the
# bureau of the installation adds hostnames and contact data here. No `version` field:
# two people editing an association's contact data at once is not a real risk.
@admin.register(Association)
class AssociationAdmin(HistoryAdmin):
    list_display = ["name", "short_name", "kind", "is_example"]
    list_filter = ["kind", "is_example"]
    search_fields = ["name", "short_name", "slug", "hosts__hostname"]
    inlines = [AssociationHostInline, AssociationMembershipInline]


class IdentifierInline(admin.TabularInline):
    model = Identifier
    extra = 0


class InhabitantCountInline(admin.TabularInline):
    model = InhabitantCount
    extra = 0


# Organisations, people and bodies are reference data the bureau keeps here too: the
# pages edit some of their fields (no stage rules, only the version check), while slugs,
# identifiers and corrections of seats, memberships and figures are made only here. So
# editable, with the version check (b). A change in an inline (a seat, a membership, an
# identifier) is saved only with a fresh parent form: every admin save bumps its version.
@admin.register(Organisation)
class OrganisationAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["name", "kind", "is_demo"]
    list_filter = ["kind", "association_memberships__association", "is_demo"]
    search_fields = ["name", "short_name", "slug", "identifiers__value"]
    inlines = [IdentifierInline, InhabitantCountInline]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Portfolio)
class PortfolioAdmin(HistoryAdmin):
    list_display = ["name", "abbreviation", "association", "order"]
    list_filter = ["association"]
    search_fields = ["name", "abbreviation"]


class PostInline(admin.TabularInline):
    model = Post
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Body)
class BodyAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["name", "kind", "portfolio", "link_status"]
    list_filter = ["kind", "portfolio", "link_status"]
    search_fields = ["name", "short_name", "slug"]
    inlines = [PostInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["post"]


@admin.register(Person)
class PersonAdmin(VersionCheckedAdmin, HistoryAdmin):
    list_display = ["name", "organisation", "function", "is_demo"]
    list_filter = ["function", "is_demo", "organisation__kind"]
    search_fields = ["name", "slug", "organisation__name"]
    autocomplete_fields = ["organisation"]
    inlines = [MembershipInline]


# Post has no `version` field (no check without a migration): a seat edited in its
# body's admin page (the inline) goes through the body's version check, not here.
@admin.register(Post)
class PostAdmin(HistoryAdmin):
    list_display = ["__str__", "role", "organisation"]
    list_filter = ["role", "body__kind"]
    search_fields = ["body__name", "label", "organisation__name"]


@admin.register(GovernanceRuleSetting)
class GovernanceRuleSettingAdmin(HistoryAdmin):
    list_display = ["code", "enabled", "reason"]
