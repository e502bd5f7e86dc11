"""The open data's rows of the permission matrix (web/tests/matrix.py explains the cells).

Everything is public and read-only: 200 for everyone by GET, 405 for a POST.
"""

from __future__ import annotations

from typing import Any

_OPEN = ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405")

API_MATRIX: dict[str, tuple[str, str]] = {
    "api:netwerk": _OPEN,
    "opendata:index": _OPEN,
    "opendata:agenda_json": _OPEN,
    "opendata:afspraken_csv": _OPEN,
    "opendata:afspraken_json": _OPEN,
    "opendata:besluitenlijsten_csv": _OPEN,
    "opendata:besluitenlijsten_json": _OPEN,
    "opendata:vergaderschema_csv": _OPEN,
    "opendata:vergaderschema_json": _OPEN,
    "opendata:catalogus": _OPEN,
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    return {}
