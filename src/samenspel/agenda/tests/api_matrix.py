"""The agenda's API rows of the permission matrix (web/tests/matrix.py explains the cells).

Everything is public to read, as /openbaar/ is; POST creates progress only (voortgang),
PATCH (not walked by the matrix) changes an agreement: agenda/tests/test_api.py."""

from __future__ import annotations

from typing import Any

from samenspel.agenda.models import Agreement, ProgressUpdate, Theme
from samenspel.organisations.models import Portfolio

PORTFOLIO = "gezondheid-en-welzijn"  # chaired by the demo account voorzitter-gw

API_MATRIX: dict[str, tuple[str, str]] = {
    "api:portefeuilles-list": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:portefeuilles-detail": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:themas-list": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:themas-detail": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:afspraken-list": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:afspraken-detail": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:voortgang-list": ("200 200 200 200 200 200 200", "401 415 415 415 415 415 415"),
    "api:voortgang-detail": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    agreement = Agreement.objects.filter(agenda=agenda, portfolio__slug=PORTFOLIO).order_by("pk")
    update = ProgressUpdate.objects.standing().filter(agreement__agenda=agenda, is_internal=False)
    return {
        "api:portefeuilles-detail": {
            "pk": Portfolio.objects.get(association=agenda.association, slug=PORTFOLIO).pk
        },
        "api:themas-detail": {"pk": Theme.objects.filter(agenda=agenda).order_by("pk")[0].pk},
        "api:afspraken-detail": {"pk": agreement[0].pk},
        "api:voortgang-detail": {"pk": update.order_by("pk")[0].pk},
    }
