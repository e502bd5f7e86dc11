import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from samenspel.core.dates import today
from samenspel.decisions.reminders import reminder_text, reminders_send
from samenspel.organisations.command_options import association_argument, association_from


class Command(BaseCommand):
    help = (
        "Mail elke accounthouder de besluiten van zijn organisatie die binnen N dagen "
        "nodig zijn of over tijd zijn. Veilig om dagelijks vanuit cron te draaien: "
        "per besluit en persoon hooguit één mail per dag."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SAMENSPEL_REMINDER_DAYS,
            help="Besluiten die binnen zoveel dagen nodig zijn (standaard: %(default)s).",
        )
        parser.add_argument("--date", help="Peildatum JJJJ-MM-DD (standaard: vandaag).")
        parser.add_argument(
            "--dry-run", action="store_true", help="Toon de mails in plaats van ze te versturen."
        )
        association_argument(parser)

    def handle(self, *args, **options):
        if options["days"] < 0:
            raise CommandError("--days kan niet negatief zijn.")
        try:
            on = dt.date.fromisoformat(options["date"]) if options["date"] else today()
        except ValueError as exc:
            raise CommandError(f"Ongeldige datum: {options['date']} (JJJJ-MM-DD)") from exc
        run = reminders_send(
            association=association_from(options),
            on=on,
            days=options["days"],
            dry_run=options["dry_run"],
        )
        for reminder in run.sent:
            if options["dry_run"]:
                subject, body = reminder_text(reminder, on)
                self.stdout.write(f"Aan: {reminder.user.email}\nOnderwerp: {subject}\n\n{body}")
                self.stdout.write("-" * 60)
        verb = "zou versturen" if options["dry_run"] else "verstuurd"
        self.stdout.write(f"Herinneringen {verb}: {len(run.sent)}.")
        if run.already_sent:
            self.stdout.write(f"Vandaag al herinnerd (overgeslagen): {run.already_sent}.")
        for username in run.without_email:
            self.stdout.write(self.style.WARNING(f"Geen e-mailadres voor {username}."))
