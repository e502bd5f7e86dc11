from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load
from samenspel.capacity.demo import demo_realised_hours_create
from samenspel.decisions.demo import demo_proposals_create
from samenspel.demo.accounts import DemoRefused, demo_accounts_create
from samenspel.demo.progress import demo_progress_create
from samenspel.demo.structure import demo_structure_create
from samenspel.finance.demo import demo_finance_create
from samenspel.meetings.demo import demo_meetings_create
from samenspel.reports.demo import demo_evaluation_create
from samenspel.web.context_processors import DEMO_CACHE_KEY

EXAMPLE_AGENDA = "voorbeeld"


class Command(BaseCommand):
    help = (
        "Zet Samenspel klaar: database bijwerken, de standaardagenda laden en met --demo "
        "de demolaag (verzonnen personen en accounts). Twee keer draaien verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Voeg de demolaag toe.")
        parser.add_argument(
            "--agenda",
            default=settings.SAMENSPEL_DEFAULT_AGENDA,
            help="Naam of pad van de agenda (standaard: %(default)s).",
        )

    def handle(self, *args, **options):
        if options["demo"] and getattr(settings, "PRODUCTION", False):
            raise CommandError(
                "setup --demo weigert met productie-instellingen: demo-accounts met een "
                "bekend wachtwoord horen niet in productie. Draai 'samenspel setup' zonder --demo."
            )
        self.stdout.write("Database bijwerken…")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(f"Agenda '{options['agenda']}' laden…")
        try:
            counts = agenda_file_load(agenda_file.read(options["agenda"]))
        except agenda_file.AgendaFileError as exc:
            raise CommandError(exc.describe()) from exc
        self._report(counts)
        if options["demo"]:
            # A second, fictitious association beside the VDG, so the demo (and every test
            # on it) always serves two associations; never in production (no --demo).
            self.stdout.write(f"Voorbeeldvereniging '{EXAMPLE_AGENDA}' laden…")
            self._report(agenda_file_load(agenda_file.read(EXAMPLE_AGENDA)))
            try:
                accounts, password, created = demo_accounts_create()
            except DemoRefused as exc:
                raise CommandError(str(exc)) from exc
            seats = demo_structure_create()
            self.stdout.write(f"Demo-personen: {seats} zetels gevuld.")
            updates = demo_progress_create()
            self.stdout.write(f"Demo-voortgang: {updates} updates toegevoegd.")
            claims = demo_finance_create()
            self.stdout.write(f"Demo-geld: {claims} declaraties toegevoegd.")
            hours = demo_realised_hours_create()
            self.stdout.write(f"Demo-uren: {hours} kwartaalcijfers toegevoegd.")
            proposals = demo_proposals_create()
            self.stdout.write(f"Demo-voorstellen: {proposals} voorstellen toegevoegd.")
            meetings = demo_meetings_create()
            self.stdout.write(f"Demo-vergaderingen: {meetings} vergaderingen toegevoegd.")
            judgements = demo_evaluation_create()
            self.stdout.write(f"Demo-evaluatie: {judgements} oordelen toegevoegd.")
            cache.delete(DEMO_CACHE_KEY)
            self.stdout.write(self.style.SUCCESS(f"Demo-accounts ({created} nieuw):"))
            for username, role in accounts:
                self.stdout.write(f"  {username:<22} {role}")
            self.stdout.write(f"Wachtwoord voor alle demo-accounts: {password}")
        self.stdout.write(self.style.SUCCESS("Samenspel is klaar."))

    def _report(self, counts):
        if not counts.changed:
            self.stdout.write("  Niets gewijzigd: de agenda stond er al.")
            return
        for kind, number in sorted(counts.created.items()):
            self.stdout.write(f"  {number} x {kind} toegevoegd")
        for kind, number in sorted(counts.updated.items()):
            self.stdout.write(f"  {number} x {kind} bijgewerkt")
