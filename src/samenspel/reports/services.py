"""Writes of the reports app: making and storing a report, making it again to compare."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction

from samenspel.reports.constants import ReportFormat
from samenspel.reports.document import Report
from samenspel.reports.docx import render_docx
from samenspel.reports.models import GeneratedReport
from samenspel.reports.registry import report_build
from samenspel.reports.render import figures_json, render_html_document, render_pdf


def report_render(report: Report, *, fmt: str) -> bytes:
    if fmt == ReportFormat.PDF:
        return render_pdf(report)
    if fmt == ReportFormat.DOCX:
        return render_docx(report)
    return render_html_document(report).encode()


@transaction.atomic
def report_generate(
    *,
    kind: str,
    as_of: dt.date,
    fmt: str,
    portfolio: Any = None,
    organisation: Any = None,
    user: Any = None,
) -> GeneratedReport:
    """Build the report, render it in `fmt` and store the file with its figures."""
    report = report_build(kind=kind, as_of=as_of, portfolio=portfolio, organisation=organisation)
    content = report_render(report, fmt=fmt)
    stored = GeneratedReport(
        kind=kind,
        title=report.title,
        as_of=as_of,
        portfolio=portfolio,
        organisation=organisation,
        format=fmt,
        figures=figures_json(report),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    stored.file.save(f"{report.filename}.{fmt}", ContentFile(content), save=False)
    stored.save()
    return stored


def report_regenerate(*, stored: GeneratedReport) -> tuple[dict, bool]:
    """The figures of the same report made now, and whether they equal the stored ones."""
    report = report_build(
        kind=stored.kind,
        as_of=stored.as_of,
        portfolio=stored.portfolio,
        organisation=stored.organisation,
    )
    figures = figures_json(report)
    return figures, figures == stored.figures
