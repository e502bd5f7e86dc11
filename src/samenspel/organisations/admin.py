from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from samenspel.core.admin import HistoryAdmin, VersionCheckedAdmin
from samenspel.core.admin_scoping import (
    AssociationScopedAdmin,
    AssociationScopedInline,
    NationalRegisterAdmin,
    ScopedRelatedFieldListFilter,
)
from samenspel.organisations.branding import LOGO_ACCEPT
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


# Hostnames decide which association a request reaches, and need DNS, TLS and
# ALLOWED_HOSTS to match: technical set-up, so only superusers change them. The bureau sees
# them, read-only.
class AssociationHostInline(admin.TabularInline):
    model = AssociationHost
    extra = 1

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)


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
# The bureau sees and edits only its own association (with its hostnames and memberships,
# the inlines), and adds or deletes none; superusers see and set up every association.
@admin.register(Association)
class AssociationAdmin(AssociationScopedAdmin, HistoryAdmin):
    list_display = ["name", "short_name", "kind", "is_example"]
    list_filter = ["kind", "is_example"]
    search_fields = ["name", "short_name", "slug", "hosts__hostname"]
    inlines = [AssociationHostInline, AssociationMembershipInline]
    formfield_overrides = {
        models.URLField: {"assume_scheme": "https"},
        models.FileField: {"widget": AdminFileWidget(attrs={"accept": LOGO_ACCEPT})},
    }
    # The logo and colours are checked by the model's validators (organisations/branding.py):
    # PNG, JPEG or WebP by content, and colours that white text can be read on.
    fieldsets = [
        (None, {"fields": ["slug", "name", "short_name", "kind", "is_example"]}),
        (_("Contact"), {"fields": ["contact_email", "phone", "address", "website"]}),
        (
            _("Huisstijl"),
            {"fields": ["logo", "logo_alt", "primary_colour", "secondary_colour"]},
        ),
        (_("Open data"), {"fields": ["open_data_licence"]}),
    ]

    @classmethod
    def association_q(cls, association):
        return Q(pk=association.pk)

    def association_rows(self, request, rows):
        return rows if request.user.is_superuser else super().association_rows(request, rows)

    def has_add_permission(self, request):
        return request.user.is_superuser and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        # The code names the association in `<slug>.localhost`, commands and files; whether
        # it is fictitious is not the bureau's to say either.
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else (*fields, "slug", "is_example")


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
class OrganisationAdmin(NationalRegisterAdmin, VersionCheckedAdmin, HistoryAdmin):
    list_display = ["name", "kind", "is_demo"]
    list_filter = [
        "kind",
        ("association_memberships__association", ScopedRelatedFieldListFilter),
        "is_demo",
    ]
    search_fields = ["name", "short_name", "slug", "identifiers__value"]
    inlines = [IdentifierInline, InhabitantCountInline]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Portfolio)
class PortfolioAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["name", "abbreviation", "association", "order"]
    list_filter = ["association"]
    search_fields = ["name", "abbreviation"]


class PostInline(AssociationScopedInline, admin.TabularInline):
    model = Post
    association_path = "body__association"
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(Body)
class BodyAdmin(AssociationScopedAdmin, VersionCheckedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["name", "kind", "portfolio", "link_status"]
    list_filter = ["kind", "portfolio", "link_status"]
    search_fields = ["name", "short_name", "slug"]
    inlines = [PostInline]


# A person is of the national register; their seats are the association's.
class MembershipInline(AssociationScopedInline, admin.TabularInline):
    model = Membership
    association_path = "post__body__association"
    extra = 0
    autocomplete_fields = ["post"]


@admin.register(Person)
class PersonAdmin(NationalRegisterAdmin, VersionCheckedAdmin, HistoryAdmin):
    list_display = ["name", "organisation", "function", "is_demo"]
    list_filter = ["function", "is_demo", "organisation__kind"]
    search_fields = ["name", "slug", "organisation__name"]
    autocomplete_fields = ["organisation"]
    inlines = [MembershipInline]


# Post has no `version` field (no check without a migration): a seat edited in its
# body's admin page (the inline) goes through the body's version check, not here.
@admin.register(Post)
class PostAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "body__association"
    list_display = ["__str__", "role", "organisation"]
    list_filter = ["role", "body__kind"]
    search_fields = ["body__name", "label", "organisation__name"]


@admin.register(GovernanceRuleSetting)
class GovernanceRuleSettingAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["code", "enabled", "reason"]
