"""A `Report` as a Word file (python-docx), so the bureau can edit it before sending.

Real Heading styles (Word's navigation pane and contents field use them), a contents
list written out (a TOC field stays empty in viewers that do not update fields), the
association's name in the header, "pagina X van Y" in the footer,
charts as PNG with their data table, and the title and language in the core properties.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from samenspel.reports.document import Block, Chart, Paragraph, Report, Table, date_nl
from samenspel.reports.png_charts import bar_chart_png

BLUE = RGBColor(0x0B, 0x3D, 0x66)


def _field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, NUMPAGES) in `paragraph`; Word computes it when shown."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = placeholder
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def _page_setup(document, report: Report) -> None:
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(1.8)
    section.top_margin, section.bottom_margin = Cm(2.2), Cm(2.0)
    header = section.header.paragraphs[0]
    header.text = report.association
    header.runs[0].font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{report.title} · stand per {date_nl(report.as_of)} · pagina ")
    _field(footer, "PAGE", "1")
    footer.add_run(" van ")
    _field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(10)
    for name in ("Title", "Heading 1", "Heading 2"):
        document.styles[name].font.color.rgb = BLUE


def _repeat_header(row) -> None:
    """Repeat the header row on every page the table runs over."""
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(repeat)


def _cell(cell, value: str, *, right: bool, bold: bool, size: int = 9) -> None:
    cell.text = str(value)
    paragraph = cell.paragraphs[0]
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in paragraph.runs:
        run.font.size = Pt(size)
        run.bold = bold


def _widths(grid, columns: int) -> None:
    """The first column (the names) gets room; the rest share what is left of 17,4 cm."""
    first = Cm(9.4) if columns == 2 else Cm(5.5)
    rest = (Cm(17.4) - first) // max(columns - 1, 1)
    grid.autofit = False
    for i, column in enumerate(grid.columns):
        column.width = first if i == 0 else rest
    for row in grid.rows:
        for i, cell in enumerate(row.cells):
            cell.width = first if i == 0 else rest


def _table(document, table: Table) -> None:
    caption = document.add_paragraph(style="Caption")
    caption.add_run(table.caption).bold = True
    if not table.rows:
        document.add_paragraph(table.empty)
        return
    rows = [*table.rows, *([table.footer] if table.footer else [])]
    grid = document.add_table(rows=len(rows) + 1, cols=len(table.columns))
    grid.style = "Table Grid"
    for i, column in enumerate(table.columns):
        _cell(grid.rows[0].cells[i], column, right=table.is_numeric(i), bold=True, size=8)
    _repeat_header(grid.rows[0])
    _widths(grid, len(table.columns))
    for r, row in enumerate(rows, start=1):
        is_footer = bool(table.footer) and r == len(rows)
        for i, value in enumerate(row):
            _cell(grid.rows[r].cells[i], value, right=table.is_numeric(i), bold=is_footer)
    document.add_paragraph()


def _blocks(document, blocks: list[Block]) -> None:
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraph = document.add_paragraph(block.text)
            if block.muted:
                for run in paragraph.runs:
                    run.italic = True
        elif isinstance(block, Table):
            _table(document, block)
        elif isinstance(block, Chart):
            document.add_paragraph(block.title, style="Caption")
            picture = document.add_paragraph()
            picture.add_run().add_picture(io.BytesIO(bar_chart_png(block.bars)), width=Cm(16))
            _table(document, block.table)
        else:
            for item in block.items:
                document.add_paragraph(item, style="List Bullet")


def _contents(document, report: Report) -> None:
    document.add_heading("Inhoud", level=1)
    for number, section in enumerate(report.sections, start=1):
        document.add_paragraph(f"{number}. {section.heading}")
    document.add_page_break()


def render_docx(report: Report) -> bytes:
    document = Document()
    _page_setup(document, report)
    properties = document.core_properties
    properties.title = report.title
    properties.subject = report.subtitle
    properties.author = report.association
    properties.language = "nl-NL"
    properties.keywords = f"{report.kind}; stand per {report.as_of.isoformat()}"
    document.add_heading(report.title, level=0)
    document.add_paragraph(report.subtitle)
    meta = document.add_paragraph(f"{report.association} · stand per {date_nl(report.as_of)}")
    meta.runs[0].italic = True
    if report.has_demo:
        document.add_paragraph(
            "Deze rapportage bevat demogegevens (verzonnen personen, voortgang en bedragen)."
        )
    if report.has_contents:
        _contents(document, report)
    for section in report.sections:
        if section.new_page and section is not report.sections[0]:
            document.add_page_break()
        document.add_heading(section.heading, level=1)
        _blocks(document, section.blocks)
        for sub in section.subsections:
            document.add_heading(sub.heading, level=2)
            _blocks(document, sub.blocks)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
