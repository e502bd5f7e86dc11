from django.urls import path

from samenspel.accounts.oidc import views
from samenspel.accounts.permissions import can_manage_own_account, public, require

urlpatterns = [
    path("inloggen/organisatie/", public(views.sso_choose), name="sso_choose"),
    path("inloggen/organisatie/start/", public(views.AuthenticateView.as_view()), name="sso_start"),
    # One redirect URI for every provider: register this one at each (docs/sign-in.md).
    path("inloggen/organisatie/terug/", public(views.CallbackView.as_view()), name="sso_callback"),
    path("inloggen/organisatie/onbekend/", public(views.sso_unknown), name="sso_unknown"),
    path(
        "account/organisatie-koppelen/",
        require(can_manage_own_account)(views.sso_link),
        name="sso_link",
    ),
    path("uitloggen/", public(views.logout), name="logout"),
]
