"""Forms for proposals and decisions; they parse input, the services decide."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.agenda.models import Agreement
from samenspel.decisions.constants import (
    PROPOSAL_SECTIONS,
    PROPOSAL_TEXTS,
    DecisionOutcome,
    PhoOutcome,
    Result,
    Stage,
)
from samenspel.decisions.models import Participant, Proposal
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.selectors import members_of, participating_governments
from samenspel.web.forms import ChoiceLabels, DateInput, FilteredSelectMultiple
from samenspel.web.uploads import document_check

YEAR_LINE = re.compile(r"^\s*(\d{4})\s*[:=;]\s*(?:€\s*)?([\d.,\s]+)\s*$")


def parse_amount(text: str) -> Decimal:
    """Dutch or plain notation: 25.000,50 · 25000,50 · 25000.50 · 25.000."""
    text = text.replace(" ", "")
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(\.\d{3})+", text):
        text = text.replace(".", "")
    return Decimal(text)


def parse_amounts(text: str) -> dict[int, Decimal]:
    """ "2024: 25.000" per line → {2024: Decimal("25000")}; errors name the line."""
    amounts: dict[int, Decimal] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = YEAR_LINE.match(line)
        try:
            if not match:
                raise InvalidOperation
            year, amount = int(match[1]), parse_amount(match[2])
        except InvalidOperation:
            raise forms.ValidationError(
                _("Regel %(n)s ('%(line)s') is geen 'jaar: bedrag', bijvoorbeeld '2024: 25.000'.")
                % {"n": number, "line": line.strip()}
            ) from None
        if year in amounts:
            raise forms.ValidationError(
                _("Het jaar %(year)s staat er twee keer in.") % {"year": year}
            )
        if not 2000 <= year <= 2100:
            raise forms.ValidationError(_("%(year)s is geen geldig jaar.") % {"year": year})
        amounts[year] = amount.quantize(Decimal("0.01"))
    return amounts


class ProposalForm(ChoiceLabels, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    participant_organisations = forms.ModelMultipleChoiceField(
        label=_("Deelnemers"),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Standaard alle twaalf gemeenten; provincie en waterschappen kunnen meedoen."),
    )
    amounts_text = forms.CharField(
        label=_("Bedragen per jaar"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Eén jaar per regel, bijvoorbeeld: 2024: 25.000"),
    )

    class Meta:
        model = Proposal
        fields = [
            "title",
            "portfolio",
            "agreements",
            "proposer",
            "subject",
            "decision_points",
            *PROPOSAL_SECTIONS,
            "affects_local_policy",
            "affects_money",
            "affects_staff",
            "cost_key",
            "reference_date",
            "service_desk_surcharge",
        ]
        widgets = {
            "reference_date": DateInput,
            "agreements": FilteredSelectMultiple,
            **{name: forms.Textarea(attrs={"rows": 3}) for name in PROPOSAL_TEXTS},
            "decision_points": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, association: Association, portfolios=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant_organisations"].queryset = participating_governments(association)
        self.fields["agreements"].queryset = Agreement.objects.filter(
            agenda__association=association
        ).select_related("portfolio")
        self.fields["agreements"].required = False
        self.fields["portfolio"].queryset = (
            Portfolio.objects.filter(association=association) if portfolios is None else portfolios
        )
        if not self.is_bound and not self.initial.get("participant_organisations"):
            self.initial["participant_organisations"] = list(members_of(association))

    def clean_amounts_text(self) -> dict[int, Decimal]:
        return parse_amounts(self.cleaned_data["amounts_text"])


class ProposalCreateForm(ProposalForm):
    hours_per_year = forms.DecimalField(
        label=_("Uren per deelnemer per jaar"),
        min_value=0,
        initial=0,
        decimal_places=1,
        help_text=_("Per deelnemer aan te passen op de pagina van het voorstel."),
    )


class PhoDecisionForm(forms.Form):
    decided_on = forms.DateField(label=_("Datum van het PHO"), widget=DateInput)
    outcome = forms.ChoiceField(label=_("PHO-besluit"), choices=PhoOutcome.choices)
    reference = forms.CharField(label=_("Kenmerk"), required=False, max_length=60)


class SendForm(forms.Form):
    sent_on = forms.DateField(label=_("Verstuurd op"), widget=DateInput, initial=timezone.localdate)
    deadline = forms.DateField(label=_("Besluit gevraagd vóór"), widget=DateInput)
    without_pho_reason = forms.CharField(
        label=_("Waarom dit voorstel zonder PHO-besluit naar de colleges gaat"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De reden staat op het voorstel en in de geschiedenis."),
        error_messages={
            "required": _(
                "Geef de reden waarom dit voorstel zonder PHO-besluit naar de colleges gaat."
            )
        },
    )

    def __init__(self, *args: Any, without_pho: bool = False, **kwargs: Any):
        """`without_pho`: the proposal asks money without a positive PHO decision, so the
        bureau says why it goes anyway."""
        super().__init__(*args, **kwargs)
        if not without_pho:
            del self.fields["without_pho_reason"]


class DecisionForm(forms.Form):
    decided_on = forms.DateField(label=_("Besluitdatum"), widget=DateInput)
    outcome = forms.ChoiceField(label=_("Besluit"), choices=DecisionOutcome.choices)
    reference = forms.CharField(label=_("Kenmerk"), required=False, max_length=80)
    document = forms.FileField(
        label=_("Besluitdocument"), required=False, help_text=_("PDF, DOCX of ODT.")
    )
    remark = forms.CharField(
        label=_("Opmerking"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean_document(self):
        document = self.cleaned_data.get("document")
        if document:
            document_check(document)
        return document

    def add_error(self, field: str | None, error: Any) -> None:
        """Beside any error, the file chosen: a browser forgets it when the form comes
        back, so the document field says to choose it again (next to that field)."""
        super().add_error(field, error)
        chosen = self.files.get(self.add_prefix("document")) if self.is_bound else None
        if chosen and field != "document" and "document" not in self._errors:
            super().add_error(
                "document",
                _(
                    "Je had '%(name)s' gekozen. Kies het bestand opnieuw: na een foutmelding "
                    "bewaart de browser het niet."
                )
                % {"name": chosen.name},
            )


class DecisionCorrectForm(DecisionForm):
    """The decision as recorded, to correct, with the reason why."""

    reason = forms.CharField(
        label=_("Reden van de correctie"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Komt in de geschiedenis te staan, bij de versie van vóór de correctie."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["document"].help_text = _(
            "PDF, DOCX of ODT. Laat leeg om het vastgelegde document te houden."
        )


class ParticipantPlanForm(forms.ModelForm):
    """After sending only the planned college date can change."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("version", self.instance.version)

    class Meta:
        model = Participant
        fields = ["planned_on"]
        widgets = {"planned_on": DateInput}


