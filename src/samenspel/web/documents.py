"""Printable documents: one way to turn a Django template into a PDF.

Proposals, meeting agendas, schedules and reports all print through
`pdf_from_template`, so they share the page layout (A4, the association's name in
the header, page numbers in the footer) from `web/documents/base.html`, and all come
out as PDF/A-3b with tagged headings, a title and a language, which archives
(Archiefwet) and screen readers need.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

PDF_VARIANT = "pdf/a-3b"


def pdf_from_html(html: str) -> bytes:
    """The PDF of one complete HTML page (with <title> and <html lang>)."""
    # Imported here: WeasyPrint loads Pango at import, which pages that never print
    # should not pay for.
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(settings.BASE_DIR))
    return document.write_pdf(pdf_variant=PDF_VARIANT, pdf_tags=True, uncompressed_pdf=False)


def pdf_from_template(template: str, context: dict[str, Any]) -> bytes:
    """Render `template` (which extends web/documents/base.html) and print it."""
    context = {"language": translation.get_language() or "nl", **context}
    return pdf_from_html(render_to_string(template, context))
