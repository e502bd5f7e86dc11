"""The choice of a report: as of which date, and for which portfolio or member."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from samenspel.accounts.permissions import is_bureau, organisations_held_by
from samenspel.agenda.models import Agreement
from samenspel.core.dates import FIRST_YEAR, LAST_YEAR, date_in_range, today
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.selectors import participating_governments
from samenspel.reports.constants import FollowTarget, ReportFormat, Verdict
from samenspel.web.forms import AutocompleteSelect, ChoiceLabels, DateInput


class ReportForm(ChoiceLabels, forms.Form):
    peildatum = forms.DateField(label=_("Stand per"), widget=DateInput())
    portefeuille = forms.ModelChoiceField(
        label=_("Portefeuille"),
        queryset=Portfolio.objects.none(),
        to_field_name="slug",
        required=False,
    )
    organisatie = forms.ModelChoiceField(
        label=_("Lid"),
        queryset=Organisation.objects.none(),
        to_field_name="slug",
        required=False,
    )

    def __init__(self, *args, association: Association, scope: str = "", user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["peildatum"].initial = today()
        if scope != "portfolio":
            del self.fields["portefeuille"]
        else:
            self.fields["portefeuille"].required = True
            self.fields["portefeuille"].queryset = Portfolio.objects.filter(
                association=association
            ).order_by("order")
        if scope != "organisation":
            del self.fields["organisatie"]
        else:
            self.fields["organisatie"].required = True
            # The association's members and its partner governments (the province, the
            # water boards): each names an account holder (5.1).
            self.fields["organisatie"].queryset = participating_governments(association).order_by(
                "name"
            )
        own = organisations_held_by(user) if user is not None and not is_bureau(user) else ()
        if own and "organisatie" in self.fields:
            # An account holder starts with their own member chosen (others give a 403).
            self.fields["organisatie"].initial = Organisation.objects.filter(pk__in=own).first()

    def clean_peildatum(self):
        # A date the reader chose: a message on the field, not a report of another date
        # (falling back to today would show figures the reader did not ask for), and
        # outside these years the report's date arithmetic would overflow.
        date = self.cleaned_data["peildatum"]
        if not date_in_range(date):
            raise forms.ValidationError(
                _("Kies een peildatum van %(first)s tot en met %(last)s."),
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
                code="out_of_range",
            )
        return date


class GenerateForm(ReportForm):
    formaat = forms.ChoiceField(
        label=_("Formaat"),
        choices=[(ReportFormat.PDF, "PDF"), (ReportFormat.DOCX, "Word (DOCX)")],
    )


class JudgementForm(ChoiceLabels, forms.Form):
    verdict = forms.ChoiceField(label=_("Oordeel"), choices=[("", "---------"), *Verdict.choices])
    explanation = forms.CharField(label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 4}))
    lessons = forms.CharField(
        label=_("Lessen voor de volgende agenda"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    # The judgement's version as the form was opened; a newer one means a conflict.
    seen = forms.CharField(widget=forms.HiddenInput, required=False)


class EvaluationRoundForm(forms.Form):
    name = forms.CharField(label=_("Naam"), initial="Evaluatie samenwerkingsagenda 2025")
    starts_on = forms.DateField(label=_("Begint op"), widget=DateInput())
    ends_on = forms.DateField(label=_("Eindigt op"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("starts_on") and data.get("ends_on") and data["ends_on"] < data["starts_on"]:
            self.add_error("ends_on", _("De einddatum ligt voor de begindatum."))
        return data


class FollowForm(forms.Form):
    target = forms.ChoiceField(choices=FollowTarget.choices, widget=forms.HiddenInput)
    object_id = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    stop = forms.BooleanField(required=False, widget=forms.HiddenInput)


class FollowChoiceForm(ChoiceLabels, forms.Form):
    """What to follow: the association's portfolios and agreements."""

    empty_labels = {
        "portfolio": _("— kies een portefeuille —"),
        "agreement": _("— kies een afspraak —"),
    }

    portfolio = forms.ModelChoiceField(
        label=_("Portefeuille"), queryset=Portfolio.objects.none(), required=False
    )
    agreement = forms.ModelChoiceField(
        label=_("Afspraak"),
        queryset=Agreement.objects.none(),
        required=False,
        widget=AutocompleteSelect,
    )

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio"].queryset = Portfolio.objects.filter(
            association=association
        ).order_by("order")
        self.fields["agreement"].queryset = Agreement.objects.filter(
            agenda__association=association
        ).order_by("portfolio__order", "order")

    def chosen(self) -> list[tuple[str, int]]:
        data = self.cleaned_data
        return [
            (target, data[field].pk)
            for field, target in (
                ("portfolio", FollowTarget.PORTFOLIO),
                ("agreement", FollowTarget.AGREEMENT),
            )
            if data.get(field)
        ]
