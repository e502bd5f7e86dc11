from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.organisations.register import (
    RegisterImportError,
    register_check,
    register_import,
)
from samenspel.organisations.register_file import Problem, register_rows_read


def _failure(file: Path, problems: list[Problem]) -> CommandError:
    heading = ngettext(
        "%(file)s: %(count)d probleem, er is niets opgeslagen.",
        "%(file)s: %(count)d problemen, er is niets opgeslagen.",
        len(problems),
    ) % {"file": file, "count": len(problems)}
    return CommandError(heading + "\n  " + "\n  ".join(str(p) for p in problems))


class Command(BaseCommand):
    help = _(
        "Laadt het landelijke register uit een CSV-bestand: organisaties, hun CBS- en "
        "TOOI-codes en inwonertallen (kolommen slug, name, short_name, kind, cbs, tooi, "
        "inhabitants, reference_date, source). Elke regel wordt eerst gecontroleerd; bij "
        "één probleem wordt niets opgeslagen. Twee keer laden verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help=_("Pad naar het CSV-bestand."))
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help=_("Alleen controleren en tonen wat er zou veranderen; niets opslaan."),
        )

    def handle(self, *args, file: Path, dry_run: bool, **options):
        rows, problems = register_rows_read(file)
        problems = problems + register_check(rows)
        if problems:
            raise _failure(file, sorted(problems, key=lambda p: p.line))
        try:
            counts = register_import(rows, dry_run=dry_run)
        except RegisterImportError as exc:  # the database changed since the check
            raise _failure(file, exc.problems) from exc
        if dry_run:
            self.stdout.write(_("Proefdraaien, er is niets opgeslagen."))
        self.stdout.write(counts.describe() + ".")
        if not counts.changed:
            self.stdout.write(_("Niets gewijzigd: het register stond er al zo in."))
        elif dry_run:
            self.stdout.write(_("Laad zonder --dry-run om dit op te slaan."))
        else:
            self.stdout.write(
                self.style.SUCCESS(_("Register geladen uit %(file)s.") % {"file": file})
            )
