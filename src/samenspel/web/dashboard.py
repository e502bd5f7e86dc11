"""Panels: each app registers the panels it adds to shared pages.

Slots: "dashboard" (the home page; context(request)), "organisation" (an
organisation's page; context(request, organisation)), "body" (a body's page;
context(request, body)) and "person" (a person's page; context(request, person)).
The web and organisations apps know nothing of agreements or money; the apps above
them register panels in their AppConfig.ready(), so the dependency rule holds and the
pages grow with the apps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Panel:
    template: str
    context: Callable[..., dict]
    order: int = 100


_PANELS: dict[str, list[Panel]] = {}


def register_panel(panel: Panel, slot: str = "dashboard") -> None:
    panels_in_slot = _PANELS.setdefault(slot, [])
    if panel not in panels_in_slot:
        panels_in_slot.append(panel)


def panels(slot: str = "dashboard") -> list[Panel]:
    return sorted(_PANELS.get(slot, []), key=lambda p: p.order)


def rendered_panels(slot: str, request: HttpRequest, *args: Any) -> list[dict]:
    """Each panel's template and context, for `{% include panel.template with panel=… %}`."""
    return [{"template": p.template, "context": p.context(request, *args)} for p in panels(slot)]
