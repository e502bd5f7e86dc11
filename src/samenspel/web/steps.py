"""The steps of a state machine as pages offer them, and the question before a one-click
change.

Each app's `workflow.py` says which steps a record has now (`Step`, gathered in
`Steps`): the page shows the ones possible now as buttons in workflow order and the
others with the Dutch reason why not (`{% include "web/includes/steps.html" %}`); the
view and the service refuse a step with the same reason (`step_refused`).

A one-click change (cancelling a meeting, a milestone reached, minutes marked ready)
asks first: its GET is `confirm_page` ("Weet je het zeker?" with the consequences and,
where it is cheap, how to undo it), its POST does it. With htmx the same question is
loaded in place under the buttons and takes the focus; without JavaScript it is a page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render


@dataclass(frozen=True)
class Step:
    """One step of a record's process: where it is taken, and why it cannot be now."""

    name: str
    label: str
    url: str
    reason: str = ""  # why the step is not possible now; empty: it is
    confirm: bool = False  # `url` asks "Weet je het zeker?" first (htmx: in place)
    quiet: bool = False  # a step away from the usual path (withdraw, cancel): never primary
    lead: bool = True  # may be the primary button (False: a side step, such as editing)

    @property
    def available(self) -> bool:
        return not self.reason


@dataclass
class Steps:
    """A record's steps in workflow order; `done` is said when none are left."""

    items: list[Step] = field(default_factory=list)
    done: str = ""

    @property
    def available(self) -> list[Step]:
        return [s for s in self.items if s.available]

    @property
    def unavailable(self) -> list[Step]:
        return [s for s in self.items if not s.available]

    @property
    def primary(self) -> Step | None:
        """The next step on the usual path: the first one possible that leads on."""
        return next((s for s in self.available if s.lead and not s.quiet), None)

    def get(self, name: str) -> Step | None:
        return next((s for s in self.items if s.name == name), None)

    def __iter__(self):
        return iter(self.items)

    def __bool__(self) -> bool:
        return bool(self.items or self.done)


@dataclass(frozen=True)
class Question:
    """What "Weet je het zeker?" before a one-click change says, and the message after it."""

    title: str
    question: str
    button: str
    consequences: Sequence[str] = ()
    undo: str = ""
    done: str = ""


def step_refused(request: HttpRequest, reason: str, back: str) -> HttpResponse:
    """A step that is not possible now: its reason as an error message, back to the
    record (with htmx: the reason in place of the question)."""
    if getattr(request, "htmx", False):
        return render(request, "web/includes/refused.html", {"reason": reason})
    messages.error(request, reason)
    return redirect(back)


def confirm_page(
    request: HttpRequest,
    question: Question,
    *,
    back: str,
    fields: Mapping[str, Any] | None = None,
    breadcrumbs: list[dict] | None = None,
) -> HttpResponse:
    """ "Weet je het zeker?" before a one-click change: the consequences, how to undo it,
    and a form that posts `fields` back to this URL. htmx gets the question alone."""
    context = {
        "title": question.title,
        "question": question.question,
        "button": question.button,
        "back": back,
        "consequences": question.consequences,
        "undo": question.undo,
        "fields": [
            (name, "" if value is None else str(value)) for name, value in (fields or {}).items()
        ],
        "action": request.path,
        "breadcrumbs": breadcrumbs,
    }
    if getattr(request, "htmx", False):
        return render(request, "web/includes/confirm.html", {**context, "in_place": True})
    return render(request, "web/confirm.html", context)
