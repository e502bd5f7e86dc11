"""Form pieces every app uses."""

from django import forms


class DateInput(forms.DateInput):
    """A native date picker; it needs ISO dates whatever the language."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
