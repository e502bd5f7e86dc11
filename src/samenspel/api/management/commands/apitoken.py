"""`samenspel apitoken create|list|revoke`: API tokens for scripts (docs/api.md, "Access").

    samenspel apitoken create --user USER --scope read [--scope progress:write]
        [--expires YYYY-MM-DD] [--name NAME] [--organisation CODE] [--association SLUG]
    samenspel apitoken list [--association SLUG]
    samenspel apitoken revoke PREFIX [--association SLUG]
    samenspel apitoken prune [--days N]     (daily from cron: the use log of every association)

`create` prints only the key, so a script can read it; errors go to stderr (exit 1).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from samenspel.accounts.models import User
from samenspel.api.models import ApiToken, Scope
from samenspel.api.tokens import (
    expiry_default,
    token_create,
    token_organisations,
    token_revoke,
    token_state_label,
    token_subject_check,
)
from samenspel.api.usage import USE_LOG_DAYS, token_uses_prune
from samenspel.organisations.command_options import association_argument, association_from


class Command(BaseCommand):
    help = "Maak, toon of trek API-tokens in van een samenwerkingsverband."

    def add_arguments(self, parser: Any) -> None:
        actions = parser.add_subparsers(
            dest="action", required=True, metavar="create|list|revoke|prune"
        )
        create = actions.add_parser("create", help="Maak een token; toont alleen de sleutel.")
        # Checked in handle, not by argparse: its messages are English (and exit 2).
        create.add_argument("--user", help="Gebruikersnaam namens wie het werkt (verplicht).")
        create.add_argument(
            "--scope",
            action="append",
            help=f"Bevoegdheid, een of meer keer (verplicht): {', '.join(Scope.values)}.",
        )
        create.add_argument("--expires", help="Geldig tot en met, JJJJ-MM-DD (standaard: 1 jaar).")
        create.add_argument("--name", help="Naam van het token (standaard: 'script <gebruiker>').")
        create.add_argument("--organisation", help="Code van de organisatie om toe te beperken.")
        association_argument(create)
        listing = actions.add_parser("list", help="Toon de tokens (nooit hun sleutel).")
        association_argument(listing)
        revoke = actions.add_parser("revoke", help="Trek een token in.")
        revoke.add_argument("prefix", help="Begin van de sleutel (8 tekens), zoals 'list' toont.")
        association_argument(revoke)
        prune = actions.add_parser("prune", help="Wis het gebruikslog ouder dan --days dagen.")
        prune.add_argument("--days", type=int, default=USE_LOG_DAYS)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "prune":
            removed = token_uses_prune(days=options["days"])
            self.stdout.write(f"{removed} regels van het gebruikslog gewist.")
            return
        association = association_from(options)
        {"create": self._create, "list": self._list, "revoke": self._revoke}[options["action"]](
            association, options
        )

    def _create(self, association: Any, options: dict[str, Any]) -> None:
        if not options.get("user") or not options.get("scope"):
            raise CommandError(
                f"Geef --user en ten minste één --scope ({', '.join(Scope.values)})."
            )
        user = User.objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"--user: gebruiker '{options['user']}' bestaat niet.")
        organisation = None
        if options.get("organisation"):
            organisation = (
                token_organisations(association).filter(slug=options["organisation"]).first()
            )
            if organisation is None:
                raise CommandError(
                    f"--organisation: '{options['organisation']}' neemt geen deel aan "
                    f"{association}."
                )
        expires = expiry_default()
        if options.get("expires"):
            try:
                expires = dt.date.fromisoformat(options["expires"])
            except ValueError as exc:
                raise CommandError(
                    f"--expires: '{options['expires']}' is geen datum (JJJJ-MM-DD)."
                ) from exc
        try:
            token_subject_check(association=association, user=user, organisation=organisation)
            issued = token_create(
                association=association,
                name=options.get("name") or f"script {user.username}",
                user=user,
                scopes=options["scope"],
                organisation=organisation,
                expires_on=expires,
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(issued.key)

    def _list(self, association: Any, options: dict[str, Any]) -> None:
        tokens = ApiToken.objects.filter(association=association).select_related(
            "user", "organisation"
        )
        if not tokens:
            self.stdout.write(f"Geen API-tokens in {association}.")
            return
        for token in tokens:
            used = token.last_used_at.strftime("%Y-%m-%d %H:%M") if token.last_used_at else "nooit"
            self.stdout.write(
                "\t".join(
                    [
                        token.prefix,
                        token.name,
                        token.user.username,
                        token.organisation.slug if token.organisation else "-",
                        ",".join(token.scopes),
                        token.expires_on.isoformat() if token.expires_on else "-",
                        f"gebruikt: {used}",
                        token_state_label(token),
                    ]
                )
            )

    def _revoke(self, association: Any, options: dict[str, Any]) -> None:
        token = ApiToken.objects.filter(association=association, prefix=options["prefix"]).first()
        if token is None:
            raise CommandError(f"Geen token met begin '{options['prefix']}' in {association}.")
        if token.revoked_at is not None:
            raise CommandError(f"Het token '{token.name}' was al ingetrokken.")
        token_revoke(token=token, user=None)
        self.stdout.write(f"Token '{token.name}' ({token.prefix}…) ingetrokken.")
