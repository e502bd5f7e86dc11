"""/openbaar/data/: stable addresses, one per file (data.overheid.nl links to them)."""

from django.urls import path

from samenspel.opendata import views

app_name = "opendata"


def _file(dataset: str, fmt: str):
    return path(
        f"{dataset}.{fmt}",
        views.dataset_file,
        {"dataset": dataset, "fmt": fmt},
        name=f"{dataset}_{fmt}",
    )


urlpatterns = [
    path("", views.index, name="index"),
    path("agenda.json", views.agenda_json, name="agenda_json"),
    _file("afspraken", "csv"),
    _file("afspraken", "json"),
    _file("besluitenlijsten", "csv"),
    _file("besluitenlijsten", "json"),
    _file("vergaderschema", "csv"),
    _file("vergaderschema", "json"),
    path("catalogus.jsonld", views.catalogue_jsonld, name="catalogus"),
]
