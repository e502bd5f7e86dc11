"""Checks on uploaded meeting documents (type by extension and content, size) and file names.

The files are stored outside any public URL and served by `views.document_download`,
which checks who may read them (confidential documents: the bureau and the body).
"""

from __future__ import annotations

import re

from django.core.files.uploadedfile import UploadedFile

from samenspel.web.uploads import document_check

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
    signatures = {ext: signature for ext, (signature, _type) in DOCUMENT_TYPES.items()}
    document_check(upload, allowed=signatures, field="upload")
