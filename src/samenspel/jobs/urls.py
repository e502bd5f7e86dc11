from django.urls import path

from samenspel.jobs import views

app_name = "jobs"

urlpatterns = [
    path("", views.job_list, name="list"),
    path("<int:pk>/", views.job_detail, name="detail"),
    path("<int:pk>/bestand/", views.job_download, name="download"),
    path("<int:pk>/opnieuw/", views.job_retry_view, name="retry"),
]
