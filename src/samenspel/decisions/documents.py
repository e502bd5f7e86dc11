"""The college proposal per participant, as DOCX (from a Word template) and as PDF.

One context per participant feeds both: the DOCX through docxtpl and a Word template
(the default ships in `data/collegevoorstel.docx`; the bureau may upload others), the
PDF through WeasyPrint and `decisions/documents/college_proposal.html`. The template's
placeholders are listed in `PLACEHOLDERS` and documented in docs/templates.md; an
uploaded template that uses anything else, or has broken syntax, is refused.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from docxtpl import DocxTemplate, Listing
from jinja2 import TemplateError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from lxml.etree import XMLSyntaxError

from samenspel.core.dates import today
from samenspel.decisions.addressee import addressee, capitalised, decision_intro, proposer_text
from samenspel.decisions.constants import PROPOSAL_TEXTS
from samenspel.decisions.costs import CostTable
from samenspel.decisions.models import DocumentTemplate, Participant, Proposal
from samenspel.organisations.models import Association
from samenspel.web.documents import pdf_from_template
from samenspel.web.templatetags.samenspel import format_euro as euro

DEFAULT_TEMPLATE = Path(__file__).parent / "data" / "collegevoorstel.docx"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# Every name a template may use; docs/templates.md explains each.
PLACEHOLDERS = {
    "association_name",
    "organisation_name",
    "addressee",
    "addressee_capitalised",
    "decision_intro",
    "title",
    "portfolio",
    "proposer",
    "agreements",
    "deadline",
    "date",
    "decision_points",
    "cost_key",
    "reference_date_text",
    "surcharge_text",
    "years",
    "total",
    "share_total",
    "hours_per_year",
    *PROPOSAL_TEXTS,
}


def _date(value) -> str:
    return formats.date_format(value, "j F Y") if value else ""


def document_context(proposal: Proposal, participant: Participant, costs: CostTable) -> dict:
    """What one participant's college proposal says; plain strings, amounts formatted."""
    row = costs.row_for(participant.organisation)
    shares = row.shares if row else {}
    reference = (
        _(" (inwonertallen op %(date)s)") % {"date": _date(costs.reference_date)}
        if costs.reference_date
        else ""
    )
    surcharge = (
        _("Inclusief 5% opslag voor het calamiteitenfonds (paragraaf 6.1).")
        if proposal.service_desk_surcharge
        else ""
    )
    organisation = participant.organisation
    return {
        "association_name": proposal.portfolio.association.name,
        "organisation_name": organisation.name,
        "addressee": addressee(organisation),
        "addressee_capitalised": capitalised(addressee(organisation)),
        "decision_intro": decision_intro(organisation),
        "title": proposal.title,
        "portfolio": proposal.portfolio.name,
        "proposer": proposer_text(proposal, on=proposal.sent_on or today()),
        "agreements": ", ".join(a.title for a in proposal.agreements.all()) or "—",
        "deadline": _date(proposal.decision_deadline) or "—",
        "date": _date(today()),
        "decision_points": proposal.decision_point_list,
        "cost_key": costs.key_label.lower(),
        "reference_date_text": reference,
        "surcharge_text": surcharge,
        "years": [
            {"year": year, "total": euro(costs.year_total(year)), "share": euro(shares.get(year))}
            for year in costs.years
        ],
        "total": euro(costs.total),
        "share_total": euro(row.total if row else 0),
        "hours_per_year": formats.number_format(participant.hours_per_year, decimal_pos=1),
        **{name: getattr(proposal, name) for name in PROPOSAL_TEXTS},
    }


SAMPLE_CONTEXT = {
    **{name: "tekst" for name in PLACEHOLDERS},
    "decision_points": ["Eerste beslispunt", "Tweede beslispunt"],
    "years": [{"year": 2025, "total": "€ 1.000,00", "share": "€ 100,00"}],
}


