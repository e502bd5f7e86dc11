from django.urls import path

from samenspel.web import search_views, views

app_name = "web"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("zoeken/", search_views.search, name="search"),
]
