"""The invitation pages (names accounts:…, included from accounts/urls.py)."""

from django.urls import path

from samenspel.accounts.invitations import views
from samenspel.accounts.permissions import public

urlpatterns = [
    path("uitnodigingen/", views.invitation_list, name="invitations"),
    path("uitnodigingen/nieuw/", views.invitation_create_view, name="invitation_create"),
    path(
        "uitnodigingen/<int:pk>/opnieuw/",
        views.invitation_resend_view,
        name="invitation_resend",
    ),
    path(
        "uitnodigingen/<int:pk>/intrekken/",
        views.invitation_revoke_view,
        name="invitation_revoke",
    ),
    # Public: the token in the link is the invitee's proof (accounts/invitations/services.py).
    path(
        "uitnodiging/<str:token>/",
        public(views.invitation_accept_view),
        name="invitation_accept",
    ),
]
