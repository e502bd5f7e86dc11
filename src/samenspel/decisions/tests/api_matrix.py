"""The decisions resources' rows of the permission matrix (web/tests/matrix.py explains
the cells). The matrix POSTs no data as a form: the API reads JSON only (415) for everyone
who takes part; who may record is decided by the organisation named in the body
(decisions/tests/test_api.py)."""

from __future__ import annotations

from typing import Any

from samenspel.decisions.models import ExecutiveDecision, Proposal

API_MATRIX: dict[str, tuple[str, str]] = {
    "api:voorstellen-list": ("401 200 200 200 200 200 200", "401 405 405 405 405 405 405"),
    "api:voorstellen-detail": ("401 200 200 200 200 200 200", "401 405 405 405 405 405 405"),
    "api:besluiten-list": ("401 200 200 200 200 200 200", "401 415 415 415 415 415 415"),
    "api:besluiten-detail": ("401 200 200 200 200 200 200", "401 405 405 405 405 405 405"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    proposal = Proposal.objects.filter(portfolio__association=agenda.association).first()
    decision = ExecutiveDecision.objects.filter(
        participant__proposal__portfolio__association=agenda.association
    ).first()
    return {
        "api:voorstellen-detail": {"pk": proposal.pk},
        "api:besluiten-detail": {"pk": decision.pk},
    }
