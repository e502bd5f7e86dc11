from django.urls import path

from samenspel.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("opgeslagen/<int:pk>/", views.stored_detail, name="stored"),
    path("opgeslagen/<int:pk>/bestand/", views.stored_download, name="download"),
    path("<slug:kind>/", views.report_page, name="page"),
    path("<slug:kind>/maken/", views.report_make, name="make"),
]
