from urllib.parse import urlencode

from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY

from samenspel.accounts.constants import SESSION_PROVIDER_KEY, SESSION_PROVIDER_SECOND_FACTOR_KEY
from samenspel.accounts.forms import SignInForm
from samenspel.accounts.history_views import roles_with_state
from samenspel.accounts.permissions import can_manage_api_tokens, can_manage_own_account, require
from samenspel.accounts.second_factor.devices import factor_count, has_device
from samenspel.accounts.signin_permissions import can_invite, second_factor_required


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        # A sign-in by password: nothing of an earlier provider sign-in or second factor
        # in this browser's session may count for it (login keeps the session's data for
        # the same user). Dropped before login, which records how one signed in.
        for key in (
            SESSION_PROVIDER_KEY,
            SESSION_PROVIDER_SECOND_FACTOR_KEY,
            DEVICE_ID_SESSION_KEY,
        ):
            self.request.session.pop(key, None)
        response = super().form_valid(form)
        if has_device(self.request):
            query = urlencode({"next": self.get_success_url()})
            return HttpResponseRedirect(f"{reverse('accounts:second_factor_verify')}?{query}")
        return response


@require(can_manage_own_account)
def account(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/account.html",
        {
            # Current roles first; ended ones stay visible, marked so (docs/sign-in.md).
            "roles": roles_with_state(request.user, request.association),
            "may_invite": can_invite(request.user),
            "may_manage_api_tokens": can_manage_api_tokens(request.user),
            "second_factor_on": bool(factor_count(request.user)),
            "second_factor_required": second_factor_required(request.user),
        },
    )
