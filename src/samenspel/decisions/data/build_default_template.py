"""Builds `collegevoorstel.docx`, the default Word template for college proposals.

The .docx is committed (it is what a bureau opens in Word to make its own house
style); this script is how it was made, so a change to the default starts here:

    .venv/bin/python src/samenspel/decisions/data/build_default_template.py

Every placeholder is documented in docs/templates.md.
"""

from pathlib import Path

from docx import Document
from docx.shared import Pt

HERE = Path(__file__).parent


def _optional_section(doc, heading: str, name: str) -> None:
    """A heading and its text, left out when the proposal has no text there."""
    doc.add_paragraph("{%p if " + name + " %}")
    doc.add_heading(heading, level=2)
    doc.add_paragraph("{{ " + name + " }}")
    doc.add_paragraph("{%p endif %}")


def build(path: Path = HERE / "collegevoorstel.docx") -> Path:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = "Collegevoorstel (format van het samenwerkingsverband)"
    doc.core_properties.language = "nl-NL"
    doc.add_paragraph("{{ association_name }} · gezamenlijk voorstel")
    doc.add_heading("Collegevoorstel {{ organisation_name }}", level=0)
    doc.add_heading("{{ title }}", level=1)
    meta = doc.add_table(rows=0, cols=2)
    meta.style = "Table Grid"
    for label, value in [
        ("Aan", "{{ addressee_capitalised }}"),
        ("Portefeuille", "{{ portfolio }}"),
        ("Indiener", "{{ proposer }}"),
        ("Afspraken in de agenda", "{{ agreements }}"),
        ("Besluit gevraagd vóór", "{{ deadline }}"),
        ("Datum", "{{ date }}"),
    ]:
        row = meta.add_row().cells
        row[0].text, row[1].text = label, value
    sections = [
        ("Onderwerp", "subject"),
        ("Inleiding en aanleiding", "introduction"),
        ("Beoogd effect", "intended_effect"),
        ("Argumenten", "arguments"),
        ("Kanttekeningen en risico's", "risks"),
    ]
    doc.add_heading("Beslispunten", level=2)
    doc.add_paragraph("{{ decision_intro }}")
    doc.add_paragraph("{%p for point in decision_points %}")
    doc.add_paragraph("{{ loop.index }}. {{ point }}")
    doc.add_paragraph("{%p endfor %}")
    for heading, name in sections:
        _optional_section(doc, heading, name)
    doc.add_heading("Financiën", level=2)
    doc.add_paragraph("{{ finance_text }}")
    doc.add_paragraph("Verdeelsleutel: {{ cost_key }}{{ reference_date_text }}.")
    doc.add_paragraph("{{ surcharge_text }}")
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    head = table.rows[0].cells
    head[0].text, head[1].text, head[2].text = "Jaar", "Totaal", "Aandeel {{ organisation_name }}"
    row = table.add_row().cells
    row[0].text = "{%tr for y in years %}"
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "{{ y.year }}", "{{ y.total }}", "{{ y.share }}"
    row = table.add_row().cells
    row[0].text = "{%tr endfor %}"
    row = table.add_row().cells
    row[0].text, row[1].text, row[2].text = "Totaal", "{{ total }}", "{{ share_total }}"
    doc.add_heading("Personele capaciteit", level=2)
    doc.add_paragraph("{{ staff_text }}")
    doc.add_paragraph("Inzet van {{ organisation_name }}: {{ hours_per_year }} uur per jaar.")
    for heading, name in [
        ("Communicatie", "communication"),
        ("Uitvoering en evaluatie", "implementation"),
    ]:
        _optional_section(doc, heading, name)
    doc.save(path)
    return path


if __name__ == "__main__":
    print(build())
