from django.contrib.auth import views as auth_views
from django.urls import include, path

from samenspel.accounts import password_views, views
from samenspel.accounts.permissions import can_manage_own_account, public, require

app_name = "accounts"

urlpatterns = [
    # Sign-in parts, each in its own package (docs/sign-in.md); names stay accounts:….
    path("", include("samenspel.accounts.oidc.urls")),
    path("", include("samenspel.accounts.second_factor.urls")),
    path("", include("samenspel.accounts.invitations.urls")),
    path("", include("samenspel.accounts.users.urls")),
    path("", include("samenspel.accounts.history_urls")),
    path("inloggen/", public(views.SignInView.as_view()), name="login"),
    path("account/", views.account, name="account"),
    path(
        "account/wachtwoord/",
        require(can_manage_own_account)(password_views.PasswordChangeView.as_view()),
        name="password_change",
    ),
    path(
        "account/wachtwoord/gewijzigd/",
        require(can_manage_own_account)(
            auth_views.PasswordChangeDoneView.as_view(
                template_name="accounts/password_change_done.html"
            )
        ),
        name="password_change_done",
    ),
    # Rate-limited per e-mail and per client address (accounts/password_views.py).
    path(
        "wachtwoord-vergeten/",
        public(password_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    path(
        "wachtwoord-vergeten/verstuurd/",
        public(
            auth_views.PasswordResetDoneView.as_view(
                template_name="accounts/password_reset_done.html"
            )
        ),
        name="password_reset_done",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        public(password_views.PasswordResetConfirmView.as_view()),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        public(
            auth_views.PasswordResetCompleteView.as_view(
                template_name="accounts/password_reset_complete.html"
            )
        ),
        name="password_reset_complete",
    ),
]
