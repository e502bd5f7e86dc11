from django.urls import path

from samenspel.agenda import views

app_name = "agenda"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("portefeuilles/<slug:slug>/", views.portfolio_detail, name="portfolio"),
    path("afspraken/", views.agreement_list, name="agreements"),
    path("afspraken/<slug:slug>/", views.agreement_detail, name="agreement"),
    path("afspraken/<slug:slug>/bewerken/", views.agreement_edit, name="agreement_edit"),
    path("afspraken/<slug:slug>/voortgang/", views.progress_update_add, name="update_add"),
    path("mijlpalen/<int:pk>/bereikt/", views.milestone_reach, name="milestone_reach"),
    path("tijdlijn/", views.timeline, name="timeline"),
]
