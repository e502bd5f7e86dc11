"""The reports API's rows of the permission matrix (web/tests/matrix.py explains the cells).

As the reports pages: anyone signed in with a role. A report without `peildatum` (the
matrix sends no query) is a 400 naming it.
"""

from __future__ import annotations

from typing import Any

API_MATRIX: dict[str, tuple[str, str]] = {
    "api:rapportages-list": ("401 200 200 200 200 200 200", "401 405 405 405 405 405 405"),
    "api:rapportages-detail": ("401 400 400 400 400 400 400", "401 405 405 405 405 405 405"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    return {"api:rapportages-detail": {"soort": "kwartaal"}}
