"""The second factor's pages: the second step of signing in and one's own factors. The
set-up pages share one prefix: a session that must still set up a second factor reaches
only those (middleware.py)."""

from django.urls import path

from samenspel.accounts.second_factor import views

urlpatterns = [
    path("inloggen/tweede-factor/", views.verify, name="second_factor_verify"),
    path("account/tweede-factor/", views.overview, name="second_factor"),
    path("account/tweede-factor/app/", views.totp_add, name="second_factor_totp"),
    path("account/tweede-factor/herstelcodes/", views.recovery, name="second_factor_recovery"),
    path(
        "account/tweede-factor/naam/",
        views.rename,
        name="second_factor_rename",
    ),
    path(
        "account/tweede-factor/verwijderen/",
        views.remove,
        name="second_factor_remove",
    ),
]
