"""Forms of the meetings pages: they parse input; the services decide."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samenspel.agenda.constants import Status
from samenspel.agenda.models import Agreement
from samenspel.decisions.constants import PhoOutcome
from samenspel.decisions.models import Proposal
from samenspel.meetings.constants import ActionStatus, ItemKind, OutcomeKind
from samenspel.meetings.models import Meeting
from samenspel.organisations.models import Association, Body, Person, Portfolio
from samenspel.web.forms import AutocompleteSelect, ChoiceLabels, DateInput, FilteredSelectMultiple


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


def _people():
    return Person.objects.select_related("organisation").order_by("name")


class MeetingFilterForm(ChoiceLabels, forms.Form):
    """Filters of the meeting, decision and action lists: the association's bodies and
    portfolios."""

    empty_labels = {"body": _("Alle overleggen"), "portfolio": _("Alle portefeuilles")}

    body = forms.ModelChoiceField(label=_("Overleg"), queryset=Body.objects.none(), required=False)
    portfolio = forms.ModelChoiceField(
        label=_("Portefeuille"), queryset=Portfolio.objects.none(), required=False
    )
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(association=association).order_by("name")
        self.fields["portfolio"].queryset = Portfolio.objects.filter(association=association)


class MeetingForm(ChoiceLabels, forms.Form):
    """A meeting's when and where; the body is chosen when it is created."""

    title = forms.CharField(
        label=_("Titel"),
        max_length=200,
        required=False,
        help_text=_("Leeg: de naam van het overleg."),
    )
    date = forms.DateField(label=_("Datum"), widget=DateInput)
    start = forms.TimeField(label=_("Begintijd"), widget=TimeInput, initial=dt.time(9, 30))
    end = forms.TimeField(label=_("Eindtijd"), widget=TimeInput, initial=dt.time(11, 30))
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    online_link = forms.URLField(
        label=_("Link online vergadering"), required=False, assume_scheme="https"
    )

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] <= data["start"]:
            self.add_error("end", _("De eindtijd moet na de begintijd liggen."))
        return data

    def values(self) -> dict:
        """The model's fields from the form's date and times (aware, Europe/Amsterdam)."""
        data = self.cleaned_data
        starts_at = timezone.make_aware(dt.datetime.combine(data["date"], data["start"]))
        ends_at = timezone.make_aware(dt.datetime.combine(data["date"], data["end"]))
        return {
            "title": data["title"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "place": data["place"],
            "online_link": data["online_link"],
        }

    @staticmethod
    def initial_for(meeting: Meeting) -> dict:
        starts, ends = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
        return {
            "title": meeting.title,
            "date": starts.date(),
            "start": starts.time(),
            "end": ends.time(),
            "place": meeting.place,
            "online_link": meeting.online_link,
            "version": meeting.version,
        }


class MeetingCreateForm(MeetingForm):
    """The body is one of the association's (the view narrows it to those the user may plan)."""

    body = forms.ModelChoiceField(label=_("Overleg"), queryset=Body.objects.none())

    field_order = ["body"]

    def __init__(self, *args, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Body.objects.filter(association=association).order_by("name")


class MeetingEditForm(MeetingForm):
    version = forms.IntegerField(widget=forms.HiddenInput)


class GuestForm(ChoiceLabels, forms.Form):
    person = forms.ModelChoiceField(
        label=_("Persoon"), queryset=Person.objects.none(), widget=AutocompleteSelect
    )
    reason = forms.CharField(
        label=_("Reden"), max_length=300, help_text=_("Bijv. 'presentatie over de RES'.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = _people()


class RemovalForm(forms.Form):
    reason = forms.CharField(label=_("Reden van de afmelding"), max_length=300)


class AgendaItemForm(ChoiceLabels, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=250)
    kind = forms.ChoiceField(label=_("Soort"), choices=ItemKind.choices)
    description = forms.CharField(label=_("Toelichting"), widget=forms.Textarea, required=False)
    lead = forms.ModelChoiceField(
        label=_("Trekker"),
        queryset=Person.objects.none(),
        required=False,
        widget=AutocompleteSelect,
        help_text=_("Leden van het PHO zijn trekker van de punten die zij agenderen."),
    )
    agreements = forms.ModelMultipleChoiceField(
        label=_("Afspraken"),
        queryset=Agreement.objects.none(),
        required=False,
        widget=FilteredSelectMultiple,
    )
    proposal = forms.ModelChoiceField(
        label=_("Voorstel"), queryset=Proposal.objects.none(), required=False
    )
    duration_minutes = forms.IntegerField(
        label=_("Duur (minuten)"), min_value=1, max_value=600, initial=15
    )
    water_boards_relevant = forms.BooleanField(
        label=_("Relevant voor de waterschappen"),
        required=False,
        help_text=_(
            "Nodigt het waterschap uit bij PHO en ambtelijk overleg EKM en R&W, of een "
            "dijkgraaf bij het bestuur (bijlage 1)."
        ),
    )
    is_confidential = forms.BooleanField(
        label=_("Vertrouwelijk"), required=False, help_text=_("Niet op de openbare pagina.")
    )

    def __init__(self, *args, body: Body, association: Association, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = _people()
        agreements = Agreement.objects.filter(agenda__association=association).order_by("order")
        proposals = Proposal.objects.filter(portfolio__association=association).order_by(
            "-created_on"
        )
        if body.portfolio_id:
            agreements = agreements.filter(portfolio_id=body.portfolio_id)
            proposals = proposals.filter(portfolio_id=body.portfolio_id)
        self.fields["agreements"].queryset = agreements
        self.fields["proposal"].queryset = proposals


class AgendaItemEditForm(AgendaItemForm):
    order = forms.IntegerField(
        label=_("Volgorde"), min_value=0, help_text=_("Lager nummer staat eerder op de agenda.")
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=250, required=False)
    upload = forms.FileField(
        label=_("Bestand"), help_text=_("PDF, Word, Excel, PowerPoint of OpenDocument.")
    )
    is_confidential = forms.BooleanField(
        label=_("Vertrouwelijk"),
        required=False,
        help_text=_("Alleen voor het bureau en de genodigden en leden van het overleg."),
    )


class DocumentVersionForm(forms.Form):
    upload = forms.FileField(label=_("Nieuwe versie"))


class OutcomeForm(ChoiceLabels, forms.Form):
    kind = forms.ChoiceField(label=_("Uitkomst"), choices=OutcomeKind.choices)
    text = forms.CharField(label=_("Besluit of toelichting"), widget=forms.Textarea)
    pho_outcome = forms.ChoiceField(
        label=_("PHO-besluit over het voorstel"),
        choices=[("", "—"), *PhoOutcome.choices],
        required=False,
        help_text=_("Alleen bij een besluit van een PHO over een voorstel."),
    )
    progress_status = forms.ChoiceField(
        label=_("Voortgang van de gekoppelde afspraken"),
        choices=[("", _("Niet bijwerken")), *Status.choices],
        required=False,
        help_text=_("Voegt een voortgangsupdate met deze uitkomst toe aan elke afspraak."),
    )
    action_title = forms.CharField(label=_("Actie"), max_length=300, required=False)
    action_owner = forms.ModelChoiceField(
        label=_("Eigenaar van de actie"),
        queryset=Person.objects.none(),
        required=False,
        widget=AutocompleteSelect,
    )
    action_due_on = forms.DateField(label=_("Actie uiterlijk"), widget=DateInput, required=False)

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_owner"].queryset = _people()
        if not item.proposal_id:
            del self.fields["pho_outcome"]
        if not item.agreements.exists():
            del self.fields["progress_status"]

    def clean(self):
        data = super().clean()
        if data.get("action_title") and not data.get("action_owner"):
            self.add_error("action_owner", _("Een actie heeft een eigenaar."))
        return data


class ActionForm(ChoiceLabels, forms.Form):
    title = forms.CharField(label=_("Actie"), max_length=300)
    owner = forms.ModelChoiceField(
        label=_("Eigenaar"), queryset=Person.objects.none(), widget=AutocompleteSelect
    )
    due_on = forms.DateField(label=_("Uiterlijk"), widget=DateInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = _people()


class ActionCloseForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Afsluiten als"),
        choices=[
            (ActionStatus.DONE, ActionStatus.DONE.label),
            (ActionStatus.CANCELLED, ActionStatus.CANCELLED.label),
        ],
    )
    closed_on = forms.DateField(label=_("Datum"), widget=DateInput, initial=timezone.localdate)
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class MinutesForm(ChoiceLabels, forms.Form):
    text = forms.CharField(
        label=_("Notulen"),
        widget=forms.Textarea(attrs={"rows": 18}),
        required=False,
        help_text=_("Opmaak met HTML (kopjes, lijsten, vet, links); de rest wordt verwijderd."),
    )
    minute_taker = forms.ModelChoiceField(
        label=_("Notulist"),
        queryset=Person.objects.none(),
        required=False,
        widget=AutocompleteSelect,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["minute_taker"].queryset = _people()


class MinutesApproveForm(ChoiceLabels, forms.Form):
    empty_labels = {"at_meeting": _("— kies een vergadering —")}

    at_meeting = forms.ModelChoiceField(label=_("Vastgesteld in"), queryset=Meeting.objects.none())
    with_changes = forms.BooleanField(label=_("Met wijzigingen"), required=False)
    text = forms.CharField(
        label=_("Vastgestelde tekst"),
        widget=forms.Textarea(attrs={"rows": 12}),
        required=False,
        help_text=_("Alleen bij vaststelling met wijzigingen."),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at_meeting"].queryset = (
            Meeting.objects.taking_place()
            .filter(body_id=meeting.body_id, starts_at__gt=meeting.starts_at)
            .order_by("starts_at")
        )


class CorrectionForm(forms.Form):
    text = forms.CharField(label=_("Correctie"), widget=forms.Textarea(attrs={"rows": 6}))
    reason = forms.CharField(label=_("Reden"), max_length=300)


class SendForm(forms.Form):
    dry_run = forms.BooleanField(
        label=_("Proefrun: alleen tonen wat er verstuurd zou worden"),
        required=False,
        initial=True,
    )
