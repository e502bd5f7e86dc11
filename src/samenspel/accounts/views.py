from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from samenspel.accounts.forms import SignInForm
from samenspel.accounts.permissions import can_manage_api_tokens, can_manage_own_account, require


class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True


@require(can_manage_own_account)
def account(request: HttpRequest) -> HttpResponse:
    assignments = request.user.role_assignments.select_related("portfolio", "organisation")
    return render(
        request,
        "accounts/account.html",
        {
            "assignments": assignments,
            "may_manage_api_tokens": can_manage_api_tokens(request.user),
        },
    )
