from django.urls import path

from samenspel.decisions.views import my_organisation, participants, proposals, stages, templates

app_name = "decisions"

urlpatterns = [
    path("voorstellen/", proposals.proposal_list, name="list"),
    path("voorstellen/nieuw/", proposals.proposal_create, name="create"),
    path("voorstellen/sjablonen/", templates.templates, name="templates"),
    path(
        "voorstellen/sjablonen/standaard.docx", templates.default_template, name="default_template"
    ),
    path(
        "voorstellen/sjablonen/<int:template_pk>/verwijderen/",
        templates.template_delete,
        name="template_delete",
    ),
    path("voorstellen/<int:pk>/", proposals.proposal_detail, name="detail"),
    path("voorstellen/<int:pk>/bewerken/", proposals.proposal_edit, name="edit"),
    path("voorstellen/<int:pk>/pho/", stages.pho_decision, name="pho"),
    path("voorstellen/<int:pk>/versturen/", stages.send, name="send"),
    path("voorstellen/<int:pk>/coalitie/", stages.coalition, name="coalition"),
    path("voorstellen/<int:pk>/intrekken/", stages.withdraw, name="withdraw"),
    path("voorstellen/<int:pk>/documenten/maken/", participants.documents_zip, name="zip"),
    path(
        "voorstellen/<int:pk>/deelnemers/<int:participant_pk>/",
        participants.participant_edit,
        name="participant",
    ),
    path(
        "voorstellen/<int:pk>/deelnemers/<int:participant_pk>/besluit/",
        participants.decision_record,
        name="decide",
    ),
    path(
        "voorstellen/<int:pk>/deelnemers/<int:participant_pk>/collegevoorstel.<str:fmt>",
        participants.participant_document,
        name="document",
    ),
    path(
        "voorstellen/<int:pk>/besluiten/<int:decision_pk>/document/",
        participants.decision_document,
        name="decision_document",
    ),
    path(
        "voorstellen/<int:pk>/besluiten/<int:decision_pk>/corrigeren/",
        participants.decision_correct,
        name="decision_correct",
    ),
    path("mijn-organisatie/", my_organisation.my_organisation, name="my_organisation"),
]
