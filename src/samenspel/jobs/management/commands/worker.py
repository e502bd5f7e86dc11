"""`samenspel worker`: runs the background jobs (started by `make run` and `make serve`)."""

from __future__ import annotations

import logging
import os
from typing import Any

from django.core.management.base import BaseCommand
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader

from samenspel.jobs import worker
from samenspel.jobs.services import orphans_requeue


class Command(BaseCommand):
    help = (
        "Voert de taken op de achtergrond uit (documenten, rapportages, e-mail). Zet eerst "
        "taken die bezig waren toen een vorige worker stopte opnieuw in de wachtrij."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Voer alles uit wat in de wachtrij staat en stop dan.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconden wachten als de wachtrij leeg is (standaard 1).",
        )
        parser.add_argument(
            "--reload",
            action="store_true",
            help="Herstart bij gewijzigde code (ontwikkelen; make run).",
        )

    def handle(self, *args: Any, batch: bool, interval: float, reload: bool, **options: Any):
        verbosity = options.get("verbosity", 1)
        if verbosity:
            logger = logging.getLogger("django_tasks_db")
            logger.setLevel(logging.INFO)
            if not logger.hasHandlers():
                logger.addHandler(logging.StreamHandler(self.stdout))
        if batch:
            requeued = orphans_requeue()
            ran = worker.run_queued()
            if verbosity:
                self.stdout.write(f"{requeued} opnieuw in de wachtrij gezet, {ran} uitgevoerd.")
            return
        runner = worker.worker_for(interval=interval)
        if not reload:
            runner.configure_signals()
            worker.run_forever(runner)
            return
        # With the reloader the work runs in a thread of a child process; signal handlers
        # can only be set in that child's main thread, here (as db_worker does).
        if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
            runner.configure_signals()
        run_with_reloader(worker.run_forever, runner)
