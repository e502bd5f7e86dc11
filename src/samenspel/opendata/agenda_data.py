"""The public agenda as open data: exactly what /openbaar/ shows, as data.

Read with `public=True` everywhere: an internal progress update never counts, and no
person is named (the leads of an agreement are organisations; authors are left out).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Max, Prefetch, Q
from django.urls import reverse

from samenspel.agenda import selectors
from samenspel.agenda.constants import Status, ThemeKind
from samenspel.agenda.models import Agenda, Agreement, Milestone, ProgressUpdate
from samenspel.organisations.models import Association, Portfolio

# How a milestone stands, as the public agreement page says it.
REACHED, OVERDUE, OPEN = "bereikt", "over_tijd", "nog_niet_bereikt"


def _milestone_state(milestone: Milestone, today: dt.date) -> str:
    if milestone.reached_on:
        return REACHED
    if milestone.end and milestone.end < today:
        return OVERDUE
    return OPEN


def public_agreements(agenda: Agenda) -> list[Any]:
    """The agenda's agreements with their public status, milestones, public updates,
    partners and shared portfolios (a fixed number of queries). Annotated (current_status,
    last_update, public_updates), hence Any."""
    updates = ProgressUpdate.objects.standing().filter(is_internal=False)
    return list(
        selectors.agreements_with_progress(
            agenda.agreements.select_related("portfolio", "theme").prefetch_related(
                "milestones",
                "partners",
                "other_portfolios",
                Prefetch("updates", queryset=updates, to_attr="public_updates"),
            ),
            public=True,
        ).order_by("order", "pk")
    )


def _agreement(agreement: Any, today: dt.date, absolute) -> dict[str, Any]:
    return {
        "code": agreement.slug,
        "titel": agreement.title,
        "beschrijving": agreement.description,
        "portefeuille": agreement.portfolio.slug if agreement.portfolio else None,
        "ookInPortefeuilles": sorted(p.slug for p in agreement.other_portfolios.all()),
        "thema": agreement.theme.slug,
        "status": agreement.current_status,
        "statusNaam": str(Status(agreement.current_status).label),
        "planning": agreement.period_text,
        "partners": sorted(o.name for o in agreement.partners.all()),
        "mijlpalen": [
            {"titel": m.title, "wanneer": m.when_text, "stand": _milestone_state(m, today)}
            for m in agreement.milestones.all()
        ],
        "voortgang": [
            {"datum": u.date, "status": u.status, "toelichting": u.text}
            for u in agreement.public_updates
        ],
        "url": absolute(reverse("public:agreement", kwargs={"slug": agreement.slug})),
    }


def agenda_document(agenda: Agenda, *, absolute) -> dict[str, Any]:
    """agenda.json: the whole public agenda. `absolute` makes a path a full URL."""
    today = selectors.today()
    agreements = public_agreements(agenda)
    theme_ids = {a.theme_id for a in agreements}
    themes = agenda.themes.filter(
        Q(pk__in=theme_ids) | Q(kind=ThemeKind.ASSOCIATION_WIDE)
    ).order_by("order", "pk")
    portfolios = Portfolio.objects.filter(association=agenda.association).order_by("order", "pk")
    return {
        "samenwerkingsverband": agenda.association.name,
        "licentie": {
            "naam": agenda.association.get_open_data_licence_display(),
            "url": agenda.association.open_data_licence_url,
        },
        "peildatum": today,
        "agenda": {
            "code": agenda.slug,
            "naam": agenda.name,
            "begin": agenda.period_start,
            "einde": agenda.period_end,
            "missie": agenda.mission,
            "visie": agenda.vision,
            "opgaven": [c.name for c in agenda.challenges.all()],
        },
        "portefeuilles": [
            {
                "code": p.slug,
                "naam": p.name,
                "afkorting": p.abbreviation,
                "url": absolute(reverse("public:portfolio", kwargs={"slug": p.slug})),
            }
            for p in portfolios
        ],
        "themas": [
            {"code": t.slug, "naam": t.name, "soort": t.kind, "jaren": t.years} for t in themes
        ],
        "afspraken": [_agreement(a, today, absolute) for a in agreements],
    }


AGREEMENT_COLUMNS = [
    "code",
    "titel",
    "portefeuille",
    "ookInPortefeuilles",
    "thema",
    "status",
    "statusNaam",
    "planning",
    "partners",
    "mijlpalen",
    "mijlpalenBereikt",
    "mijlpalenOverTijd",
    "laatsteVoortgang",
    "url",
]


def agreement_rows(agenda: Agenda, *, absolute) -> list[dict[str, Any]]:
    """afspraken.csv/.json: one flat row per agreement (lists joined with "; ")."""
    today = selectors.today()
    rows = []
    for agreement in public_agreements(agenda):
        states = [_milestone_state(m, today) for m in agreement.milestones.all()]
        rows.append(
            {
                "code": agreement.slug,
                "titel": agreement.title,
                "portefeuille": agreement.portfolio.name if agreement.portfolio else "",
                "ookInPortefeuilles": "; ".join(
                    sorted(p.name for p in agreement.other_portfolios.all())
                ),
                "thema": agreement.theme.name,
                "status": agreement.current_status,
                "statusNaam": str(Status(agreement.current_status).label),
                "planning": agreement.period_text,
                "partners": "; ".join(sorted(o.name for o in agreement.partners.all())),
                "mijlpalen": len(states),
                "mijlpalenBereikt": states.count(REACHED),
                "mijlpalenOverTijd": states.count(OVERDUE),
                "laatsteVoortgang": agreement.last_update,
                "url": absolute(reverse("public:agreement", kwargs={"slug": agreement.slug})),
            }
        )
    return rows


def agenda_modified(association: Association) -> dt.datetime | None:
    """When the public agenda last changed: an agreement, a milestone or a public update."""
    agenda = selectors.current_agenda(association)
    if agenda is None:
        return None
    times = [
        Agreement.history.filter(agenda_id=agenda.pk).aggregate(m=Max("history_date"))["m"],
        Milestone.history.filter(agreement__agenda_id=agenda.pk).aggregate(m=Max("history_date"))[
            "m"
        ],
        *ProgressUpdate.objects.filter(agreement__agenda=agenda, is_internal=False)
        .aggregate(Max("created_at"), Max("corrected_at"), Max("withdrawn_at"))
        .values(),
    ]
    return max((t for t in times if t is not None), default=None)
