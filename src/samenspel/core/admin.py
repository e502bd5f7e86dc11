"""The version check in the Django admin, for records with a `version` field.

Not an app's admin module (core registers nothing): a mixin the apps put in front of
their own admin class, `class OrganisationAdmin(VersionCheckedAdmin, HistoryAdmin)`; and
`HistoryAdmin`, the base of every admin with history, whose history pages are read-only.

The change form carries the version it was opened with (a hidden field). Its `clean`
compares that with the saved version (the row locked for the rest of the admin's
transaction where the database can) and, when someone saved in between, raises a
ValidationError: the admin shows the form again with everything typed still in it, the
saved values of the fields that differ in the message, and nothing written. Like the
pages (`core.pages`), the form then takes the saved version's number, so a second save
is a deliberate one. `save_model` writes only on an update conditioned on the opened
version, bumps the version and saves the record, which records history (simple-history,
with the signed-in user). A record added in the admin starts at version 1, unchecked.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from samenspel.core.versioning import EditConflict

OPENED = "opened_version"


def conflict_message() -> str:
    return _(
        "Iemand anders heeft dit intussen gewijzigd. Je eigen invoer staat nog in het "
        "formulier, maar is niet opgeslagen. Neem over wat je wilt houden en sla opnieuw op."
    )


class VersionCheckedForm(forms.ModelForm):
    """Put before the admin's model form of a change page (see `version_checked_form`)."""

    opened_version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.initial.setdefault(OPENED, self.instance.version)

    @cached_property
    def changed_data(self) -> list[str]:
        # The hidden version is bookkeeping, not a change the admin should log.
        return [name for name in super().changed_data if name != OPENED]

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        opened = cleaned.get(OPENED)
        if opened is None:  # the field's own error ("required") is already on the form
            return cleaned
        model = type(self.instance)
        rows = model._default_manager.filter(pk=self.instance.pk).order_by()
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            # The admin saves inside one transaction: the lock holds until save_model.
            rows = rows.select_for_update()
        saved = rows.first()
        if saved is None:
            raise ValidationError(_("Dit is intussen verwijderd; er is niets opgeslagen."))
        if saved.version != opened:
            self._carry_version(saved.version)
            differ = self._saved_values_that_differ(saved, cleaned)
            message = conflict_message()
            if differ:
                message += " " + _("Nu opgeslagen: %(values)s.") % {"values": "; ".join(differ)}
            raise ValidationError(message, code="edit_conflict")
        return cleaned

    def _carry_version(self, version: int) -> None:
        """Show the form again with the saved version's number in the hidden field."""
        data = cast(Any, self.data).copy()  # a QueryDict (or dict): copied, so writable
        data[self.add_prefix(OPENED)] = str(version)
        self.data = data

    def _saved_values_that_differ(self, saved: Any, typed: dict[str, Any]) -> list[str]:
        differ = []
        for name, field in self.fields.items():
            if name == OPENED or name not in typed:
                continue
            try:
                model_field = saved._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            mine = typed[name]
            if model_field.many_to_many:
                current = list(getattr(saved, name).all())
                if {o.pk for o in current} == {getattr(o, "pk", o) for o in mine or ()}:
                    continue
                shown = ", ".join(str(o) for o in current)
            else:
                current = getattr(saved, name)
                if current == mine or (current in (None, "") and mine in (None, "")):
                    continue
                shown = _shown(model_field, current)
            differ.append(f"{field.label or name}: {shown or '—'}")
        return differ


def _shown(model_field: Any, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    return Truncator(str(value)).chars(80)


def version_checked_form(base: type[forms.ModelForm]) -> type[forms.ModelForm]:
    """`base` (the admin's form) with the hidden opened version and the check in `clean`."""
    if issubclass(base, VersionCheckedForm):
        return base
    metaclass: Any = type(base)
    return metaclass(base.__name__, (VersionCheckedForm, base), {})


class VersionCheckedAdmin(admin.ModelAdmin):
    """Put before the HistoryAdmin (or ModelAdmin) of a model with a `version`."""

    def get_fieldsets(self, request: Any, obj: Any = None) -> Any:
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or OPENED in flatten_fieldsets(fieldsets):
            return fieldsets
        # Declared fields or fieldsets: the hidden field still has to reach the page.
        name, options = fieldsets[-1]
        last = (name, {**options, "fields": [*options["fields"], OPENED]})
        return [*fieldsets[:-1], last]

    def get_readonly_fields(self, request: Any, obj: Any = None) -> Any:
        fields = list(super().get_readonly_fields(request, obj))
        return fields if obj is None or "version" in fields else [*fields, "version"]

    def get_form(self, request: Any, obj: Any = None, change: bool = False, **kwargs: Any):
        if obj is not None:
            kwargs["form"] = version_checked_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change=change, **kwargs)

    def save_model(self, request: Any, obj: Any, form: Any, change: bool) -> None:
        if not change:
            super().save_model(request, obj, form, change)
            return
        opened = form.cleaned_data[OPENED]
        with transaction.atomic(using=router.db_for_write(type(obj))):
            bumped = (
                type(obj)
                ._default_manager.filter(pk=obj.pk, version=opened)
                .update(version=F("version") + 1)
            )
            if not bumped:
                # Saved between clean and here (only where clean could not lock the row):
                # the admin's transaction rolls back, nothing is overwritten.
                raise EditConflict(conflict_message())
            obj.version = opened + 1
            super().save_model(request, obj, form, change)


class HistoryAdmin(SimpleHistoryAdmin):
    """The admin of every model with history: its history pages show old versions, and
    never write one back. simple-history's history page saves what is posted to it with
    only view permission, which would pass by read-only admins, the stage rules of the
    pages and the version check; so a POST there is refused."""

    def history_form_view(
        self, request: HttpRequest, object_id: str, version_id: str, extra_context: Any = None
    ) -> HttpResponse:
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)
