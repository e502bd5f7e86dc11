"""The API's rows of the permission matrix (web/tests/matrix.py explains the cells)."""

from __future__ import annotations

from typing import Any

from samenspel.organisations.models import AssociationMembership

API_MATRIX: dict[str, tuple[str, str]] = {
    "api_root": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:root_slash": ("301 301 301 301 301 301 301", "301 301 301 301 301 301 301"),
    "api:openapi_json": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:openapi_yaml": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    # organisaties: public, as the public pages name organisations; read only
    "api:organisaties-list": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:organisaties-detail": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    member = AssociationMembership.objects.filter(association=agenda.association).order_by("pk")
    return {"api:organisaties-detail": {"pk": member[0].organisation_id}}
