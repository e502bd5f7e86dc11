from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "samenspel.opendata"
    verbose_name = _("Open data")
    default_auto_field = "django.db.models.BigAutoField"