class ParticipantForm(ParticipantPlanForm):
    class Meta(ParticipantPlanForm.Meta):
        fields = ["hours_per_year", "fixed_amount", "planned_on"]


class CoalitionForm(forms.Form):
    confirmed_on = forms.DateField(
        label=_("Bevestigd op"), widget=DateInput, initial=timezone.localdate
    )
    note = forms.CharField(
        label=_("Waarom wie niet meedoet er geen nadeel van heeft"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class WithdrawForm(forms.Form):
    withdrawn_on = forms.DateField(
        label=_("Ingetrokken op"), widget=DateInput, initial=timezone.localdate
    )
    confirm = forms.BooleanField(label=_("Ja, trek dit voorstel in"))


class TemplateForm(ChoiceLabels, forms.Form):
    empty_labels = {"organisation": _("— algemeen: alle deelnemers zonder eigen sjabloon —")}

    name = forms.CharField(label=_("Naam"), max_length=120)
    organisation = forms.ModelChoiceField(
        label=_("Huisstijl van"),
        queryset=Organisation.objects.none(),
        required=False,
        help_text=_("Leeg: voor alle deelnemers zonder eigen sjabloon."),
    )
    file = forms.FileField(label=_("Word-sjabloon (.docx)"))

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = participating_governments(association)


class ProposalFilterForm(ChoiceLabels, forms.Form):
    empty_labels = {
        "portfolio": _("Alle portefeuilles"),
        "stage": _("Alle fasen"),
        "result": _("Alle uitkomsten"),
    }

    q = forms.CharField(label=_("Zoeken"), required=False)
    portfolio = forms.ModelChoiceField(
        label=_("Portefeuille"), queryset=Portfolio.objects.none(), required=False
    )
    stage = forms.ChoiceField(label=_("Fase"), choices=[("", "—"), *Stage.choices], required=False)
    result = forms.ChoiceField(
        label=_("Uitkomst"), choices=[("", "—"), *Result.choices], required=False
    )
    overdue = forms.BooleanField(label=_("Alleen met deelnemers over tijd"), required=False)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio"].queryset = Portfolio.objects.filter(association=association)
