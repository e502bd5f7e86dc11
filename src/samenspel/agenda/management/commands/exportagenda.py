import sys

from django.core.management.base import BaseCommand, CommandError

from samenspel.agenda.export import agenda_xlsx, agenda_yaml
from samenspel.agenda.models import Agenda
from samenspel.organisations.command_options import association_argument, association_from


class Command(BaseCommand):
    help = "Schrijft de geladen agenda terug als agendabestand (YAML) of als werkmap (XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["yaml", "xlsx"], default="yaml")
        parser.add_argument(
            "--agenda",
            help="Code van de agenda (standaard: de nieuwste van het samenwerkingsverband).",
        )
        association_argument(parser)
        parser.add_argument("-o", "--output", help="Bestand (standaard: standaarduitvoer).")

    def handle(self, *args, **options):
        association = association_from(options)
        agendas = Agenda.objects.filter(association=association).order_by("-period_start")
        agenda = (
            agendas.filter(slug=options["agenda"]).first() if options["agenda"] else agendas.first()
        )
        if agenda is None:
            raise CommandError(
                f"Geen agenda gevonden voor {association.name}. Draai eerst 'samenspel setup' "
                "of 'samenspel loadagenda'."
            )
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
