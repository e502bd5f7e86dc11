from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from samenspel.accounts.permissions import can_use_admin, public, require, takes_part
from samenspel.accounts.signin_permissions import can_view_dashboard
from samenspel.web.dashboard import rendered_panels
from samenspel.web.inbox import dashboard_inbox, figures_open_for
from samenspel.web.memo import request_memo


@require(can_view_dashboard)
def dashboard(request: HttpRequest) -> HttpResponse:
    """The user's to-do inbox first, then the association's figures (the panels apps
    register), open for the bureau and readers, folded for those with an inbox of their own."""
    if not takes_part(request.user):
        # No role here (never, or every seat has ended): the pages do not exist (404), but
        # the person can still see what they did.
        return render(request, "accounts/history/without_role.html", status=404)
    # The roles that count today: an ended seat's role is history (accounts:history).
    assignments = (
        request.user.role_assignments.current()
        .filter(association=request.association)
        .select_related("portfolio", "organisation")
    )
    with request_memo():  # the inbox and the panels share what they both read
        return render(
            request,
            "web/dashboard.html",
            {
                "assignments": assignments,
                "may_use_admin": can_use_admin(request.user),
                "figures_open": figures_open_for(request.user),
                **dashboard_inbox(request),
                "panels": rendered_panels("dashboard", request),
            },
        )


@public
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when the database answers, 503 when it does not; for load balancers and monitors."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
