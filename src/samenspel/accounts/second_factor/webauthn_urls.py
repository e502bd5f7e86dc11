"""django-otp-webauthn's endpoints (the package's names and paths), each with its predicate.

Authentication is the second step after the password (passwordless sign-in is off), so it
too needs a signed-in user; the JavaScript catalogue holds only the package's texts."""

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn import views as package

from samenspel.accounts.permissions import public, require
from samenspel.accounts.second_factor import webauthn_views as views
from samenspel.accounts.signin_permissions import can_manage_second_factor

app_name = "otp_webauthn"

urlpatterns = [
    path(
        "registration/begin/",
        require(can_manage_second_factor)(package.BeginCredentialRegistrationView.as_view()),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        require(can_manage_second_factor)(views.CompleteCredentialRegistrationView.as_view()),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        require(can_manage_second_factor)(package.BeginCredentialAuthenticationView.as_view()),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        require(can_manage_second_factor)(views.CompleteCredentialAuthenticationView.as_view()),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        public(JavaScriptCatalog.as_view(packages=["django_otp_webauthn"])),
        name="js-i18n-catalog",
    ),
]
