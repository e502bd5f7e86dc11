"""What the site search finds in the agenda: the agreements of the current agenda.

Signed-in users with a role find what the agreement list shows (its status with internal
updates); everyone else the public agreement pages, with the public status (internal
updates left out, as on `/openbaar/`). The match is the list's own search (`q`), so "Alle
N afspraken" opens the list with the same N. On PostgreSQL that match is Dutch full-text
search (`core.fulltext`, index in migration 0006) and the best match comes first.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from samenspel.agenda import selectors
from samenspel.agenda.constants import Status
from samenspel.agenda.models import Agreement
from samenspel.agenda.selectors import agreements_matching
from samenspel.core.fulltext import by_rank
from samenspel.web.search import Hit

__all__ = ["agreements_matching"]  # the one match, shared with the list filter (selectors)


def _agreements(request: HttpRequest, terms: list[str], *, public: bool) -> QuerySet[Agreement]:
    agenda = selectors.current_agenda(request.association)  # type: ignore[attr-defined]
    if agenda is None:
        return Agreement.objects.none()
    qs = agenda.agreements.select_related("portfolio", "theme")
    found = selectors.agreements_with_progress(agreements_matching(qs, terms), public=public)
    return by_rank(found, terms, selectors.SEARCHED, "order", "pk")


def agreements_found(request: HttpRequest, terms: list[str]) -> QuerySet[Agreement]:
    return _agreements(request, terms, public=False)


def public_agreements_found(request: HttpRequest, terms: list[str]) -> QuerySet[Agreement]:
    return _agreements(request, terms, public=True)


def _context(agreement: Agreement) -> str:
    parts = [agreement.portfolio.name if agreement.portfolio else _("Zonder portefeuille")]
    parts += [agreement.theme.name, str(Status(agreement.current_status).label)]  # type: ignore[attr-defined]
    return " · ".join(parts)


def agreement_hit(agreement: Agreement) -> Hit:
    return Hit(agreement.title, agreement.get_absolute_url(), _("Afspraak"), _context(agreement))


def public_agreement_hit(agreement: Agreement) -> Hit:
    url = reverse("public:agreement", kwargs={"slug": agreement.slug})
    return Hit(agreement.title, url, _("Afspraak"), _context(agreement))


def agreements_more_url(query: str) -> str:
    return f"{reverse('agenda:agreements')}?{urlencode({'q': query})}"
