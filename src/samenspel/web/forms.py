"""Form pieces every app uses."""

from typing import ClassVar

from django import forms
from django.forms.boundfield import BoundField
from django.forms.utils import pretty_name
from django.utils.translation import gettext_lazy as _


class DateInput(forms.DateInput):
    """A native date picker; it needs ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


DJANGO_EMPTY_LABEL = "---------"


def _lower_first(text: str) -> str:
    """'Portefeuille' -> 'portefeuille'; an abbreviation ('PHO-besluit') stays as it is."""
    return text if text[1:2].isupper() else text[:1].lower() + text[1:]


def _empty_label(field: forms.Field, name: str) -> str:
    if not field.required:
        return str(_("— geen —"))
    label = _lower_first(str(field.label or pretty_name(name)))
    return str(_("— kies een %(field)s —") % {"field": label})


def _relabel(field: forms.Field, name: str, label: str | None) -> None:
    if isinstance(field, forms.ModelMultipleChoiceField | forms.MultipleChoiceField):
        return
    if isinstance(field, forms.ModelChoiceField):
        if field.empty_label is not None and (label or field.empty_label == DJANGO_EMPTY_LABEL):
            field.empty_label = str(label or _empty_label(field, name))
    elif isinstance(field, forms.ChoiceField):
        choices = list(field.choices)
        first = choices[0] if choices else None
        if first and first[0] in ("", None) and (label or first[1] == DJANGO_EMPTY_LABEL):
            field.choices = [("", str(label or _empty_label(field, name))), *choices[1:]]


class ChoiceLabels(forms.BaseForm):
    """Dutch labels for the empty choice of a select instead of Django's '---------'.

    Mix it into a form: `class MyForm(ChoiceLabels, forms.Form)` (or `forms.ModelForm`).
    `empty_labels` names a field's own label, e.g. `{"portfolio": _("Alle portefeuilles")}`
    in a filter; otherwise a required choice reads "— kies een portefeuille —" (after the
    field's label) and an optional one "— geen —". Applied when a field is rendered or
    read, so the form's `__init__` may still narrow querysets or make fields required.
    `web/tests/test_choice_labels.py` fails when a page shows '---------'.
    """

    empty_labels: ClassVar[dict[str, str]] = {}

    def __getitem__(self, name: str) -> BoundField:
        field = self.fields.get(name)
        if field is not None:
            _relabel(field, name, self.empty_labels.get(name))
        return super().__getitem__(name)


class FilteredSelectMultiple(forms.SelectMultiple):
    """A multiple select with many options (the agreements of a proposal or an agenda item)
    that `samenspel/autocomplete.js` gives a search box above it: typing hides the options
    that do not match (the chosen ones stay visible) and a polite live region says how many
    remain. The native select keeps its keyboard use (type-ahead, Ctrl/Shift) and is what
    the form posts; without JavaScript it is the plain select."""

    def __init__(self, attrs=None, choices=()):
        words = {
            "size": 10,
            "data-filter": _("Zoek in de lijst"),
            "data-autocomplete-none": _("Geen resultaten"),
            "data-autocomplete-one": _("1 resultaat"),
            "data-autocomplete-many": _("%(count)s resultaten"),
        }
        super().__init__({**words, **(attrs or {})}, choices)


class AutocompleteSelect(forms.Select):
    """A select with many options that `samenspel/autocomplete.js` turns into a text box
    to type in (the ARIA combobox pattern); without JavaScript it is the plain select.
    It carries the words the script announces, translated here. Multiple selects get a
    search box instead (`FilteredSelectMultiple`): a combobox for many values would also
    need a list of the chosen ones with a remove button each."""

    def __init__(self, attrs=None, choices=()):
        words = {
            "data-autocomplete": "",
            "data-autocomplete-none": _("Geen resultaten"),
            "data-autocomplete-one": _("1 resultaat"),
            "data-autocomplete-many": _("%(count)s resultaten"),
        }
        super().__init__({**words, **(attrs or {})}, choices)
