from django.urls import path

from samenspel.notifications import views

app_name = "notifications"

urlpatterns = [
    path("", views.index, name="index"),
    path("berichten/<int:pk>/opnieuw/", views.retry, name="retry"),
]
