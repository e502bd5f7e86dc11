"""`samenspel backup FILE`: every table and every uploaded file in one archive.

The operational commands live in the `demo` app, the installation context that already
holds `samenspel setup`: `core` is a package without an app (no models, no commands of
its own), and backup and restore read every app's tables, which only `demo` may (it
imports everything, see docs/architecture.md). The format is in `demo/backup.py`.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenspel.demo.backup import backup_write


class Command(BaseCommand):
    help = (
        "Schrijf een back-up: alle tabellen en alle bestanden onder MEDIA_ROOT in één "
        "ZIP-archief, met een manifest (migratiestand, rijen en controlesom per tabel)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Het archief dat geschreven wordt (.zip).")

    def handle(self, *args, **options):
        target = Path(options["file"])
        if not target.parent.is_dir():
            raise CommandError(f"De map {target.parent} bestaat niet.")
        try:
            summary = backup_write(target)
        except OSError as error:
            raise CommandError(f"De back-up kon niet geschreven worden: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Back-up geschreven naar {target}: {summary.tables} tabellen, "
                f"{summary.rows} rijen, {summary.files} bestanden."
            )
        )
