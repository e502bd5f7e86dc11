"""Gives the bureau Django's model permissions (for the admin) through the same predicate
that every view uses, so there is one place that says what the bureau may do."""

from typing import Any

from django.contrib.auth.backends import BaseBackend

from samenspel.accounts.permissions import can_use_admin


class BureauPermissionBackend(BaseBackend):
    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return can_use_admin(user_obj)

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return can_use_admin(user_obj)
