from django.core.management.base import BaseCommand, CommandError

from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load


class Command(BaseCommand):
    help = (
        "Laadt een agendabestand (naam van een meegeleverde agenda of pad). Het hele bestand "
        "wordt eerst gecontroleerd; bij een fout worden bestand, pad en regel genoemd en wordt "
        "niets opgeslagen. Twee keer laden verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("agenda", help="Bijv. vdg-2023-2027 of pad/naar/agenda.yaml")

    def handle(self, *args, agenda: str, **options):
        try:
            loaded = agenda_file.read(agenda)
            counts = agenda_file_load(loaded)
        except agenda_file.AgendaFileError as exc:
            raise CommandError(exc.describe()) from exc
        if not counts.changed:
            self.stdout.write("Niets gewijzigd: deze agenda stond er al.")
            return
        for kind, number in sorted(counts.created.items()):
            self.stdout.write(f"  {number} x {kind} toegevoegd")
        for kind, number in sorted(counts.updated.items()):
            self.stdout.write(f"  {number} x {kind} bijgewerkt")
        self.stdout.write(self.style.SUCCESS(f"Agenda geladen uit {loaded.path}."))
