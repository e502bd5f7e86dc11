"""The meetings API's rows of the permission matrix (web/tests/matrix.py explains the cells).

The schedule and the public decision lists are public, as /overleggen/openbaar/; the
meeting used is a public one, so every role gets it (with more fields when signed in).
"""

from __future__ import annotations

from typing import Any

from samenspel.meetings import selectors
from samenspel.organisations.constants import BodyKind

PORTFOLIO = "gezondheid-en-welzijn"  # the matrix's portfolio (web/tests/matrix_objects.py)

PUBLIC_READ = ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405")

API_MATRIX: dict[str, tuple[str, str]] = {
    "api:overleggen-list": PUBLIC_READ,
    "api:overleggen-detail": PUBLIC_READ,
    "api:overleggen-besluitenlijst": PUBLIC_READ,
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    meeting = (
        selectors.public_schedule(association=agenda.association)
        .filter(
            body__kind=BodyKind.PORTFOLIO_MEETING, body__portfolio__slug="gezondheid-en-welzijn"
        )
        .first()
    )
    return {
        "api:overleggen-detail": {"pk": meeting.pk},
        "api:overleggen-besluitenlijst": {"pk": meeting.pk},
    }
