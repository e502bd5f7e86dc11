"""College proposals per participant: DOCX from the Word template, PDF, ZIP, templates."""

import io
import zipfile

import docx
import pypdf
import pytest
from django.core.exceptions import ValidationError
from docx import Document

from samenspel.decisions import documents
from samenspel.decisions.tests.conftest import participant_of
from samenspel.organisations.tests.factories import OrganisationFactory
from samenspel.web.templatetags.samenspel import format_euro

pytestmark = pytest.mark.django_db


def docx_text(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(content)).pages)


def emmen_share(proposal) -> str:
    from samenspel.decisions.costs import proposal_costs

    row = next(r for r in proposal_costs(proposal).rows if r.organisation.slug == "emmen")
    return format_euro(row.shares[2024])


def test_docx_holds_the_organisations_own_share_and_the_decision_points(sent_proposal):
    emmen = participant_of(sent_proposal, "emmen")
    text = docx_text(documents.participant_document(sent_proposal, emmen, "docx"))
    assert "Collegevoorstel Gemeente Emmen" in text
    assert emmen_share(sent_proposal) in text
    assert "1. In te stemmen met de aanpak." in text
    assert "2. De bijdrage beschikbaar te stellen." in text
    assert "€ 100.000,00" in text
    assert "20,0 uur per jaar" in text


def test_pdf_says_the_same_as_the_docx(sent_proposal):
    emmen = participant_of(sent_proposal, "emmen")
    content = documents.participant_document(sent_proposal, emmen, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(content))
    assert reader.metadata.title == sent_proposal.title
    text = pdf_text(content)
    for expected in [
        "Collegevoorstel Gemeente Emmen",
        emmen_share(sent_proposal),
        "In te stemmen met de aanpak.",
    ]:
        assert expected in text


def test_each_participant_gets_its_own_amount(sent_proposal):
    assen = docx_text(
        documents.participant_document(
            sent_proposal, participant_of(sent_proposal, "assen"), "docx"
        )
    )
    assert "Collegevoorstel Gemeente Assen" in assen
    assert emmen_share(sent_proposal) not in assen


def test_zip_holds_one_document_per_participant(sent_proposal):
    archive = zipfile.ZipFile(io.BytesIO(documents.documents_zip(sent_proposal)))
    names = archive.namelist()
    assert len(names) == 5
    assert all(name.endswith(".docx") for name in names)
    assert any("emmen" in name for name in names)
    pdfs = zipfile.ZipFile(io.BytesIO(documents.documents_zip(sent_proposal, "pdf"))).namelist()
    assert len(pdfs) == 5 and all(name.endswith(".pdf") for name in pdfs)


def template_with(*paragraphs: str) -> io.BytesIO:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    output = io.BytesIO()
    document.save(output)
    output.seek(0)
    return output


def test_the_default_template_passes_the_check():
    with open(documents.DEFAULT_TEMPLATE, "rb") as template:
        documents.template_check(template)


def test_a_template_with_an_unknown_placeholder_is_refused():
    with pytest.raises(ValidationError, match="onbekende velden: wethouder"):
        documents.template_check(template_with("{{ organisation_name }}", "{{ wethouder }}"))


def test_a_template_with_broken_syntax_is_refused():
    with pytest.raises(ValidationError, match="fout in de opmaakcodes"):
        documents.template_check(template_with("{% for p in decision_points %}"))


def test_a_file_that_is_no_word_document_is_refused():
    with pytest.raises(ValidationError, match="geen geldig Word-bestand"):
        documents.template_check(io.BytesIO(b"PK\x03\x04 not really a zip"))


def test_an_organisations_own_template_is_used_for_it(sent_proposal, bureau_user):
    from django.core.files.base import ContentFile

    from samenspel.decisions.models import DocumentTemplate

    emmen = participant_of(sent_proposal, "emmen")
    DocumentTemplate.objects.create(
        association=sent_proposal.portfolio.association,
        name="Huisstijl Emmen",
        organisation=emmen.organisation,
        file=ContentFile(
            template_with("Gemeente Emmen huisstijl: {{ title }}").read(), "emmen.docx"
        ),
        uploaded_by=bureau_user,
    )
    text = docx_text(documents.participant_document(sent_proposal, emmen, "docx"))
    assert text.strip() == f"Gemeente Emmen huisstijl: {sent_proposal.title}"
    assen = participant_of(sent_proposal, "assen")
    assert "Collegevoorstel Gemeente Assen" in docx_text(
        documents.participant_document(sent_proposal, assen, "docx")
    )


def test_a_template_reaching_for_python_internals_is_refused():
    with pytest.raises(ValidationError, match="iets wat een sjabloon niet mag"):
        documents.template_check(template_with("{{ title.__class__.__mro__[1].__subclasses__() }}"))


def test_documents_are_refused_while_the_shares_cannot_be_computed(sent_proposal):
    sent_proposal.participants.create(
        organisation=OrganisationFactory(name="Gemeente Zonder Tal", municipality=True)
    )
    with pytest.raises(ValidationError, match="Gemeente Zonder Tal"):
        documents.documents_zip(sent_proposal)


def test_the_one_list_of_sections_is_the_models_text_fields_in_order():
    from django.db import models

    from samenspel.decisions.constants import PROPOSAL_TEXTS
    from samenspel.decisions.models import Proposal

    texts = [
        f.name
        for f in Proposal._meta.fields
        if isinstance(f, models.TextField)
        and f.name not in {"decision_points", "coalition_note", "sent_without_pho_reason"}
    ]
    assert texts == list(PROPOSAL_TEXTS)
    assert set(PROPOSAL_TEXTS) <= documents.PLACEHOLDERS
