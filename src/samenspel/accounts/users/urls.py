"""The bureau's pages of users and their sessions (names: accounts:users, accounts:user...)."""

from django.urls import path

from samenspel.accounts.users import views

urlpatterns = [
    path("gebruikers/", views.user_list, name="users"),
    path("gebruikers/<int:pk>/", views.user_detail, name="user"),
    path(
        "gebruikers/<int:pk>/sessies/<int:sign_in>/beeindigen/",
        views.user_end_session,
        name="user_end_session",
    ),
    path(
        "gebruikers/<int:pk>/sessies/beeindigen/",
        views.user_end_sessions,
        name="user_end_sessions",
    ),
    path("gebruikers/<int:pk>/deactiveren/", views.user_deactivate, name="user_deactivate"),
]
