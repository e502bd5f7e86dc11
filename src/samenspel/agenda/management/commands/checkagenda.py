import sys

from django.core.management.base import BaseCommand
from django.utils import timezone

from samenspel.organisations.governance import governance_check


class Command(BaseCommand):
    help = (
        "Consistentierapport van de agenda. Nu: de structuurregels van bijlage 1 op een datum. "
        "Exitcode 0 als alles klopt, 1 bij afwijkingen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")

    def handle(self, *args, **options):
        import datetime as dt

        date = dt.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        problems = 0
        self.stdout.write(f"Structuurtoets op {date.isoformat()}:")
        for result in governance_check(date=date):
            if not result.enabled:
                self.stdout.write(f"  [uit]  {result.rule.title}")
                continue
            mark = "[ok]  " if result.passed else "[FOUT]"
            self.stdout.write(f"  {mark} {result.rule.title}")
            for offence in result.offences:
                self.stdout.write(f"         - {offence}")
            problems += len(result.offences)
        if problems:
            self.stdout.write(self.style.WARNING(f"{problems} afwijking(en) gevonden."))
            sys.exit(1)
        self.stdout.write(self.style.SUCCESS("Geen afwijkingen."))
