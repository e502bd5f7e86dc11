"""Every report of the VDG agenda with the demo layer: complete, the same in PDF and DOCX,
in agreement with the pages it summarises, and the same when made again."""

import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from docx import Document
from pypdf import PdfReader

from samenspel.agenda import selectors as agenda_selectors
from samenspel.agenda.charts import portfolio_status_bars
from samenspel.agenda.constants import Status
from samenspel.capacity.realised import organisation_hours
from samenspel.capacity.selectors import member_totals
from samenspel.finance.selectors import budget_years, outstanding_claims
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.reports.docx import render_docx
from samenspel.reports.registry import REPORT_TYPES, report_build
from samenspel.reports.render import figures_json, render_html_document, render_pdf
from samenspel.reports.services import report_generate, report_regenerate

pytestmark = pytest.mark.django_db
TODAY = agenda_selectors.today()


def build(kind, as_of=TODAY):
    scope = {
        "portfolio": Portfolio.objects.get(slug="sport") if kind == "portefeuille" else None,
        "organisation": Organisation.objects.get(slug="assen") if kind == "lid" else None,
    }
    if kind in ("evaluatie", "overdracht"):
        scope["portfolio"] = Portfolio.objects.get(slug="gezondheid-en-welzijn")
    return report_build(association=association_default(), kind=kind, as_of=as_of, **scope)


@pytest.mark.parametrize("kind", sorted(REPORT_TYPES))
def test_every_section_of_every_report_has_content(vdg_demo, kind):
    report = build(kind)
    assert report.sections
    for section in report.all_sections():
        assert section.blocks or section.subsections, section.heading
    html = render_html_document(report)
    assert "None" not in re.sub(r"<[^>]+>", " ", html)
    assert report.has_demo


@pytest.mark.parametrize("kind", sorted(REPORT_TYPES))
def test_pdf_and_docx_have_the_headings_and_figures(vdg_demo, kind):
    report = build(kind)
    pdf = PdfReader(io.BytesIO(render_pdf(report)))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert pdf.metadata.title == report.title
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "nl" and "/StructTreeRoot" in root  # language, tagged headings
    assert "Vereniging van Drentse Gemeenten" in text
    assert re.search(r"pagina 1 van \d+", text)
    document = Document(io.BytesIO(render_docx(report)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert document.core_properties.title == report.title
    assert document.core_properties.language == "nl-NL"
    charts = [
        b for s in report.all_sections() for b in s.blocks if getattr(b, "kind", "") == "chart"
    ]
    assert len(document.inline_shapes) == len(charts)  # every chart as a PNG picture
    assert text.count("(gegevens van de grafiek)") >= len(charts)  # and its data table
    for section in report.sections:
        assert section.heading in text.replace("\n", " ") or section.heading[:20] in text
        assert section.heading in headings
    docx_cells = " ".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    first_table = next(
        b
        for s in report.all_sections()
        for b in s.blocks
        if getattr(b, "kind", "") == "table" and b.rows
    )
    for value in first_table.rows[0]:
        assert value in docx_cells


def test_quarterly_figures_agree_with_the_agenda_money_and_hours_pages(vdg_demo):
    report = build("kwartaal")
    agreements = list(agenda_selectors.agreements_with_progress(vdg_demo.agreements.all()))
    portfolios = Portfolio.objects.filter(association=vdg_demo.association).order_by("order")
    rows = portfolio_status_bars(list(portfolios), agreements)
    for row in rows:
        if row.portfolio is None:
            continue  # the agreements of no portfolio: counted in the total below
        page_counts = {s.label: s.value for s in row.counts}
        report_counts = report.figures["portfolios"][row.portfolio.slug]["counts"]
        assert sum(report_counts.values()) == row.total
        labelled = {str(Status(key).label): value for key, value in report_counts.items()}
        assert labelled == {label: value for label, value in page_counts.items()}
    assert sum(report.figures["counts"].values()) == len(agreements)
    outstanding = sum(
        (c.amount for c in outstanding_claims(association=association_default())), Decimal("0.00")
    )
    assert report.figures["money"]["claims_outstanding"] == outstanding
    totals = member_totals(agenda=vdg_demo, year=TODAY.year)
    assert report.figures["hours"]["committed"] == sum(t.total for t in totals)


def test_annual_report_hours_per_member_add_up(vdg_demo):
    report = build("jaar", as_of=dt.date(2024, 12, 31))
    members = report.figures["hours"]["members"]
    assert sum(m["committed"] for m in members.values()) == report.figures["hours"]["committed"]
    assert report.figures["year"] == 2024
    assert sum(p["reached"] for p in report.figures["portfolios"].values()) > 0


def test_a_stored_report_made_again_gives_the_same_figures(vdg_demo, bureau_user):
    stored = report_generate(
        association=association_default(),
        kind="kwartaal",
        as_of=dt.date(2024, 9, 30),
        fmt="pdf",
        user=bureau_user,
    )
    assert stored.file.read().startswith(b"%PDF")
    assert stored.figures == figures_json(build("kwartaal", dt.date(2024, 9, 30)))
    figures, same = report_regenerate(association=association_default(), stored=stored)
    assert same, figures


def test_member_report_agrees_with_the_contributions_and_hours_pages(vdg_demo):
    report = build("lid")
    assen = Organisation.objects.get(slug="assen")
    for figures in budget_years(vdg_demo):
        year = str(figures.budget_year.year)
        assert report.figures["money"]["contributions"][year] == figures.amount_for(assen.pk)
    hours = organisation_hours(
        assen, TODAY.year, association=association_default(), agenda=vdg_demo
    )
    assert report.figures["hours"]["committed"] == hours.planned
    outstanding = sum(
        (c.amount for c in outstanding_claims(assen, association=association_default())),
        Decimal("0.00"),
    )
    assert report.figures["money"]["claims_outstanding"] == outstanding
