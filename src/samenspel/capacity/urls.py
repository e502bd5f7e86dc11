from django.urls import path

from samenspel.capacity import views

app_name = "capacity"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("realisatie/<slug:org_slug>/", views.realised_hours_record, name="record"),
]
