"""`samenspel syncroles [--association SLUG]`: derive the roles of every account linked to a
person from the seats the person holds (accounts/derived_roles.py), for data made before
the signals kept them in step or loaded in bulk. Idempotent: a second run changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from samenspel.accounts.derived_roles import SyncResult, derived_roles_sync_user
from samenspel.accounts.models import User
from samenspel.organisations.command_options import association_from


class Command(BaseCommand):
    help = (
        "Leidt de rollen van gebruikers af uit de zetels van hun persoon (met de data van "
        "het lidmaatschap); rollen die met de hand zijn gegeven blijven staan."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--association",
            help="Code van het samenwerkingsverband (standaard: alle samenwerkingsverbanden).",
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        association = association_from(options) if options.get("association") else None
        total = SyncResult()
        # Also accounts without a person now: their derived roles of an earlier person go.
        users = User.objects.filter(person__isnull=False) | User.objects.filter(
            role_assignments__membership__isnull=False
        )
        for user in users.distinct().order_by("pk"):
            total.extend(derived_roles_sync_user(user, association=association))
        for sign, lines in (("+", total.created), ("~", total.updated), ("-", total.deleted)):
            for line in lines:
                self.stdout.write(f"{sign} {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(total.created)} rollen aangemaakt, {len(total.updated)} bijgewerkt, "
                f"{len(total.deleted)} verwijderd."
            )
        )
