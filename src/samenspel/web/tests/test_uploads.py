"""The upload check refuses archive bombs and files that only look like Word documents."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.decisions import document_templates, documents
from samenspel.decisions.models import DocumentTemplate
from samenspel.organisations.associations import association_default
from samenspel.web import uploads

pytestmark = pytest.mark.django_db

CONTENT_TYPES = (
    b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    b'content-types"/>'
)


def archive(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zipped:
        for name, content in members.items():
            zipped.writestr(name, content)
    return buffer.getvalue()


def bomb() -> bytes:
    """A Word-shaped archive whose document unpacks to 60 MB of one repeated byte."""
    return archive({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"0" * (60 << 20)})


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def refusal(content: bytes, name: str = "sjabloon.docx") -> str:
    with pytest.raises(ValidationError) as error:
        uploads.document_check(upload(name, content))
    return " ".join(error.value.messages)


def test_a_bomb_is_refused_from_the_directory_before_unpacking():
    content = bomb()
    assert len(content) < 200_000  # small on disk, 60 MB unpacked
    assert "uitgepakt te groot" in refusal(content)


def test_too_many_members_are_refused():
    content = archive({f"word/part{i}.xml": b"<a/>" for i in range(1001)})
    assert "te veel bestanden" in refusal(content)


def test_an_absurd_compression_ratio_is_refused_below_the_size_limit():
    content = archive(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": b"<w:document/>",
            "word/media/image1.png": b"\0" * (5 << 20),
        }
    )
    assert "verdacht sterk ingepakt" in refusal(content)


def test_zip_signature_followed_by_html_is_no_word_file():
    message = refusal(b"PK\x03\x04<html><body>geen Word</body></html>", "nep.docx")
    assert "'nep.docx' is geen geldig .docx-bestand" in message


def test_a_zip_without_the_word_parts_is_refused():
    message = refusal(archive({"index.html": b"<html/>"}), "nep.docx")
    assert "'nep.docx'" in message
    assert "word/document.xml" in message


def test_broken_xml_in_the_document_is_a_dutch_message_naming_the_file():
    content = archive({"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": b"<w:doc"})
    message = refusal(content, "kapot.docx")
    assert "'kapot.docx' is geen geldig Word-bestand: word/document.xml is beschadigd" in message


def test_the_default_template_passes():
    uploads.document_check(upload("collegevoorstel.docx", documents.DEFAULT_TEMPLATE.read_bytes()))


def test_the_service_refuses_a_bomb_on_the_file_field(bureau_user):
    with pytest.raises(ValidationError) as error:
        document_templates.document_template_add(
            association=association_default(),
            name="Bom",
            organisation=None,
            file=upload("bom.docx", bomb()),
            user=bureau_user,
        )
    assert "uitgepakt te groot" in " ".join(error.value.message_dict["file"])
    assert not DocumentTemplate.objects.exists()


def test_the_service_refuses_a_fake_docx(bureau_user):
    with pytest.raises(ValidationError) as error:
        document_templates.document_template_add(
            association=association_default(),
            name="Nep",
            organisation=None,
            file=upload("nep.docx", b"PK\x03\x04<html></html>"),
            user=bureau_user,
        )
    assert "nep.docx" in " ".join(error.value.message_dict["file"])


def test_the_template_page_refuses_a_bomb_and_a_fake_docx(client, bureau_user):
    client.force_login(bureau_user)
    for name, content, expected in [
        ("bom.docx", bomb(), "uitgepakt te groot"),
        ("nep.docx", b"PK\x03\x04<html></html>", "nep.docx"),
    ]:
        response = client.post(
            reverse("decisions:templates"), {"name": name, "file": upload(name, content)}
        )
        assert response.status_code == 200
        assert expected in response.content.decode()
    assert not DocumentTemplate.objects.exists()


def test_the_admin_names_a_stored_file_without_a_link_to_media(client, bureau_user, settings):
    """Uploaded files are never served from MEDIA_URL: the admin's form names the current
    file instead of linking to an address that would give a 404."""
    template = document_templates.document_template_add(
        association=association_default(),
        name="Huisstijl",
        organisation=None,
        file=upload("huisstijl.docx", documents.DEFAULT_TEMPLATE.read_bytes()),
        user=bureau_user,
    )
    client.force_login(bureau_user)
    response = client.get(f"/beheer/decisions/documenttemplate/{template.pk}/change/")
    assert response.status_code == 200
    html = response.content.decode()
    assert template.file.name in html
    assert f'href="{settings.MEDIA_URL}' not in html
