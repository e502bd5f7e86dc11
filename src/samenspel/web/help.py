"""Help per area of the main menu: one short Dutch page each, at /help/<area>/.

The areas are those of `navigation.AREAS` (keyed by the same URL names), so the footer's
"Help" can point to the help of the area a page is in. The text lives in the templates
`web/help/<slug>.html`; the help of the public pages and the index are open to
everyone, the rest is for signed-in users.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class HelpArea:
    slug: str
    label: Promise
    area: str  # the URL name of the area in navigation.AREAS
    summary: Promise
    public: bool = False

    @property
    def template(self) -> str:
        return f"web/help/{self.slug}.html"

    @property
    def url(self) -> str:
        if self.public:
            return reverse("pages:help_public")
        return reverse("pages:help", kwargs={"area": self.slug})


HELP_AREAS: dict[str, HelpArea] = {
    area.slug: area
    for area in (
        HelpArea(
            "overzicht",
            _("Overzicht"),
            "web:dashboard",
            _("Uw startpagina: wat u te doen hebt, en de cijfers van het samenwerkingsverband."),
        ),
        HelpArea(
            "agenda",
            _("Agenda"),
            "agenda:overview",
            _("De samenwerkingsagenda: afspraken, mijlpalen en hoe ver ze zijn."),
        ),
        HelpArea(
            "organisaties",
            _("Organisaties"),
            "organisations:list",
            _("Gemeenten, provincie, waterschappen en partners, met hun mensen en overleggen."),
        ),
        HelpArea(
            "voorstellen",
            _("Voorstellen"),
            "decisions:list",
            _("Voorstellen in het gezamenlijke format en de besluiten van de colleges."),
        ),
        HelpArea(
            "financien",
            _("Financiën"),
            "finance:overview",
            _("Begroting, bijdragen per deelnemer, projecten, handgeld en declaraties."),
        ),
        HelpArea(
            "inzet",
            _("Inzet"),
            "capacity:overview",
            _("De uren die ambtenaren van de deelnemers in de samenwerking steken."),
        ),
        HelpArea(
            "overleggen",
            _("Overleggen"),
            "meetings:list",
            _("Vergaderingen, agenda's en stukken, genodigden, uitkomsten, acties en notulen."),
        ),
        HelpArea(
            "rapportages",
            _("Rapportages"),
            "reports:list",
            _("Rapportages op een peildatum, de evaluatieronde en wekelijkse e-mails."),
        ),
        HelpArea(
            "openbaar",
            _("Openbaar"),
            "public:index",
            _("De openbare pagina's voor inwoners en raadsleden, zonder inloggen."),
            public=True,
        ),
    )
}

# Navigation area (URL name) → its help.
HELP_BY_AREA = {area.area: area for area in HELP_AREAS.values()}


def help_url_for(area_name: str | None, *, signed_in: bool = True) -> str:
    """The help of the area `area_name` (a URL name of navigation.AREAS), else the index;
    for a visitor who is not signed in only a public help page (the index otherwise)."""
    area = HELP_BY_AREA.get(area_name or "")
    if area is None or not (signed_in or area.public):
        return reverse("pages:help_index")
    return area.url
