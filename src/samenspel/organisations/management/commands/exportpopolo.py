import json

from django.core.management.base import BaseCommand

from samenspel.organisations.command_options import association_argument, association_from
from samenspel.organisations.popolo import popolo_export


class Command(BaseCommand):
    help = "Schrijft organisaties, personen, zetels en lidmaatschappen als Popolo JSON."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="Bestand (standaard: standaarduitvoer).")
        parser.add_argument(
            "--without-demo", action="store_true", help="Laat demopersonen en -zetels weg."
        )
        association_argument(parser)

    def handle(self, *args, **options):
        data = popolo_export(
            association=association_from(options), include_demo=not options["without_demo"]
        )
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stdout.write(
                f"{len(data['organizations'])} organisaties, {len(data['persons'])} personen, "
                f"{len(data['memberships'])} lidmaatschappen naar {options['output']}."
            )
        else:
            self.stdout.write(text)
