from django.urls import path

from samenspel.decisions import actions, views

app_name = "decisions"

urlpatterns = [
    path("voorstellen/", views.proposal_list, name="list"),
    path("voorstellen/nieuw/", views.proposal_create, name="create"),
    path("voorstellen/sjablonen/", actions.templates, name="templates"),
    path("voorstellen/sjablonen/standaard.docx", actions.default_template, name="default_template"),
    path(
        "voorstellen/sjablonen/<int:template_pk>/verwijderen/",
        actions.template_delete,
        name="template_delete",
    ),
    path("voorstellen/<int:pk>/", views.proposal_detail, name="detail"),
    path("voorstellen/<int:pk>/bewerken/", views.proposal_edit, name="edit"),
    path("voorstellen/<int:pk>/pho/", actions.pho_decision, name="pho"),
    path("voorstellen/<int:pk>/versturen/", actions.send, name="send"),
    path("voorstellen/<int:pk>/coalitie/", actions.coalition, name="coalition"),
    path("voorstellen/<int:pk>/intrekken/", actions.withdraw, name="withdraw"),
    path("voorstellen/<int:pk>/documenten.zip", actions.documents_zip, name="zip"),
    path(
        "voorstellen/<int:pk>/deelnemers/<int:participant_pk>/",
        actions.participant_edit,
        name="participant",
    ),
    path(
        "voorstellen/<int:pk>/deelnemers/<int:participant_pk>/besluit/",
        actions.decision_record,
        name="decide",
    ),
    path(
        "voorstellen/<int:pk>/deelnemers/<int:participant_pk>/collegevoorstel.<str:fmt>",
        actions.participant_document,
        name="document",
    ),
    path(
        "voorstellen/<int:pk>/besluiten/<int:decision_pk>/document/",
        actions.decision_document,
        name="decision_document",
    ),
    path("mijn-organisatie/", views.my_organisation, name="my_organisation"),
]
