"""Checks on uploaded files: the type by extension and by content, and the size.

One check for every upload (decision documents, meeting documents, Word templates), so
the limit (`SAMENSPEL_MAX_UPLOAD_MB`) and the Dutch messages are the same everywhere.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# Extension → the bytes such a file starts with (Office Open XML and ODF are ZIPs).
DOCUMENT_SIGNATURES = {
    ".pdf": b"%PDF",
    ".docx": b"PK\x03\x04",
    ".odt": b"PK\x03\x04",
}


def max_upload_bytes() -> int:
    return settings.SAMENSPEL_MAX_UPLOAD_MB * 1024 * 1024


def document_check(
    upload: UploadedFile, *, allowed: dict[str, bytes] | None = None, field: str | None = None
) -> None:
    """Refuse a file that is too big, of another type, or whose content lies about its type.

    `field`: name the form field the error belongs to (a service's ValidationError dict).
    """
    try:
        _check(upload, allowed or DOCUMENT_SIGNATURES)
    except ValidationError as error:
        if not field:
            raise
        raise ValidationError({field: error.messages}) from error


def _check(upload: UploadedFile, allowed: dict[str, bytes]) -> None:
    name = upload.name or ""
    extension = name[name.rfind(".") :].lower() if "." in name else ""
    if extension not in allowed:
        raise ValidationError(
            _("'%(name)s' is geen toegestaan bestandstype; kies %(types)s.")
            % {"name": name, "types": ", ".join(sorted(allowed))}
        )
    if upload.size > max_upload_bytes():
        raise ValidationError(
            _("'%(name)s' is te groot (%(size).1f MB); het maximum is %(max)s MB.")
            % {
                "name": name,
                "size": upload.size / 1024 / 1024,
                "max": settings.SAMENSPEL_MAX_UPLOAD_MB,
            }
        )
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(allowed[extension]):
        raise ValidationError(
            _("'%(name)s' is geen geldig %(type)s-bestand.") % {"name": name, "type": extension}
        )
