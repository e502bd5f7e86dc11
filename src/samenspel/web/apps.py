from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    default = True
    name = "samenspel.web"
    verbose_name = _("Webschil")


class SamenspelAdminConfig(admin_apps.AdminConfig):
    """Django admin on our own site class, open to the bureau (see admin_site.py)."""

    default = False
    default_site = "samenspel.web.admin_site.SamenspelAdminSite"
