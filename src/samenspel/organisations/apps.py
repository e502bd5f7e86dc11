from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "samenspel.organisations"
    verbose_name = _("Netwerk en structuur")
