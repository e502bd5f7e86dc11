"""API tokens in the admin: to look up and revoke, never to make or edit (the pages and
`samenspel apitoken` issue them, showing the key once). The key's hash is never shown."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from samenspel.api.models import ApiToken, ApiTokenUse
from samenspel.api.tokens import token_revoke, token_state_label
from samenspel.core.admin import HistoryAdmin
from samenspel.core.admin_scoping import AssociationScopedAdmin, AssociationScopedInline

SHOWN = [
    "name",
    "prefix",
    "user",
    "organisation",
    "scopes",
    "expires_on",
    "created_at",
    "created_by",
    "revoked_at",
    "last_used_at",
]


class ApiTokenUseInline(AssociationScopedInline, admin.TabularInline):
    model = ApiTokenUse
    association_path = "token__association"
    fields = ["at", "method", "path", "status", "address"]
    readonly_fields = fields
    extra = 0
    max_num = 0
    can_delete = False
    ordering = ["-at", "-pk"]

    def get_queryset(self, request: HttpRequest) -> Any:
        # The latest uses only: a busy token has thousands.
        ids = list(super().get_queryset(request).order_by("-at", "-pk").values_list("pk")[:100])
        return super().get_queryset(request).filter(pk__in=[pk for (pk,) in ids])


@admin.register(ApiToken)
class ApiTokenAdmin(AssociationScopedAdmin, HistoryAdmin):
    association_path = "association"
    list_display = ["name", "prefix", "user", "organisation", "expires_on", "last_used_at", "state"]
    list_filter = ["organisation"]
    list_select_related = ["user", "organisation"]
    search_fields = ["name", "prefix", "user__username"]
    fields = SHOWN
    readonly_fields = SHOWN
    inlines = [ApiTokenUseInline]
    actions = ["revoke"]

    @admin.display(description=_("status"))
    def state(self, token: ApiToken) -> str:
        return token_state_label(token)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # revoke instead: the use log stays

    @admin.action(description=_("Geselecteerde tokens intrekken"), permissions=["view"])
    def revoke(self, request: HttpRequest, queryset: Any) -> None:
        for token in queryset:
            token_revoke(token=token, user=request.user)
        self.message_user(request, _("De tokens zijn ingetrokken."))
