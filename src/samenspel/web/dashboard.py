"""Dashboard panels: each app registers the panels it adds to the home page.

The web app knows nothing of agreements or money; the agenda app (and later finance,
decisions, meetings) register a panel in their AppConfig.ready(), so the dependency
rule holds and the dashboard grows with the apps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[[HttpRequest], dict]
    order: int = 100


_PANELS: list[Panel] = []


def register_panel(panel: Panel) -> None:
    if panel not in _PANELS:
        _PANELS.append(panel)


def panels() -> list[Panel]:
    return sorted(_PANELS, key=lambda p: p.order)
