import datetime as dt
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from samenspel.agenda.models import ProgressUpdate
from samenspel.core.dates import today
from samenspel.demo.national import MAX_SCALE, generate
from samenspel.demo.national.bulk import Progress
from samenspel.organisations.models import Association
from samenspel.web.context_processors import DEMO_CACHE_KEY


class Command(BaseCommand):
    help = (
        "Maakt landelijke demogegevens: bovenop de VDG-demo N-1 verzonnen "
        "samenwerkingsverbanden zoals de VDG (demo-02 … demo-N, op <code>.localhost). "
        "Zelfde schaal en seed geven dezelfde gegevens; wat er al is wordt overgeslagen."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=1, help="Aantal samenwerkingsverbanden, de VDG meegeteld."
        )
        parser.add_argument("--seed", type=int, default=1, help="Seed van het toeval.")
        parser.add_argument(
            "--tot",
            dest="on",
            type=dt.date.fromisoformat,
            default=None,
            help="Peildatum (JJJJ-MM-DD) tot waar voortgang en besluiten lopen; standaard vandaag.",
        )

    def handle(self, *args, **options):
        if getattr(settings, "PRODUCTION", False):
            raise CommandError(
                "generatedemo weigert met productie-instellingen: demogegevens en "
                "demo-accounts met een bekend wachtwoord horen niet in productie."
            )
        scale = options["scale"]
        if not 1 <= scale <= MAX_SCALE:
            raise CommandError(f"--scale moet tussen 1 en {MAX_SCALE} liggen, niet {scale}.")
        verbosity = options["verbosity"]
        started = time.monotonic()
        if not (
            Association.objects.filter(slug="vdg").exists()
            and ProgressUpdate.objects.filter(is_demo=True).exists()
        ):
            if verbosity:
                self.stdout.write("De VDG-demo ontbreekt: eerst 'samenspel setup --demo'…")
            call_command("setup", "--demo", verbosity=verbosity, stdout=self.stdout)
        # The bar rewrites one line of stderr: no newline after each write, no colour.
        self.stderr.ending, self.stderr.style_func = "", None
        progress = Progress(self.stderr if verbosity else None)
        made = generate(scale, options["seed"], options["on"] or today(), progress)
        progress.finish()
        if made:
            # Fresh planner statistics: without them PostgreSQL plans the pages for the
            # empty tables it last saw (seconds instead of milliseconds at scale 50).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        cache.delete(DEMO_CACHE_KEY)
        cache.clear()  # the association routing table and cached panels
        if verbosity:
            seconds = time.monotonic() - started
            if made:
                self.stdout.write(
                    self.style.SUCCESS(
                        f"{len(made)} samenwerkingsverbanden gemaakt ({made[0]} … {made[-1]}), "
                        f"{progress.rows} rijen in {seconds:.0f} s."
                    )
                )
            else:
                self.stdout.write(f"Niets te doen: schaal {scale} staat er al.")
            self.stdout.write(
                "Inloggen als bureau van samenwerkingsverband k: gebruiker demo-kk-bureau op "
                "http://demo-kk.localhost:8000/ met het demo-wachtwoord."
            )
