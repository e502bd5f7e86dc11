"""The API's rows of the permission matrix (web/tests/matrix.py explains the cells)."""

from __future__ import annotations

from typing import Any

API_MATRIX: dict[str, tuple[str, str]] = {
    "api_root": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:root_slash": ("301 301 301 301 301 301 301", "301 301 301 301 301 301 301"),
    "api:openapi_json": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
    "api:openapi_yaml": ("200 200 200 200 200 200 200", "405 405 405 405 405 405 405"),
}


def api_matrix_arguments(agenda: Any) -> dict[str, dict[str, Any]]:
    return {}
