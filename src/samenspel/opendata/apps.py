from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpendataConfig(AppConfig):
    name = "samenspel.opendata"
    verbose_name = _("Open data")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from samenspel.api.registry import register_path
        from samenspel.opendata.api import network

        register_path("netwerk", network, name="netwerk")
