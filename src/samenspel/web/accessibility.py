"""The facts of the accessibility statement (/toegankelijkheid/), in one place.

The statement follows the model of the Dutch government's register
(toegankelijkheidsverklaring.nl, the model statement of digitoegankelijk.nl). Update it
here when something changes: after an evaluation (`EVALUATED_ON`), a new measure, a
limitation fixed or found, or an audit done (then the status may change). The template
`web/accessibility.html` only renders these facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

STANDARD = "EN 301 549 / WCAG 2.1, niveau A en AA"

# The day the statement was drawn up or last changed, and the day the site was last
# evaluated (the automated tests below, run on that day's code).
STATEMENT_DATE = dt.date(2026, 12, 7)
EVALUATED_ON = dt.date(2026, 12, 7)

# Days within which a reported problem gets an answer.
RESPONSE_WORKING_DAYS = 5


@dataclass(frozen=True)
class Status:
    code: str
    label: Promise
    meaning: Promise


# The register's five statuses, best first (digitoegankelijk.nl/toegankelijkheidsverklaring/status).
STATUSES = (
    Status(
        "A",
        _("Voldoet volledig"),
        _(
            "Een volledig onderzoek van hoogstens drie jaar oud (volgens WCAG-EM) toont dat aan "
            "alle 50 eisen wordt voldaan."
        ),
    ),
    Status(
        "B",
        _("Voldoet gedeeltelijk"),
        _(
            "Een volledig onderzoek toont dat nog niet aan alle eisen wordt voldaan; de "
            "maatregelen en wanneer ze klaar zijn, staan beschreven."
        ),
    ),
    Status(
        "C",
        _("Eerste maatregelen genomen"),
        _(
            "Er zijn maatregelen genomen, maar er is nog geen volledig onderzoek; dat is binnen "
            "zes maanden gepland."
        ),
    ),
    Status(
        "D",
        _("Voldoet niet"),
        _("Er is geen volledig onderzoek en er is ook geen gepland."),
    ),
    Status("E", _("Geen verklaring"), _("Er is geen toegankelijkheidsverklaring.")),
)

# Status C holds for six months after the statement: the audit is planned before then.
AUDIT_PLANNED_BEFORE = dt.date(2027, 6, 1)

# Honest: we test a lot automatically, but no independent expert has audited the site.
STATUS = STATUSES[2]


@dataclass(frozen=True)
class Item:
    title: Promise
    text: Promise


MEASURES_TAKEN = (
    Item(
        _("Gebouwd met het NL Design System"),
        _(
            "De pagina's gebruiken de componenten van het NL Design System (Utrecht): koppen, "
            "formulieren, tabellen en meldingen zoals de overheid ze toegankelijk heeft gemaakt."
        ),
    ),
    Item(
        _("Automatische tests met axe-core"),
        _(
            "Bij elke wijziging controleert axe-core de belangrijkste pagina's en werkstromen in "
            "een echte browser op de WCAG 2.1-regels van niveau A en AA, op de breedte van een "
            "laptopscherm en van een telefoon (390 pixels), voor verschillende rollen."
        ),
    ),
    Item(
        _("Bediening met het toetsenbord"),
        _(
            "Werkstromen zoals inloggen, voortgang bijwerken, een besluit vastleggen en het menu "
            "op een telefoon worden in de tests met het toetsenbord doorlopen; een link 'Direct "
            "naar de inhoud' staat bovenaan elke pagina."
        ),
    ),
    Item(
        _("Lezen zonder JavaScript"),
        _(
            "Alle informatie is te lezen zonder JavaScript; scripts maken het werken alleen "
            "prettiger."
        ),
    ),
    Item(
        _("Grafieken met een tabel"),
        _(
            "Elke grafiek heeft een titel en beschrijving voor schermlezers, en dezelfde cijfers "
            "staan in een tabel op de pagina."
        ),
    ),
    Item(
        _("Kleuren van het samenwerkingsverband"),
        _(
            "Een eigen huiskleur wordt alleen geaccepteerd als witte tekst erop een contrast van "
            "minstens 4,5:1 heeft."
        ),
    ),
)

MEASURES_PLANNED = (
    Item(
        _("Onderzoek door een onafhankelijke deskundige"),
        _(
            "Een onafhankelijke deskundige onderzoekt de website op alle eisen van WCAG 2.1 niveau"
            " A en AA, met een steekproef van pagina's en werkstromen en met hulpsoftware zoals "
            "schermlezers. Daarna passen we de status van deze verklaring aan en maken we een plan"
            " voor wat nog niet voldoet."
        ),
    ),
    Item(
        _("Toegankelijke pdf's"),
        _(
            "We onderzoeken of de pdf's (collegevoorstellen, agenda's van vergaderingen, "
            "rapportages) aan PDF/UA kunnen voldoen."
        ),
    ),
)

LIMITATIONS = (
    Item(
        _("Pdf's zijn niet op PDF/UA gecontroleerd"),
        _(
            "Collegevoorstellen, vergaderagenda's, vergaderplanningen en rapportages zijn pdf's in"
            " het archiefformaat PDF/A, met koppen als structuur, een titel en een taal. Ze zijn "
            "niet gecontroleerd op de norm voor toegankelijke pdf's (PDF/UA). Elke rapportage is "
            "ook als webpagina te lezen, en elk collegevoorstel ook als Word-bestand."
        ),
    ),
    Item(
        _("Grafieken gebruiken kleur"),
        _(
            "In de staafgrafieken van de voortgang onderscheiden de delen zich alleen door hun "
            "kleur; lange namen bij de staven worden ingekort. De tabel naast de grafiek geeft "
            "dezelfde cijfers en de volledige namen."
        ),
    ),
    Item(
        _("Door gebruikers geüploade bestanden"),
        _(
            "Vergaderstukken, besluitdocumenten en Word-sjablonen worden door gebruikers geüpload."
            " Wij controleren niet of die bestanden toegankelijk zijn."
        ),
    ),
    Item(
        _("Kalenderbestanden"),
        _(
            "De kalenderbestanden (.ics) van vergaderingen volgen de gangbare standaard; hoe "
            "toegankelijk ze zijn, hangt af van het agendaprogramma dat u gebruikt."
        ),
    ),
)

OMBUDSMAN_URL = "https://www.nationaleombudsman.nl/klacht-indienen"


def statement() -> dict:
    """What the template needs, besides the association (name and contact)."""
    return {
        "standard": STANDARD,
        "statement_date": STATEMENT_DATE,
        "evaluated_on": EVALUATED_ON,
        "status": STATUS,
        "statuses": STATUSES,
        "measures_taken": MEASURES_TAKEN,
        "measures_planned": MEASURES_PLANNED,
        "limitations": LIMITATIONS,
        "response_working_days": RESPONSE_WORKING_DAYS,
        "audit_planned_before": AUDIT_PLANNED_BEFORE,
        "ombudsman_url": OMBUDSMAN_URL,
    }
