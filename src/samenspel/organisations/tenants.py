"""The tenants: associations, the hostnames they are served on, and who belongs to them.

Organisations and people are the national register every association shares; an
organisation's membership of an association (member, partner, observer, with dates) is
what makes it one of "the members" there (docs/associations.md).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from samenspel.organisations.branding import (
    LOGO_CONTENT_TYPES,
    colour_check,
    colour_tokens,
    logo_check,
    phone_check,
    stylesheet,
)
from samenspel.organisations.constants import AssociationKind, AssociationMembershipKind


def association_logo_path(instance: Association, filename: str) -> str:
    """A new name for every upload, so a changed logo has a new address (and cache)."""
    extension = filename[filename.rfind(".") :].lower() if "." in filename else ""
    return f"samenwerkingsverbanden/{instance.slug}/logo-{secrets.token_hex(6)}{extension}"


class OpenDataLicence(models.TextChoices):
    """The licences an association may publish its open data under (data.overheid.nl asks
    for a Creative Commons licence); CC0 asks nothing of who reuses the data."""

    CC0 = "cc0-1.0", "CC0 1.0"
    CC_BY = "cc-by-4.0", "CC BY 4.0"


# Per licence: the page people read, and the EU authority URI catalogues (DCAT) expect.
LICENCE_URLS = {
    OpenDataLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/deed.nl",
    OpenDataLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/deed.nl",
}
LICENCE_URIS = {
    OpenDataLicence.CC0: "http://publications.europa.eu/resource/authority/licence/CC0",
    OpenDataLicence.CC_BY: "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
}


class Association(models.Model):
    """An association of governments that runs a shared agenda: the tenant of Samenspel.

    Its agendas are its own; organisations and people are the national register all
    associations share (see docs/associations.md).
    """

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=40)
    kind = models.CharField(
        _("soort"), max_length=20, choices=AssociationKind.choices, default=AssociationKind.OTHER
    )
    contact_email = models.EmailField(_("e-mailadres"), blank=True)
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(
        _("telefoonnummer"),
        max_length=30,
        blank=True,
        validators=[phone_check],
        help_text=_("Bijvoorbeeld 0592 123 456 of +31 592 123 456."),
    )
    address = models.CharField(
        _("adres"),
        max_length=200,
        blank=True,
        help_text=_("Post- of bezoekadres op één regel, bijvoorbeeld Postbus 12, 9400 AA Assen."),
    )
    logo = models.FileField(
        _("logo"),
        upload_to=association_logo_path,
        max_length=300,
        blank=True,
        validators=[logo_check],
        help_text=_(
            "PNG, JPEG of WebP, hoogstens 512 kB; het wordt in de kop van elke pagina "
            "getoond, hoogstens 48 pixels hoog. SVG wordt geweigerd."
        ),
    )
    logo_alt = models.CharField(
        _("tekstalternatief van het logo"),
        max_length=200,
        blank=True,
        help_text=_(
            "Wat een schermlezer voorleest als het logo meer zegt dan de naam die ernaast "
            "staat, zoals een slogan. Leeg: het logo wordt overgeslagen, want de naam staat "
            "er al."
        ),
    )
    primary_colour = models.CharField(
        _("hoofdkleur"),
        max_length=7,
        blank=True,
        validators=[colour_check],
        help_text=_(
            "#rrggbb, voor de menubalk, knoppen en links; wit moet erop te lezen zijn "
            "(contrast minstens 4,5:1). Leeg: de kleuren van Samenspel."
        ),
    )
    secondary_colour = models.CharField(
        _("tweede kleur"),
        max_length=7,
        blank=True,
        validators=[colour_check],
        help_text=_(
            "#rrggbb, donkerder, voor de voettekst, koppen en de kleur onder de muis; "
            "contrast met wit minstens 4,5:1. Leeg: een donkerdere tint van de hoofdkleur."
        ),
    )
    is_example = models.BooleanField(
        _("voorbeeld"), default=False, help_text=_("Verzonnen; elke pagina zegt dat.")
    )
    open_data_licence = models.CharField(
        _("licentie open data"),
        max_length=20,
        choices=OpenDataLicence.choices,
        default=OpenDataLicence.CC0,
        help_text=_("Onder welke licentie de openbare gegevens op /openbaar/data/ staan."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")

    def __str__(self) -> str:
        return self.name

    @property
    def open_data_licence_url(self) -> str:
        return LICENCE_URLS[OpenDataLicence(self.open_data_licence)]

    @property
    def open_data_licence_uri(self) -> str:
        return LICENCE_URIS[OpenDataLicence(self.open_data_licence)]

    @property
    def phone_uri(self) -> str:
        """The phone number for a `tel:` link: its digits, with a leading + kept."""
        digits = "".join(character for character in self.phone if character.isdigit())
        return f"+{digits}" if self.phone.strip().startswith("+") else digits

    @property
    def website_display(self) -> str:
        """The website without its scheme and trailing slash: `www.vdg.nl`."""
        return self.website.split("://", 1)[-1].rstrip("/")

    @property
    def logo_content_type(self) -> str:
        name = self.logo.name or ""
        extension = name[name.rfind(".") :].lower() if "." in name else ""
        return LOGO_CONTENT_TYPES.get(extension, "")

    @property
    def logo_version(self) -> str:
        """Changes with every upload: the query string that lets browsers cache the logo."""
        return _version(self.logo.name or "")

    def colour_tokens(self) -> dict[str, str]:
        return colour_tokens(self.primary_colour, self.secondary_colour)

    @property
    def style_version(self) -> str:
        """Changes with the stylesheet (the colours, or the tokens they set): its query
        string."""
        return _version(stylesheet(self.colour_tokens()))


def _version(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


# Lower-case labels of letters, digits and hyphens, joined by dots (RFC 1123), 253 at most.
HOSTNAME_LABEL = r"[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
HOSTNAME_PATTERN = rf"^(?=.{{1,253}}$){HOSTNAME_LABEL}(\.{HOSTNAME_LABEL})*$"


class AssociationHost(models.Model):
    """A hostname a request for the association arrives on (one or more per association)."""

    association = models.ForeignKey(Association, on_delete=models.CASCADE, related_name="hosts")
    hostname = models.CharField(
        _("hostnaam"),
        max_length=253,
        unique=True,
        validators=[
            RegexValidator(
                HOSTNAME_PATTERN,
                _(
                    "Een hostnaam in kleine letters, zonder http:// en zonder poort, "
                    "bijvoorbeeld vdg.samenspel.nl."
                ),
            )
        ],
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["hostname"]
        verbose_name = _("hostnaam")
        verbose_name_plural = _("hostnamen")

    def __str__(self) -> str:
        return self.hostname


class AssociationMembershipQuerySet(models.QuerySet):
    def active_on(self, date: dt.date) -> AssociationMembershipQuerySet:
        """Memberships that hold on `date`: begun on or before it, not ended before it."""
        return self.filter(Q(start_date__isnull=True) | Q(start_date__lte=date)).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=date)
        )


class AssociationMembership(models.Model):
    """An organisation of the national register belongs to an association, for a while.

    No start date: a member since before Samenspel knew; no end date: still a member.
    Costs per inhabitant, invitations and every rule about "the members" read the
    memberships of kind member that hold on the date in question.
    """

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="association_memberships",
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=AssociationMembershipKind.choices,
        default=AssociationMembershipKind.MEMBER,
    )
    start_date = models.DateField(_("vanaf"), null=True, blank=True)
    end_date = models.DateField(_("tot en met"), null=True, blank=True)
    history = HistoricalRecords()

    objects = AssociationMembershipQuerySet.as_manager()

    class Meta:
        ordering = ["association", "organisation__name", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="association_membership_end_after_start",
            ),
            # One open-ended membership per organisation and association; earlier,
            # ended periods are kept beside it (a member that left and came back).
            models.UniqueConstraint(
                fields=["association", "organisation"],
                condition=Q(end_date__isnull=True),
                name="association_membership_one_open",
            ),
        ]
        verbose_name = _("deelname aan samenwerkingsverband")
        verbose_name_plural = _("deelnames aan samenwerkingsverbanden")

    def __str__(self) -> str:
        return f"{self.organisation} — {self.association} ({self.get_kind_display()})"

    def is_active_on(self, date: dt.date) -> bool:
        return (self.start_date is None or self.start_date <= date) and (
            self.end_date is None or self.end_date >= date
        )
