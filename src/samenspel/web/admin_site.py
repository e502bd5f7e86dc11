from typing import Any

from django.contrib import admin
from django.db.models.base import ModelBase
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.permissions import can_use_admin

# Technical tables of the whole installation, registered by other packages: sign-in
# attempts and lockouts (names and addresses of every association's users) and permission
# groups; the queue of background jobs (django_tasks_db, every association's). Only
# superusers see them; the bureau of one association does not.
SUPERUSER_ONLY_APPS = frozenset({"axes", "django_tasks_database"})
SUPERUSER_ONLY_MODELS = frozenset({"auth.group"})


def superuser_only(model: Any) -> bool:
    return (
        model._meta.app_label in SUPERUSER_ONLY_APPS
        or model._meta.label_lower in SUPERUSER_ONLY_MODELS
    )


class SuperuserOnly:
    """Put in front of a technical table's admin class (`SamenspelAdminSite.register`)."""

    def has_module_permission(self, request: Any) -> bool:
        return request.user.is_superuser and super().has_module_permission(request)

    def has_view_permission(self, request: Any, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_view_permission(request, obj)

    def has_add_permission(self, request: Any, *args: Any) -> bool:
        return request.user.is_superuser and super().has_add_permission(request, *args)

    def has_change_permission(self, request: Any, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: Any, obj: Any = None) -> bool:
        return request.user.is_superuser and super().has_delete_permission(request, obj)


class SamenspelAdminSite(admin.AdminSite):
    site_header = _("Samenspel beheer")
    site_title = _("Samenspel beheer")
    index_title = _("Technisch beheer")

    def has_permission(self, request) -> bool:
        return can_use_admin(request.user)

    def register(self, model_or_iterable: Any, admin_class: Any = None, **options: Any) -> None:
        """Every admin of the apps' own data is scoped to the request's association
        (`core.admin_scoping`); the technical tables of other packages are superusers'."""
        models = (
            [model_or_iterable] if isinstance(model_or_iterable, ModelBase) else model_or_iterable
        )
        for model in models:
            base = admin_class or admin.ModelAdmin
            if superuser_only(model):
                base = type(base.__name__, (SuperuserOnly, base), {})
            super().register(model, base, **options)
