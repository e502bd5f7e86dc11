import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from samenspel.agenda.checks import agenda_checks
from samenspel.agenda.selectors import current_agenda
from samenspel.core.dates import today
from samenspel.organisations.command_options import association_argument, association_from


class Command(BaseCommand):
    help = (
        "Consistentierapport van de agenda: afspraken zonder trekker, data buiten de "
        "looptijd en de structuurregels van bijlage 1. Exitcode 0 als alles klopt, 1 bij "
        "bevindingen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
        parser.add_argument("--all", action="store_true", help="Toon alle bevindingen.")
        association_argument(parser)

    def handle(self, *args, **options):
        try:
            date = dt.date.fromisoformat(options["date"]) if options["date"] else today()
        except ValueError as exc:
            raise CommandError(f"Ongeldige datum: {options['date']} (JJJJ-MM-DD)") from exc
        association = association_from(options)
        agenda = current_agenda(association)
        if agenda is None:
            self.stdout.write(
                self.style.WARNING(f"{association.name} heeft nog geen agenda geladen.")
            )
        total = 0
        for result in agenda_checks(agenda, date=date, association=association):
            mark = "[ok]  " if result.passed else "[FOUT]"
            count = f" ({len(result.findings)})" if result.findings else ""
            self.stdout.write(f"{mark} {result.title}{count}")
            if result.summary:
                self.stdout.write(f"       per portefeuille: {result.summary}")
            shown = result.findings if options["all"] else result.findings[:10]
            for finding in shown:
                self.stdout.write(f"       - {finding}")
            if len(result.findings) > len(shown):
                self.stdout.write(
                    f"       … en nog {len(result.findings) - len(shown)} (gebruik --all)"
                )
            total += len(result.findings)
        if total:
            self.stdout.write(self.style.WARNING(f"{total} bevinding(en)."))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS("Geen bevindingen."))
