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

    def save_values(values: dict[str, Any]) -> Any:
        version = values.pop("version")
        return save(obj=obj, expected_version=version, user=request.user, **values)

    return form_page(
        request,
        form_class(request.POST or None, initial=initial),
        save=save_values,
        success=success or _("De wijzigingen zijn opgeslagen."),
        next_url=back,
        title=_("Bewerken: %(name)s") % {"name": obj},
        back=back,
        template=template,
        context=context,
    )


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
    an EditConflict (someone saved the record since the form was opened) keeps what this
    editor typed in the form, shows the saved version beside it (`conflict` in the
    template: the fields that differ) and takes the saved version's number, so the next
    save merges instead of overwriting. Success
    shows `success` and redirects to `next_url`: a URL, or a function of what `save`
    returned (e.g. `lambda person: person.get_absolute_url()`).
    The service does the writing; this only wires it to the request.
    """
    conflict: list[tuple[str, str]] = []
    if request.method == "POST" and form.is_valid():
        try:
            result = save(dict(form.cleaned_data))
        except EditConflict as error:
            conflict = _keep_typed_text(form, error)
        except ValidationError as error:
            _error_on_form(form, error)
        else:
            messages.success(request, success)
            return redirect(next_url(result) if callable(next_url) else next_url)
    page = {"form": form, "title": title, "back": back, "conflict": conflict}
    return render(request, template, {**page, **(context or {})})


def _error_on_form(form: Any, error: ValidationError) -> None:
    """A service's error beside the field it names, or on top when the form has no such
    field (a model's full_clean names model fields; add_error would raise for those)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field_name, errors in error.error_dict.items():
        form.add_error(field_name if field_name in form.fields else None, errors)


def _shown(value: Any) -> str:
    if hasattr(value, "all"):
        return ", ".join(str(v) for v in value.all())
    if value is None or value == "":
        return "—"
    return str(value)


def _keep_typed_text(form: Any, error: EditConflict) -> list[tuple[str, str]]:
    """Keep the typed data in `form`, now against the saved version; return the saved
    values (label, value) of the fields where they differ from what was typed."""
    current = error.current
    typed = dict(form.cleaned_data)
    if current is not None and "version" in form.fields:
        data = form.data.copy()
        data[form.add_prefix("version")] = str(current.version)
        form.data = data
        form.full_clean()
    form.add_error(None, str(error))
    if current is None:
        return []
    differ = []
    for name, field in form.fields.items():
        if name == "version" or not hasattr(current, name):
            continue
        saved = getattr(current, name)
        mine = typed.get(name)
        if hasattr(saved, "all"):
            if {v.pk for v in saved.all()} == {getattr(v, "pk", v) for v in mine or ()}:
                continue
        elif saved == mine:
            continue
        differ.append((str(field.label or name), _shown(saved)))
    return differ
