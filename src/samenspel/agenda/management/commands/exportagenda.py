import sys

from django.core.management.base import BaseCommand, CommandError

from samenspel.agenda.export import agenda_xlsx, agenda_yaml
from samenspel.agenda.models import Agenda


class Command(BaseCommand):
    help = "Schrijft de geladen agenda terug als agendabestand (YAML) of als werkmap (XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["yaml", "xlsx"], default="yaml")
        parser.add_argument("--agenda", help="Code van de agenda (standaard: de nieuwste).")
        parser.add_argument("-o", "--output", help="Bestand (standaard: standaarduitvoer).")

    def handle(self, *args, **options):
        agendas = Agenda.objects.all()
        agenda = (
            agendas.filter(slug=options["agenda"]).first() if options["agenda"] else agendas.first()
        )
        if agenda is None:
            raise CommandError("Geen agenda gevonden. Draai eerst 'samenspel setup'.")
        if options["format"] == "xlsx":
            if not options["output"]:
                raise CommandError("Geef met -o een bestand op voor XLSX.")
            with open(options["output"], "wb") as handle:
                handle.write(agenda_xlsx(agenda))
        elif options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(agenda_yaml(agenda))
        else:
            sys.stdout.write(agenda_yaml(agenda))
        if options["output"]:
            self.stdout.write(f"Agenda '{agenda.slug}' geschreven naar {options['output']}.")
