"""The history page (`accounts:history`), included by accounts/urls.py."""

from django.urls import path

from samenspel.accounts import history_views

urlpatterns = [
    path("account/geschiedenis/", history_views.history, name="history"),
]
