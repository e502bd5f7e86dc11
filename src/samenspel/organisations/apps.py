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

        self._connect_structure_changes()

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

    @staticmethod
    def _connect_structure_changes() -> None:
        """The cached failing rules of the structure check (failing_rules.py) are
        stale once a model the check reads is saved or deleted."""
        from django.db.models.signals import post_delete, post_save

        from samenspel.organisations import models
        from samenspel.organisations.failing_rules import structure_changed

        read_by_the_check = (
            models.Organisation,
            models.Body,
            models.Post,
            models.Membership,
            models.Person,
            models.Portfolio,
            models.AssociationMembership,
            models.GovernanceRuleSetting,
        )
        for model in read_by_the_check:
            for signal in (post_save, post_delete):
                signal.connect(structure_changed, sender=model, dispatch_uid=f"structure-{model}")
