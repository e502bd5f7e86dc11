from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.permissions import can_use_admin


class SamenspelAdminSite(admin.AdminSite):
    site_header = _("Samenspel beheer")
    site_title = _("Samenspel beheer")
    index_title = _("Technisch beheer")

    def has_permission(self, request) -> bool:
        return can_use_admin(request.user)
