from django.urls import path

from samenspel.organisations import body_views, branding_views, views

app_name = "organisations"

urlpatterns = [
    path("organisaties/", views.organisation_list, name="list"),
    path("organisaties/<slug:slug>/", views.organisation_detail, name="detail"),
    path("organisaties/<slug:slug>/bewerken/", views.organisation_edit, name="edit"),
    path(
        "organisaties/<slug:slug>/inwoners/toevoegen/",
        views.inhabitant_count_add,
        name="inhabitants_add",
    ),
    path("overlegorganen/", body_views.body_list, name="bodies"),
    path("overlegorganen/<slug:slug>/", body_views.body_detail, name="body"),
    path("overlegorganen/<slug:slug>/bewerken/", body_views.body_edit, name="body_edit"),
    path("overlegorganen/<slug:slug>/zetels/toevoegen/", body_views.post_add, name="post_add"),
    path("zetels/<int:post_id>/bezetten/", body_views.membership_start, name="membership_start"),
    path(
        "lidmaatschappen/<int:membership_id>/beeindigen/",
        body_views.membership_end,
        name="membership_end",
    ),
    path("personen/nieuw/", views.person_create, name="person_create"),
    path("personen/<slug:slug>/", views.person_detail, name="person"),
    path("personen/<slug:slug>/bewerken/", views.person_edit, name="person_edit"),
    path("structuur/toets/", views.governance, name="governance"),
    path("samenwerkingsverband/logo", branding_views.association_logo, name="logo"),
    path(
        "samenwerkingsverband/huisstijl.css",
        branding_views.association_stylesheet,
        name="stylesheet",
    ),
]
