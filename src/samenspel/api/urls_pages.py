"""/api-toegang/: the API tokens of the association (api/token_views.py)."""

from django.urls import path

from samenspel.api import token_views

app_name = "api_pages"

urlpatterns = [
    path("", token_views.token_list, name="list"),
    path("nieuw/", token_views.token_create_view, name="create"),
    path("<int:pk>/", token_views.token_uses, name="uses"),
    path("<int:pk>/intrekken/", token_views.token_revoke_view, name="revoke"),
]
