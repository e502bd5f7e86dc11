"""Writing an agenda file into the database: network first, then the agenda's content.

`agenda_file_load` is what `samenspel setup` and `samenspel loadagenda` call: it checks
the schema (on reading) and every cross-reference, and only then writes everything in
one transaction. Loading is an upsert by slug; loading the same file again changes
nothing and adds no history.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from django.db import transaction

from samenspel.agenda.agenda_file import AgendaFile, AgendaFileError
from samenspel.agenda.models import (
    Agenda,
    Agreement,
    Challenge,
    Milestone,
    PortfolioProgramme,
    Theme,
)
from samenspel.agenda.periods import parse_period
from samenspel.agenda.references import references_check
from samenspel.organisations.models import Association, Organisation, Person, Portfolio
from samenspel.organisations.structure import (
    LoadCounts,
    association_load,
    set_m2m,
    structure_load,
    upsert,
)

# Apps above the agenda (finance, capacity) load their own sections of the file: they
# register a loader here in AppConfig.ready(), so the agenda app need not import them.
SectionLoader = Callable[[Agenda, Any, LoadCounts], None]
_SECTION_LOADERS: dict[str, SectionLoader] = {}


def register_section_loader(section: str, loader: SectionLoader) -> None:
    _SECTION_LOADERS[section] = loader


def agenda_file_load(agenda_file: AgendaFile) -> LoadCounts:
    existing = set(Organisation.objects.values_list("slug", flat=True))
    problems = references_check(agenda_file, existing_organisations=existing)
    if problems:
        raise AgendaFileError(agenda_file.path, problems)
    with transaction.atomic():
        counts = LoadCounts()
        association = association_load(agenda_file.data.get("association"), counts)
        structure_load(agenda_file.data, association=association, counts=counts)
        if "agenda" in agenda_file.data:
            agenda = agenda_load(agenda_file.data, association=association, counts=counts)
            for section, loader in _SECTION_LOADERS.items():
                if section in agenda_file.data:
                    loader(agenda, agenda_file.data[section], counts)
    return counts


def agenda_load(data: dict[str, Any], *, association: Association, counts: LoadCounts) -> Agenda:
    meta = data["agenda"]
    text_fields = [
        "foreword",
        "summary",
        "introduction",
        "mission",
        "vision",
        "environment",
        "progress_monitoring",
        "acknowledgements",
    ]
    agenda = upsert(
        Agenda,
        {"slug": meta["slug"]},
        {
            "association": association,
            "name": meta["name"],
            "period_start": dt.date.fromisoformat(meta["period_start"]),
            "period_end": dt.date.fromisoformat(meta["period_end"]),
            **{f: meta.get(f) or "" for f in text_fields},
            "strategy": meta.get("strategy", []),
            "core_functions": meta.get("core_functions", []),
            "improvement_points": meta.get("improvement_points", []),
            # As JSON stores them (year keys become text), so a reload compares equal.
            "budget": json.loads(json.dumps(data.get("budget", {}))),
            "staff": json.loads(json.dumps(data.get("staff", {}))),
        },
        counts,
    )
    portfolios = {p.slug: p for p in Portfolio.objects.filter(association=agenda.association)}
    for item in data.get("portfolios", []):
        upsert(
            PortfolioProgramme,
            {"agenda": agenda, "portfolio": portfolios[item["slug"]]},
            {"focus": item.get("focus") or "", "description": item.get("description") or ""},
            counts,
        )
    for item in data.get("challenges", []):
        challenge = upsert(
            Challenge,
            {"agenda": agenda, "slug": item["slug"]},
            {
                "number": item["number"],
                "name": item["name"],
                "description": item.get("description") or "",
            },
            counts,
        )
        set_m2m(
            challenge, "portfolios", {portfolios[s].pk for s in item.get("portfolios", [])}, counts
        )
    themes = _load_themes(agenda, data.get("themes", []), portfolios, counts)
    _load_agreements(agenda, data.get("agreements", []), themes, portfolios, counts)
    return agenda


def _load_themes(agenda, items, portfolios, counts) -> dict[str, Theme]:
    themes = {}
    for order, item in enumerate(items):
        theme = upsert(
            Theme,
            {"agenda": agenda, "slug": item["slug"]},
            {
                "name": item["name"],
                "kind": item["kind"],
                "description": item.get("description") or "",
                "goals": item.get("goals") or [],
                **{f: item.get(f) or "" for f in ("why", "what", "who", "role")},
                "years": str(item.get("years") or ""),
                "order": order,
            },
            counts,
        )
        set_m2m(theme, "portfolios", {portfolios[s].pk for s in item.get("portfolios", [])}, counts)
        themes[theme.slug] = theme
    return themes


def _lead_values(item: dict, organisations: dict, people: dict) -> dict[str, Any]:
    lead = item.get("lead") or {}
    return {
        "political_lead": organisations.get(lead.get("political") or ""),
        "official_lead": organisations.get(lead.get("official") or ""),
        "political_lead_person": people.get(lead.get("political_person") or ""),
        "official_lead_person": people.get(lead.get("official_person") or ""),
    }


def _load_agreements(agenda, items, themes, portfolios, counts) -> None:
    organisations = {o.slug: o for o in Organisation.objects.all()}
    people = {p.slug: p for p in Person.objects.filter(is_demo=False)}
    for order, item in enumerate(items):
        slugs = item.get("portfolios") or []
        period = parse_period(item.get("period"))
        agreement = upsert(
            Agreement,
            {"agenda": agenda, "slug": item["slug"]},
            {
                "title": item["title"],
                "topic": item.get("topic") or "",
                "description": item.get("description") or "",
                "portfolio": portfolios[slugs[0]] if slugs else None,
                "theme": themes[item["theme"]],
                "kind": item["kind"],
                "role": item.get("role") or "",
                **_lead_values(item, organisations, people),
                "period_text": item.get("period") or "",
                "period_start": period.start if period else None,
                "period_end": period.end if period else None,
                "source": item.get("source") or "",
                "order": order,
            },
            counts,
        )
        set_m2m(agreement, "other_portfolios", {portfolios[s].pk for s in slugs[1:]}, counts)
        set_m2m(
            agreement, "partners", {organisations[s].pk for s in item.get("partners", [])}, counts
        )
        _load_milestones(agreement, item.get("milestones") or [], counts)


def _load_milestones(agreement: Agreement, items: list[dict], counts: LoadCounts) -> None:
    for order, item in enumerate(items):
        when = parse_period(item.get("when"))
        values = {
            "title": item["title"],
            "when_text": item.get("when") or "",
            "when_note": item.get("when_note") or "",
            "start": when.start if when else None,
            "end": when.end if when else None,
        }
        if item.get("reached_on"):
            values["reached_on"] = dt.date.fromisoformat(item["reached_on"])
        upsert(
            Milestone, {"agreement": agreement, "order": order, "is_demo": False}, values, counts
        )
    stale = agreement.milestones.filter(is_demo=False, order__gte=len(items))
    if stale.exists():
        stale.delete()
        counts.add("Milestone", created=False)
