from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The installation context: `samenspel setup` and the demo layer on top of the real agenda."""

    name = "samenspel.demo"
    verbose_name = _("Installatie en demo")