def template_for(participant: Participant, *, association: Association) -> Path | IO[bytes]:
    """The organisation's own template, else the bureau's general one, else the default;
    only `association`'s templates (the proposal's), so another association's house style
    for the same organisation is never used."""
    templates = DocumentTemplate.objects.filter(association=association)
    chosen = (
        templates.filter(organisation_id=participant.organisation_id).first()
        or templates.filter(organisation__isnull=True).order_by("-pk").first()
    )
    return chosen.file.open("rb") if chosen else DEFAULT_TEMPLATE


def _jinja() -> SandboxedEnvironment:
    """Templates are uploaded by users: render them in Jinja's sandbox, never bare."""
    return SandboxedEnvironment(autoescape=True)


def docx_bytes(context: dict, template: Path | IO[bytes] = DEFAULT_TEMPLATE) -> bytes:
    document = DocxTemplate(template)
    docx_context = {
        **context,
        **{name: Listing(context[name]) if context[name] else "" for name in PROPOSAL_TEXTS},
    }
    document.render(docx_context, jinja_env=_jinja())
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def pdf_bytes(proposal: Proposal, context: dict) -> bytes:
    return pdf_from_template(
        "decisions/documents/college_proposal.html",
        {**context, "proposal": proposal, "document_title": f"{context['title']}"},
    )


def template_check(upload: IO[bytes]) -> None:
    """Refuse a template that is no Word file, has broken syntax or unknown placeholders."""
    try:
        template = DocxTemplate(upload)
        names = template.get_undeclared_template_variables(jinja_env=_jinja())
        # A trial render with sample values catches what only shows when rendering,
        # such as reaching for Python internals (refused by the sandbox).
        template.render(SAMPLE_CONTEXT, jinja_env=_jinja())
    except SecurityError as error:
        raise ValidationError(
            _("Het sjabloon probeert iets wat een sjabloon niet mag: %(error)s") % {"error": error}
        ) from error
    except TemplateError as error:
        raise ValidationError(
            _("Het sjabloon bevat een fout in de opmaakcodes: %(error)s") % {"error": error}
        ) from error
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as error:
        # Any part Word would choke on (broken XML in a header, say) is the file's fault.
        name = getattr(upload, "name", None)
        if name:
            raise ValidationError(
                _("'%(name)s' is geen geldig Word-bestand (.docx).") % {"name": name}
            ) from error
        raise ValidationError(_("Dit is geen geldig Word-bestand (.docx).")) from error
    finally:
        if hasattr(upload, "seek"):
            upload.seek(0)
    unknown = sorted(set(names) - PLACEHOLDERS)
    if unknown:
        raise ValidationError(
            _("Het sjabloon gebruikt onbekende velden: %(names)s. Zie docs/templates.md.")
            % {"names": ", ".join(unknown)}
        )


def filename_for(proposal: Proposal, participant: Participant, extension: str) -> str:
    return f"collegevoorstel-{slugify(participant.organisation.name)}-{proposal.pk}.{extension}"


def costs_for_documents(proposal: Proposal) -> CostTable:
    """The shares as the proposal page shows them; refused while they cannot be computed,
    so no college gets a proposal that asks it for € 0,00 by mistake."""
    from samenspel.decisions.selectors import proposal_shares

    costs = proposal_shares(proposal)
    if costs.errors:
        raise ValidationError(
            [_("De collegevoorstellen kunnen nog niet worden gemaakt:"), *costs.errors]
        )
    return costs


def participant_document(proposal: Proposal, participant: Participant, fmt: str) -> bytes:
    context = document_context(proposal, participant, costs_for_documents(proposal))
    if fmt == "pdf":
        return pdf_bytes(proposal, context)
    association = proposal.portfolio.association
    return docx_bytes(context, template_for(participant, association=association))


def documents_zip(proposal: Proposal, fmt: str = "docx") -> bytes:
    """One document per participant, in one ZIP."""
    costs = costs_for_documents(proposal)
    association = proposal.portfolio.association
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for participant in proposal.participants.all():
            context = document_context(proposal, participant, costs)
            content: Any = (
                pdf_bytes(proposal, context)
                if fmt == "pdf"
                else docx_bytes(context, template_for(participant, association=association))
            )
            archive.writestr(filename_for(proposal, participant, fmt), content)
    return output.getvalue()
