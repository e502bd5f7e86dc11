from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "samenspel.organisations"
    verbose_name = _("Netwerk en structuur")

    def ready(self) -> None:
        # The association routing table is dropped when an association or hostname changes;
        # the site search (web/search.py) finds organisations and people too.
        from samenspel.organisations import (
            associations,  # noqa: F401
            search,
        )
        from samenspel.web.search import SearchSource, register_search

        register_search(
            SearchSource(
                "organisaties",
                _("Organisaties"),
                search.organisations_found,
                50,
                hit=search.organisation_hit,
            )
        )
        register_search(
            SearchSource("personen", _("Personen"), search.people_found, 60, hit=search.person_hit)
        )
