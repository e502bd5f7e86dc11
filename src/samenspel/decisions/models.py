"""Proposals in the association format (VDG-format) and each executive's decisions.

A proposal is one record that every participant's executive decides on. The decisions
are appended (a postponement and the later agreement are two rows), and the current
state is derived from them in `selectors.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.decisions.constants import (
    PROPOSAL_COST_KEYS,
    DecisionOutcome,
    PhoOutcome,
    Stage,
)
from samenspel.finance.constants import ContributionKey
from samenspel.finance.models import money


class Proposal(models.Model):
    title = models.CharField(_("titel"), max_length=250)
    portfolio = models.ForeignKey(
        "organisations.Portfolio",
        verbose_name=_("portefeuille"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    agreements = models.ManyToManyField(
        "agenda.Agreement", verbose_name=_("afspraken"), blank=True, related_name="proposals"
    )
    proposer = models.ForeignKey(
        "organisations.Person",
        verbose_name=_("indiener"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposals",
    )
    # The sections of a college proposal, in the order the format prints them.
    subject = models.TextField(_("onderwerp"))
    decision_points = models.TextField(
        _("beslispunten"), help_text=_("Eén beslispunt per regel; ze worden genummerd.")
    )
    introduction = models.TextField(_("inleiding en aanleiding"), blank=True)
    intended_effect = models.TextField(_("beoogd effect"), blank=True)
    arguments = models.TextField(_("argumenten"), blank=True)
    risks = models.TextField(_("kanttekeningen en risico's"), blank=True)
    finance_text = models.TextField(_("financiën"), blank=True)
    staff_text = models.TextField(_("personele capaciteit"), blank=True)
    communication = models.TextField(_("communicatie"), blank=True)
    implementation = models.TextField(_("uitvoering en evaluatie"), blank=True)

    affects_local_policy = models.BooleanField(_("gevolgen voor lokaal beleid"), default=False)
    affects_money = models.BooleanField(_("financiële gevolgen"), default=False)
    affects_staff = models.BooleanField(_("gevolgen voor personele capaciteit"), default=False)

    cost_key = models.CharField(
        _("verdeelsleutel"),
        max_length=20,
        choices=list(PROPOSAL_COST_KEYS.items()),
        default=ContributionKey.PER_INHABITANT,
    )
    reference_date = models.DateField(
        _("peildatum inwonertal"),
        null=True,
        blank=True,
        help_text=_(
            "Inwonertallen zoals ze op deze datum golden; leeg: 1 januari van het eerste jaar."
        ),
    )
    service_desk_surcharge = models.BooleanField(
        _("5% opslag voor het calamiteitenfonds"),
        default=False,
        help_text=_("Voor projecten die via de servicedesk worden gefinancierd (paragraaf 6.1)."),
    )

    stage = models.CharField(_("fase"), max_length=20, choices=Stage.choices, default=Stage.DRAFT)
    pho_decided_on = models.DateField(_("datum PHO-besluit"), null=True, blank=True)
    pho_outcome = models.CharField(
        _("PHO-besluit"), max_length=20, choices=PhoOutcome.choices, blank=True
    )
    pho_reference = models.CharField(
        _("kenmerk PHO-besluit"),
        max_length=60,
        blank=True,
        help_text=_("Bijvoorbeeld het besluitnummer uit de besluitenlijst van het PHO."),
    )
    sent_on = models.DateField(_("verstuurd naar de colleges op"), null=True, blank=True)
    decision_deadline = models.DateField(_("besluit gevraagd vóór"), null=True, blank=True)
    coalition_confirmed_on = models.DateField(
        _("coalitie bevestigd op"),
        null=True,
        blank=True,
        help_text=_("Het bureau bevestigt dat wie niet meedoet er geen nadeel van heeft."),
    )
    coalition_note = models.TextField(_("toelichting coalitie"), blank=True)
    sent_without_pho_reason = models.TextField(
        _("reden voor versturen zonder PHO-besluit"),
        blank=True,
        help_text=_(
            "Een voorstel dat geld van de deelnemers vraagt, gaat alleen zonder PHO-besluit "
            "naar de colleges als het bureau zegt waarom."
        ),
    )
    closed_on = models.DateField(_("afgerond op"), null=True, blank=True)
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    created_on = models.DateField(_("aangemaakt op"))
    is_demo = models.BooleanField(_("demo"), default=False)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords(m2m_fields=[agreements])

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("voorstel")
        verbose_name_plural = _("voorstellen")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("decisions:detail", args=[self.pk])

    @property
    def needs_executive_decisions(self) -> bool:
        """Any consequence for local policy, money or staff needs every executive."""
        return self.affects_local_policy or self.affects_money or self.affects_staff

    @property
    def participant_organisations(self) -> list:
        """The participating organisations (the edit form's initial value)."""
        return [p.organisation for p in self.participants.select_related("organisation")]

    @property
    def amounts_text(self) -> str:
        """The amounts per year as the edit form shows them: one "year: amount" a line."""
        return "\n".join(f"{y.year}: {y.amount}" for y in self.years.all())

    @property
    def decision_point_list(self) -> list[str]:
        return [line.strip() for line in self.decision_points.splitlines() if line.strip()]


class ProposalYear(models.Model):
    """The amount a proposal asks for one year; shared over the participants by the key."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="years")
    year = models.PositiveSmallIntegerField(_("jaar"))
    amount = money(_("bedrag"), validators=[MinValueValidator(0)])
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "year"], name="proposal_year_unique"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="proposal_year_gte0"),
        ]

    def __str__(self) -> str:
        return f"{self.proposal} {self.year}"


class Participant(models.Model):
    """An organisation whose executive decides on the proposal (and pays its share)."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="participants")
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="proposal_participations",
    )
    fixed_amount = money(
        _("vast bedrag per jaar"),
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Bij 'vaste bedragen per deelnemer': wat deze deelnemer per jaar betaalt. Bij "
            "'naar inwonertal': de bijdrage per jaar van de provincie of een waterschap."
        ),
    )
    hours_per_year = models.DecimalField(
        _("uren per jaar"),
        max_digits=8,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0)],
    )
    planned_on = models.DateField(_("gepland in het college op"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, editable=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "organisation"], name="participant_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} · {self.proposal}"


def decision_document_path(instance: ExecutiveDecision, filename: str) -> str:
    return f"besluiten/{instance.participant.proposal_id}/{instance.participant_id}/{filename}"


class ExecutiveDecision(models.Model):
    """One decision of one participant's executive; appended, never edited."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="decisions")
    decided_on = models.DateField(_("besluitdatum"))
    outcome = models.CharField(_("besluit"), max_length=20, choices=DecisionOutcome.choices)
    reference = models.CharField(_("kenmerk"), max_length=80, blank=True)
    document = models.FileField(
        _("besluitdocument"), upload_to=decision_document_path, blank=True, max_length=300
    )
    remark = models.TextField(_("opmerking"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("vastgelegd op"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("collegebesluit")
        verbose_name_plural = _("collegebesluiten")

    def __str__(self) -> str:
        return f"{self.participant.organisation}: {self.get_outcome_display()} ({self.decided_on})"


def template_path(instance: DocumentTemplate, filename: str) -> str:
    return f"sjablonen/{filename}"


class DocumentTemplate(models.Model):
    """A Word template for the college proposal; the bureau may upload house styles.

    A template is its association's: only that association's proposals are made from it,
    also for an organisation that takes part in several associations (each has its own
    house style for it, or none)."""

    association = models.ForeignKey(
        "organisations.Association",
        on_delete=models.PROTECT,
        related_name="document_templates",
        verbose_name=_("samenwerkingsverband"),
    )
    name = models.CharField(_("naam"), max_length=120)
    file = models.FileField(_("Word-sjabloon (.docx)"), upload_to=template_path, max_length=300)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        verbose_name=_("huisstijl van"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg: voor alle deelnemers die geen eigen sjabloon hebben."),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("sjabloon")
        verbose_name_plural = _("sjablonen")

    def __str__(self) -> str:
        return self.name


class ReminderSent(models.Model):
    """One reminder mailed to one user about one pending decision on one day.

    `sendreminders` may run from cron several times a day; this row makes a second run
    on the same day skip what was already sent.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="+")
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "participant", "sent_on"], name="reminder_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.participant} · {self.sent_on}"
