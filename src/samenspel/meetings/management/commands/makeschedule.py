from django.core.management.base import BaseCommand

from samenspel.meetings.schedule import schedule_generate
from samenspel.organisations.command_options import association_argument, association_from


class Command(BaseCommand):
    help = (
        "Maak de vergaderplanning van een jaar uit de vergadercycli van één "
        "samenwerkingsverband (feestdagen en zomervakantie overgeslagen). Overleggen die dat "
        "jaar al gepland zijn blijven staan."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="Het jaar, bijv. 2027.")
        association_argument(parser)

    def handle(self, *args, year: int, **options):
        association = association_from(options)
        created = schedule_generate(association=association, year=year)
        for meeting in created:
            self.stdout.write(f"  {meeting.date:%d-%m-%Y}  {meeting.display_title}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{association.name}: {len(created)} vergaderingen gepland in {year}."
            )
        )
