from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "samenspel.organisations"
    verbose_name = _("Netwerk en structuur")

    def ready(self) -> None:
        # The association routing table is dropped when an association or hostname changes.
        from samenspel.organisations import associations  # noqa: F401
