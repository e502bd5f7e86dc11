"""Checks on uploaded files: the type by extension and by content, and the size.

One check for every upload (decision documents, meeting documents, Word templates), so
the limit (`SAMENSPEL_MAX_UPLOAD_MB`) and the Dutch messages are the same everywhere.

Office Open XML and ODF files are ZIP archives, so they are checked as archives too,
from the ZIP directory and before anything is unpacked: too many members, too many
unpacked bytes or an absurd compression ratio (an archive bomb) is refused. A .docx must
moreover hold `[Content_Types].xml` and `word/document.xml`, and both must parse as XML
(without entities or network), so a file that merely starts with the ZIP signature does
not pass, and no parse error escapes as anything but a Dutch ValidationError.
"""

from __future__ import annotations

import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from lxml import etree

# Extension → the bytes such a file starts with (Office Open XML and ODF are ZIPs).
DOCUMENT_SIGNATURES = {
    ".pdf": b"%PDF",
    ".docx": b"PK\x03\x04",
    ".odt": b"PK\x03\x04",
}


ZIP_SIGNATURE = b"PK\x03\x04"
# Limits on what an archive may unpack to, read from its directory before extracting.
MAX_ARCHIVE_MEMBERS = 1000
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Word documents compress XML about 5-20 times; a bomb thousands of times. The ratio
# is only judged on members big enough for it to matter.
MAX_COMPRESSION_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
DOCX_REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")


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
    size = upload.size or 0
    if size > max_upload_bytes():
        raise ValidationError(
            _("'%(name)s' is te groot (%(size).1f MB); het maximum is %(max)s MB.")
            % {
                "name": name,
                "size": size / 1024 / 1024,
                "max": settings.SAMENSPEL_MAX_UPLOAD_MB,
            }
        )
    head = upload.read(8)
    upload.seek(0)
    if not head.startswith(allowed[extension]):
        raise ValidationError(
            _("'%(name)s' is geen geldig %(type)s-bestand.") % {"name": name, "type": extension}
        )
    if allowed[extension] == ZIP_SIGNATURE:
        _archive_check(upload, name, extension)


def _archive_check(upload: UploadedFile, name: str, extension: str) -> None:
    """Refuse a damaged archive or a bomb (judged from the ZIP directory, before
    extracting), and for .docx one without the parts Word needs or whose XML is broken."""
    invalid = _("'%(name)s' is geen geldig %(type)s-bestand.") % {"name": name, "type": extension}
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            if len(members) > MAX_ARCHIVE_MEMBERS:
                raise ValidationError(
                    _("'%(name)s' bevat te veel bestanden (%(count)s; het maximum is %(max)s).")
                    % {"name": name, "count": len(members), "max": MAX_ARCHIVE_MEMBERS}
                )
            unpacked = sum(member.file_size for member in members)
            if unpacked > MAX_UNPACKED_BYTES:
                raise ValidationError(
                    _(
                        "'%(name)s' is uitgepakt te groot (%(size).0f MB; "
                        "het maximum is %(max)s MB)."
                    )
                    % {
                        "name": name,
                        "size": unpacked / 1024 / 1024,
                        "max": MAX_UNPACKED_BYTES // 1024 // 1024,
                    }
                )
            for member in members:
                if (
                    member.file_size > RATIO_FROM_BYTES
                    and member.file_size > MAX_COMPRESSION_RATIO * max(member.compress_size, 1)
                ):
                    raise ValidationError(
                        _(
                            "'%(name)s' is verdacht sterk ingepakt (%(member)s); "
                            "zo'n bestand wordt geweigerd."
                        )
                        % {"name": name, "member": member.filename}
                    )
            if extension == ".docx":
                _docx_parts_check(archive, name, invalid)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as error:
        raise ValidationError(invalid) from error
    finally:
        upload.seek(0)


def _docx_parts_check(archive: zipfile.ZipFile, name: str, invalid: str) -> None:
    names = set(archive.namelist())
    missing = [part for part in DOCX_REQUIRED_PARTS if part not in names]
    if missing:
        raise ValidationError(
            _("'%(name)s' is geen geldig Word-bestand: %(parts)s ontbreekt.")
            % {"name": name, "parts": ", ".join(missing)}
        )
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    for part in DOCX_REQUIRED_PARTS:
        try:
            etree.fromstring(archive.read(part), parser=parser)
        except etree.XMLSyntaxError as error:
            raise ValidationError(
                _("'%(name)s' is geen geldig Word-bestand: %(part)s is beschadigd (%(error)s).")
                % {"name": name, "part": part, "error": error}
            ) from error
