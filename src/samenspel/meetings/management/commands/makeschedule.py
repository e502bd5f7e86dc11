from django.core.management.base import BaseCommand

from samenspel.meetings.schedule import schedule_generate


class Command(BaseCommand):
    help = (
        "Maak de vergaderplanning van een jaar uit de vergadercycli (feestdagen en "
        "zomervakantie overgeslagen). Overleggen die dat jaar al gepland zijn blijven staan."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="Het jaar, bijv. 2027.")

    def handle(self, *args, year: int, **options):
        created = schedule_generate(year=year)
        for meeting in created:
            self.stdout.write(f"  {meeting.date:%d-%m-%Y}  {meeting.display_title}")
        self.stdout.write(self.style.SUCCESS(f"{len(created)} vergaderingen gepland in {year}."))
