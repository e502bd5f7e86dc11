"""Form pages: the pattern every edit view shares, written once."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from samenspel.core.versioning import EditConflict, versioned_update


def versioned_edit(
    request: HttpRequest,
    obj,
    form_class,
    *,
    back: str,
    save=versioned_update,
    success: str | None = None,
    template: str = "core/simple_form.html",
    context: dict | None = None,
) -> HttpResponse:
    """Edit form for a versioned record: a stale form gets a conflict, never an overwrite.

    `save(obj=…, expected_version=…, user=…, **values)` writes; apps pass their own
    service when saving does more (the agenda parses a period, for instance).
    """
    initial = {}
    for name in form_class.base_fields:
        value = getattr(obj, name)
        initial[name] = list(value.all()) if hasattr(value, "all") else value
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        values = dict(form.cleaned_data)
        version = values.pop("version")
        try:
            save(obj=obj, expected_version=version, user=request.user, **values)
        except EditConflict as conflict:
            messages.error(request, str(conflict))
            return redirect(request.path)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, success or _("De wijzigingen zijn opgeslagen."))
            return redirect(back)
    page = {"form": form, "title": _("Bewerken: %(name)s") % {"name": obj}, "back": back}
    return render(request, template, {**page, **(context or {})})


def form_page(
    request: HttpRequest,
    form: Any,
    *,
    save: Callable[[dict[str, Any]], Any],
    success: str,
    next_url: str | Callable[[Any], Any],
    title: str,
    back: str,
    template: str = "core/simple_form.html",
    context: dict[str, Any] | None = None,
) -> HttpResponse:
    """The form page every write shares: validate, call one service, report in Dutch.

    GET (or an invalid form) renders `template`. A valid POST calls `save(cleaned_data)`;
    a ValidationError from the service lands on the form, so nothing typed is lost;
    success shows `success` and redirects to `next_url`: a URL, or a function of what
    `save` returned (e.g. `lambda person: person.get_absolute_url()`).
    The service does the writing; this only wires it to the request.
    """
    if request.method == "POST" and form.is_valid():
        try:
            result = save(dict(form.cleaned_data))
        except ValidationError as error:
            # Django's add_error(None, …) puts an error naming fields beside those fields.
            form.add_error(None, error)
        else:
            messages.success(request, success)
            return redirect(next_url(result) if callable(next_url) else next_url)
    page = {"form": form, "title": title, "back": back}
    return render(request, template, {**page, **(context or {})})
