"""A `Report` as a page context, a PDF (WeasyPrint via web.documents) and JSON figures."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from samenspel.reports.document import Report, date_nl
from samenspel.web.documents import pdf_from_template


def report_context(report: Report, *, generated: dt.datetime | None = None) -> dict[str, Any]:
    generated = generated or timezone.localtime()
    return {
        "report": report,
        "document_title": report.title,
        "association_name": report.association,
        "as_of_text": date_nl(report.as_of),
        "generated_text": date_nl(generated.date()),
        "document_footer": f"{report.title} · stand per {date_nl(report.as_of)}",
    }


def render_pdf(report: Report) -> bytes:
    return pdf_from_template("reports/report_pdf.html", {**report_context(report), "pdf": True})


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def figures_json(report: Report) -> dict[str, Any]:
    """The report's key figures as plain JSON (Decimals as strings, so nothing rounds)."""
    return json.loads(json.dumps(_plain(report.figures)))


def render_html_document(report: Report) -> str:
    """A stand-alone HTML file of the report (the PDF's template, without printing it)."""
    return render_to_string("reports/report_pdf.html", {**report_context(report), "pdf": False})
