from django.urls import path

from samenspel.agenda import corrections, milestones, views

app_name = "agenda"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("portefeuilles/<slug:slug>/", views.portfolio_detail, name="portfolio"),
    path("afspraken/", views.agreement_list, name="agreements"),
    path("afspraken/<slug:slug>/", views.agreement_detail, name="agreement"),
    path("afspraken/<slug:slug>/bewerken/", views.agreement_edit, name="agreement_edit"),
    path("afspraken/<slug:slug>/voortgang/", views.progress_update_add, name="update_add"),
    path("voortgang/<int:pk>/corrigeren/", corrections.update_correct, name="update_correct"),
    path("voortgang/<int:pk>/intrekken/", corrections.update_withdraw, name="update_withdraw"),
    path("mijlpalen/<int:pk>/bereikt/", milestones.milestone_reach, name="milestone_reach"),
    path("tijdlijn/", views.timeline, name="timeline"),
]
