from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samenspel.accounts.models import RoleAssignment, User
from samenspel.accounts.services import user_deactivate, user_has_history
from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import (
    AssociationScopedInline,
    NationalRegisterAdmin,
    request_association,
)

# Technical powers that only a superuser may hand out: the bureau of one association
# must not make itself superuser, staff of everything, or a role holder elsewhere.
SUPERUSER_ONLY_FIELDS = ("is_superuser", "is_staff", "groups", "user_permissions")


class RoleAssignmentInline(AssociationScopedInline, admin.TabularInline):
    """Roles are seen and given in the request's association only (a superuser too: the
    roles of another association on its host), of its own portfolios."""

    model = RoleAssignment
    association_path = "association"
    extra = 0
    autocomplete_fields = ["portfolio", "organisation"]


def _may_manage(request, user) -> bool:
    """Accounts are of the national register, but the bureau of one association changes,
    deactivates or deletes only an account that takes part in it (a role there) or in
    none yet, and no superuser: never the account of another association's bureau."""
    if request.user.is_superuser:
        return True
    if user.is_superuser:
        return False
    roles = user.role_assignments.all()
    return not roles.exists() or roles.filter(association=request_association(request)).exists()


@admin.register(User)
class UserAdmin(NationalRegisterAdmin, HistoryAdmin, BaseUserAdmin):
    """A user with history (`accounts.services.user_has_history`) cannot be deleted, so the
    history keeps who made each change; the bureau deactivates them instead."""

    inlines = [RoleAssignmentInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo", "role_assignments__role"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Samenspel", {"fields": ("person", "is_demo")}))
    autocomplete_fields = ["person"]
    # `delete_selected` replaces Django's bulk delete, which would delete users with history.
    actions = ["deactivate", "delete_selected"]

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else fields + SUPERUSER_ONLY_FIELDS

    def has_change_permission(self, request, obj=None):
        if obj is not None and not _may_manage(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and (user_has_history(obj) or not _may_manage(request, obj)):
            return False
        return super().has_delete_permission(request, obj)

    @admin.action(description=_("Deactiveren"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True):
            if not _may_manage(request, user):
                continue
            user_deactivate(user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d gebruiker gedeactiveerd; de wijzigingen op zijn naam blijven bewaard.",
                "%(count)d gebruikers gedeactiveerd; de wijzigingen op hun naam blijven bewaard.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(
        description=_("Geselecteerde gebruikers zonder wijzigingen op hun naam verwijderen"),
        permissions=["delete"],
    )
    def delete_selected(self, request, queryset):
        """Django's bulk delete (its confirmation page posts back to this name), for the
        selected users without history only."""
        queryset = queryset.filter(pk__in=[u.pk for u in queryset if _may_manage(request, u)])
        kept = [user for user in queryset if user_has_history(user)]
        if kept:
            self.message_user(
                request,
                ngettext(
                    "%(count)d gebruiker heeft wijzigingen op zijn naam staan; die blijven "
                    "bewaard, dus deze gebruiker wordt niet verwijderd. Deactiveer deze "
                    "gebruiker.",
                    "%(count)d gebruikers hebben wijzigingen op hun naam staan; die blijven "
                    "bewaard, dus deze gebruikers worden niet verwijderd. Deactiveer deze "
                    "gebruikers.",
                    len(kept),
                )
                % {"count": len(kept)},
                messages.WARNING,
            )
        rest = queryset.exclude(pk__in=[user.pk for user in kept])
        if not rest.exists():
            return None
        return delete_selected(self, request, rest)
