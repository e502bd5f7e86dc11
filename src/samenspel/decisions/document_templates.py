"""Writes on the Word templates of the college proposals: keeping an uploaded template of
an association (checked as a Word file with only the documented placeholders) and
removing one. Keyword-only and atomic, like `services`."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.core.history import changed_by
from samenspel.decisions.models import DocumentTemplate
from samenspel.organisations.models import Association, Organisation
from samenspel.organisations.selectors import government_ids
from samenspel.web.uploads import document_check

DOCX_SIGNATURE = {".docx": b"PK\x03\x04"}


@transaction.atomic
def document_template_add(
    *,
    association: Association,
    name: str,
    organisation: Organisation | None,
    file: UploadedFile,
    user: User | None,
) -> DocumentTemplate:
    """Keep an uploaded Word template of `association`, for the house style of one of its
    members or partner governments or (without an organisation) for every participant
    without one. A file that is no Word file, or that uses anything but the documented
    placeholders, is refused on the file field."""
    from samenspel.decisions.documents import template_check

    if organisation is not None and organisation.pk not in government_ids(association):
        raise ValidationError(
            {
                "organisation": _("%(name)s neemt niet deel aan dit samenwerkingsverband.")
                % {"name": organisation}
            }
        )
    try:
        document_check(file, allowed=DOCX_SIGNATURE)
        template_check(file)
    except ValidationError as error:
        raise ValidationError({"file": error}) from error
    template = DocumentTemplate(
        association=association,
        name=name,
        organisation=organisation,
        file=file,
        uploaded_by=user,
    )
    changed_by(template, user)
    template.save()
    return template


@transaction.atomic
def document_template_delete(*, template: DocumentTemplate, user: User | None) -> None:
    """Remove a template; college proposals fall back to the general or the default one."""
    changed_by(template, user)
    template.delete()
