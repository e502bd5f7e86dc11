"""The provider's URLs: OIDC under /o/ (the issuer), and a plain sign-in page."""

from django.contrib.auth import authenticate, login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import include, path
from django.utils.http import url_has_allowed_host_and_scheme


def sign_in(request: HttpRequest) -> HttpResponse:
    """The provider's own password page (no CSRF: this provider only runs in tests)."""
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    failed = False
    if request.method == "POST":
        user = authenticate(
            request, username=request.POST.get("username"), password=request.POST.get("password")
        )
        if user is not None:
            login(request, user)
            return HttpResponseRedirect(next_url)
        failed = True
    return render(request, "provider/login.html", {"next": next_url, "failed": failed})


urlpatterns = [
    path("login/", sign_in, name="login"),
    path("o/", include("oauth2_provider.urls", namespace="oauth2_provider")),
]
