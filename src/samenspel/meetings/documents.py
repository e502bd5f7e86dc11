"""Checks on uploaded meeting documents (type by extension and content, size) and file names.

The files are stored outside any public URL and served by `views.document_download`,
which checks who may read them (confidential documents: the bureau and the body).
"""

from __future__ import annotations

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

ZIP = b"PK\x03\x04"
# Extension → (the bytes such a file starts with, its content type).
DOCUMENT_TYPES = {
    ".pdf": (b"%PDF", "application/pdf"),
    ".docx": (
        ZIP,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    ".xlsx": (ZIP, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".pptx": (
        ZIP,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
    ".odt": (ZIP, "application/vnd.oasis.opendocument.text"),
    ".ods": (ZIP, "application/vnd.oasis.opendocument.spreadsheet"),
    ".odp": (ZIP, "application/vnd.oasis.opendocument.presentation"),
}


def extension(name: str) -> str:
    return name[name.rfind(".") :].lower() if "." in name else ""


def content_type(name: str) -> str:
    return DOCUMENT_TYPES.get(extension(name), (b"", "application/octet-stream"))[1]


def safe_name(name: str) -> str:
    """A file name without paths or odd characters, kept readable."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = re.sub(r"[^\w.\- ]+", "", base).strip() or "document"
    return cleaned[-150:]


def check_upload(upload: UploadedFile) -> None:
    """Refuse a file that is too big, of another type, or whose content lies about its type."""
    name = upload.name or ""
    ext = extension(name)
    if ext not in DOCUMENT_TYPES:
        raise ValidationError(
            {
                "upload": _("'%(name)s' is geen toegestaan bestandstype; kies %(types)s.")
                % {"name": name, "types": ", ".join(sorted(DOCUMENT_TYPES))}
            }
        )
    limit = settings.SAMENSPEL_MAX_UPLOAD_MB * 1024 * 1024
    if upload.size > limit:
        raise ValidationError(
            {
                "upload": _("'%(name)s' is te groot (%(size).1f MB); het maximum is %(max)s MB.")
                % {
                    "name": name,
                    "size": upload.size / 1024 / 1024,
                    "max": settings.SAMENSPEL_MAX_UPLOAD_MB,
                }
            }
        )
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(DOCUMENT_TYPES[ext][0]):
        raise ValidationError(
            {
                "upload": _("'%(name)s' is geen geldig %(type)s-bestand.")
                % {"name": name, "type": ext}
            }
        )
