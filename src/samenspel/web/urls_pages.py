"""The accessibility statement and the help pages: their own namespace, beside `web`."""

from django.urls import path

from samenspel.web import help_views

app_name = "pages"

urlpatterns = [
    path("toegankelijkheid/", help_views.accessibility, name="accessibility"),
    path("help/", help_views.help_index, name="help_index"),
    # Before the general pattern: the public pages' help is open to everyone.
    path("help/openbaar/", help_views.help_public, name="help_public"),
    path("help/<slug:area>/", help_views.help_area, name="help"),
]
