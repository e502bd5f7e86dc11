"""`samenspel restore FILE`: an archive of `samenspel backup` into an empty database.

Lives beside `backup` and `setup` in the `demo` app (the installation context; see
backup.py for why not `core`). Works on SQLite and PostgreSQL alike, so an association
moves from the embedded SQLite to PostgreSQL by a backup there and a restore here.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenspel.demo.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Zet een back-up terug in een lege, gemigreerde database (SQLite of PostgreSQL) "
        "en de bestanden in MEDIA_ROOT. Weigert een beschadigd archief, een andere "
        "migratiestand of een database met gegevens; dan verandert er niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het archief van 'samenspel backup'.")

    def handle(self, *args, **options):
        try:
            summary = restore(Path(options["file"]))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Back-up teruggezet: {summary.tables} tabellen, {summary.rows} rijen, "
                f"{summary.files} bestanden."
            )
        )
