from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenspel.organisations.population import PopulationImportError, population_import


class Command(BaseCommand):
    help = (
        "Leest inwonertallen per gemeente uit een CSV-export van CBS StatLine of een "
        "eenvoudig bestand code;datum;inwoners. Eén foute regel en er wordt niets opgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--source", help="Bron bij elk getal (standaard: CBS StatLine, <bestand>)."
        )
        parser.add_argument(
            "--skip-unknown",
            action="store_true",
            help="Sla regels met een CBS-code zonder organisatie over in plaats van te stoppen.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen controleren.")

    def handle(self, *args, file: Path, **options):
        if not file.exists():
            raise CommandError(f"Bestand niet gevonden: {file}")
        try:
            text = file.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file} is geen UTF-8-tekstbestand.") from exc
        source = options["source"] or f"CBS StatLine, {file.name}"
        try:
            result = population_import(
                text=text,
                source=source,
                skip_unknown=options["skip_unknown"],
                dry_run=options["dry_run"],
            )
        except PopulationImportError as exc:
            raise CommandError(
                f"{file}: {len(exc.errors)} fout(en), er is niets opgeslagen.\n  "
                + "\n  ".join(exc.errors)
            ) from exc
        prefix = "Controle: " if options["dry_run"] else ""
        self.stdout.write(
            f"{prefix}{result.created} nieuw, {result.changed} gewijzigd, "
            f"{result.unchanged} ongewijzigd, {result.skipped} overgeslagen."
        )
