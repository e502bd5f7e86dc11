from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from samenspel.accounts.models import ExternalIdentity, RoleAssignment, SignIn, User
from samenspel.accounts.users.services import user_deactivate_and_sign_out
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
    # A role derived from a seat is made and ended by accounts/derived_roles.py, not chosen
    # here (a list of every membership would be long, and easy to get wrong).
    readonly_fields = ["membership"]


class _ReadOnlyInline(AssociationScopedInline, admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ExternalIdentityInline(_ReadOnlyInline):
    """The user's accounts at the association's identity providers (matched on issuer and
    subject; made by signing in, not by hand)."""

    model = ExternalIdentity
    association_path = "provider__association"
    fields = ["provider", "subject", "created_at", "last_used_at"]
    readonly_fields = fields


SIGN_INS_SHOWN = 20


class SignInInline(_ReadOnlyInline):
    """The user's latest sign-ins in the request's association: a record, not to edit
    (ending a session is on the users page, accounts:user)."""

    model = SignIn
    fk_name = "user"  # not `ended_by`
    association_path = "association"
    fields = ["at", "method", "provider", "second_factor", "address", "ended_at", "ended_by"]
    readonly_fields = fields
    ordering = ["-at"]


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
    """A user is never deleted, so every history keeps who made each change: the bureau
    deactivates them ("Deactiveren en uitloggen" also ends their sessions). Their
    identities at providers and their sign-ins are shown, read-only."""

    inlines = [RoleAssignmentInline, ExternalIdentityInline, SignInInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "is_demo"]
    list_filter = ["is_active", "is_demo", "role_assignments__role"]
    fieldsets = (*BaseUserAdmin.fieldsets, ("Samenspel", {"fields": ("person", "is_demo")}))
    autocomplete_fields = ["person"]
    actions = ["deactivate"]

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return fields if request.user.is_superuser else fields + SUPERUSER_ONLY_FIELDS

    def has_change_permission(self, request, obj=None):
        if obj is not None and not _may_manage(request, obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        # Never deleted, not even without history: the bureau deactivates (issue 17).
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, SignInInline) and obj is not None and obj.pk is not None:
            # The latest sign-ins only: a user signs in thousands of times over the years.
            latest = SignIn.objects.filter(
                user=obj, association=request_association(request)
            ).order_by("-at", "-pk")[:SIGN_INS_SHOWN]
            kwargs["queryset"] = kwargs["queryset"].filter(
                pk__in=list(latest.values_list("pk", flat=True))
            )
        return kwargs

    @admin.action(description=_("Deactiveren en uitloggen"), permissions=["change"])
    def deactivate(self, request, queryset):
        count = 0
        for user in queryset.filter(is_active=True):
            if not _may_manage(request, user) or user.pk == request.user.pk:
                continue
            user_deactivate_and_sign_out(user, by=request.user)
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


# django-otp's own admins list every association's devices with their secrets (a TOTP
# key): not for the bureau. A user's devices are named on the users page (accounts:user).
for _device_model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(_device_model):
        admin.site.unregister(_device_model)

# The identity providers' admin lives with the rest of single sign-on (helper A's part);
# importing it here registers it when Django discovers this module.
from samenspel.accounts.oidc import admin as oidc_admin  # noqa: E402, F401
