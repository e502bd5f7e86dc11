"""The bijdragen resource's rows of the permission matrix (web/tests/matrix.py explains
the cells)."""

from __future__ import annotations

API_MATRIX: dict[str, tuple[str, str]] = {
    "api:bijdragen-list": ("401 200 200 200 200 200 200", "401 405 405 405 405 405 405"),
}
