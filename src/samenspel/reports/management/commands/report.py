"""`samenspel report TYPE --as-of DATE [--portfolio P] [--organisation O] --format F -o FILE
[--association A]`: a report of one association."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenspel.organisations.command_options import association_argument, association_from
from samenspel.organisations.models import Portfolio
from samenspel.organisations.selectors import participating_governments
from samenspel.reports.constants import ReportFormat
from samenspel.reports.registry import REPORT_TYPES, report_build
from samenspel.reports.services import report_render
from samenspel.reports.types.common import ReportUnavailable


class Command(BaseCommand):
    help = (
        "Maak een rapportage zoals op /rapportages/: stand per een datum, als PDF, DOCX of "
        "HTML. Voor scripts; het bestand wordt niet bewaard in Samenspel."
    )

    def add_arguments(self, parser):
        parser.add_argument("type", choices=sorted(REPORT_TYPES), help="Soort rapportage.")
        parser.add_argument("--as-of", required=True, help="Peildatum, JJJJ-MM-DD.")
        parser.add_argument("--portfolio", help="Code van de portefeuille (portefeuille).")
        parser.add_argument("--organisation", help="Code van het lid (lid).")
        parser.add_argument("--format", choices=list(ReportFormat.values), default="pdf")
        parser.add_argument("-o", "--output", required=True, help="Bestand om te schrijven.")
        association_argument(parser)

    def handle(self, *args, **options):
        report_type = REPORT_TYPES[options["type"]]
        try:
            as_of = dt.date.fromisoformat(options["as_of"])
        except ValueError as exc:
            raise CommandError(
                f"--as-of: '{options['as_of']}' is geen datum (JJJJ-MM-DD)."
            ) from exc
        association = association_from(options)
        # The association's portfolios; of the national register its members and partner
        # governments (as the form on /rapportages/ offers).
        portfolios = Portfolio.objects.filter(association=association)
        organisations = participating_governments(association)
        scope = {
            "portfolio": self._find(portfolios, options["portfolio"], "--portfolio"),
            "organisation": self._find(organisations, options["organisation"], "--organisation"),
        }
        needed = {"portfolio": "--portfolio", "organisation": "--organisation"}
        if report_type.scope and scope[report_type.scope] is None:
            raise CommandError(f"{report_type.label} vraagt {needed[report_type.scope]}.")
        try:
            report = report_build(
                association=association, kind=report_type.slug, as_of=as_of, **scope
            )
        except ReportUnavailable as exc:
            raise CommandError(str(exc)) from exc
        content = report_render(report, fmt=options["format"])
        Path(options["output"]).write_bytes(content)
        self.stdout.write(f"{report.title}, stand per {as_of}: {options['output']}")

    @staticmethod
    def _find(rows, slug: str | None, option: str):
        if not slug:
            return None
        found = rows.filter(slug=slug).first()
        if found is None:
            raise CommandError(f"{option}: '{slug}' bestaat niet in dit samenwerkingsverband.")
        return found
