"""Word templates are their association's (issue 14): another association's template is
not listed, cannot be deleted and is never used, also for an organisation in both."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from samenspel.accounts.models import User
from samenspel.decisions import documents
from samenspel.decisions.models import DocumentTemplate, Participant
from samenspel.decisions.tests.test_documents import docx_text, template_with
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Organisation
from samenspel.organisations.tests.factories import AssociationMembershipFactory
from samenspel.web.tests.test_isolation import association_b

B_HOST = "voorbeeld.localhost"


@pytest.fixture
def b_templates(client, vdg_demo_data, make_user):
    """Assen is a member of the VDG and of association B; B's bureau uploads, on B's host,
    a house style for Assen and a general template."""
    b = association_b()
    assen = Organisation.objects.get(slug="assen")
    AssociationMembershipFactory(association=b, organisation=assen)
    b_bureau = make_user("bureau", association=b)
    client.force_login(b_bureau)
    for name, organisation, text in [
        ("Huisstijl Assen van B", assen.pk, "Huisstijl van B voor {{ organisation_name }}"),
        ("Algemeen van B", "", "Algemeen sjabloon van B: {{ title }}"),
    ]:
        upload = SimpleUploadedFile(f"{name}.docx", template_with(text).read())
        response = client.post(
            reverse("decisions:templates"),
            {"name": name, "organisation": organisation, "file": upload},
            HTTP_HOST=B_HOST,
        )
        assert response.status_code == 302, response.content.decode()
    client.logout()
    return b, assen, b_bureau


def test_an_upload_on_bs_host_is_bs_and_listed_only_there(client, b_templates):
    b, _assen, b_bureau = b_templates
    templates = DocumentTemplate.objects.filter(name__endswith="van B")
    assert {t.association for t in templates} == {b}
    client.force_login(User.objects.get(username="bureau"))  # the VDG's bureau
    page = client.get(reverse("decisions:templates")).content.decode()
    assert "van B" not in page
    for template in templates:
        url = reverse("decisions:template_delete", args=[template.pk])
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    assert templates.count() == 2
    client.force_login(b_bureau)
    page = client.get(reverse("decisions:templates"), HTTP_HOST=B_HOST).content.decode()
    assert "Huisstijl Assen van B" in page and "Algemeen van B" in page


def test_bs_templates_are_never_used_for_a_proposal_of_a(client, b_templates):
    b, assen, _b_bureau = b_templates
    participant = Participant.objects.filter(
        organisation=assen, proposal__portfolio__association=association_default()
    ).first()
    proposal = participant.proposal
    text = docx_text(documents.participant_document(proposal, participant, "docx"))
    assert f"Collegevoorstel {assen.name}" in text  # the default template
    assert "van B" not in text
    client.force_login(User.objects.get(username="bureau"))
    response = client.get(reverse("decisions:document", args=[proposal.pk, participant.pk, "docx"]))
    assert response.status_code == 200
    assert "van B" not in docx_text(response.content)
    archive = zipfile.ZipFile(io.BytesIO(documents.documents_zip(proposal)))
    assert all("van B" not in docx_text(archive.read(name)) for name in archive.namelist())
    # For B's proposals the same organisation gets B's house style.
    with documents.template_for(participant, association=b) as chosen:
        assert "Huisstijl van B" in docx_text(chosen.read())


def test_the_service_refuses_a_house_style_for_an_organisation_outside_the_association(
    vdg_demo_data, bureau_user
):
    from django.core.exceptions import ValidationError

    from samenspel.decisions import document_templates

    b = association_b()
    with pytest.raises(ValidationError) as error:
        document_templates.document_template_add(
            association=b,
            name="Huisstijl Emmen",
            organisation=Organisation.objects.get(slug="emmen"),
            file=SimpleUploadedFile("emmen.docx", documents.DEFAULT_TEMPLATE.read_bytes()),
            user=bureau_user,
        )
    assert "neemt niet deel aan dit samenwerkingsverband" in str(error.value.message_dict)
    assert not DocumentTemplate.objects.filter(association=b).exists()
