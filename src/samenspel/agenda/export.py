"""The loaded agenda back out, in the agenda file format (and as a workbook).

Demo data is a layer on top of the agenda and is never exported. Exporting, loading
the export and exporting again gives the same file (tested).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import yaml
from django.db.models import Q
from openpyxl import Workbook
from openpyxl.styles import Font

from samenspel.agenda.agenda_file import FORMAT
from samenspel.agenda.models import Agenda
from samenspel.organisations.constants import AssociationMembershipKind
from samenspel.organisations.models import (
    Association,
    AssociationMembership,
    Body,
    Organisation,
    Person,
    Portfolio,
)


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values, as a person writing the file would."""
    return {k: v for k, v in values.items() if v not in (None, "", [], {})}


def _membership(memberships: list[AssociationMembership]) -> dict[str, Any]:
    """As a person writes it: `member: true` for a member without dates, nothing for a
    partner without dates (what a listed organisation is), else the block."""
    # The file holds one period (the open one, else the latest); more live in the admin.
    m = min(
        memberships,
        key=lambda m: (m.end_date is not None, -(m.start_date or dt.date.min).toordinal()),
    )
    if not (m.start_date or m.end_date):
        if m.kind == AssociationMembershipKind.MEMBER:
            return {"member": True}
        if m.kind == AssociationMembershipKind.PARTNER:
            return {}
    dates = {"start": m.start_date, "end": m.end_date}
    return {
        "membership": _clean(
            {"kind": m.kind, **{k: d.isoformat() for k, d in dates.items() if d is not None}}
        )
    }


def _organisations(association: Association) -> list[dict]:
    result = []
    memberships: dict[int, list[AssociationMembership]] = {}
    for m in AssociationMembership.objects.filter(association=association):
        memberships.setdefault(m.organisation_id, []).append(m)
    for o in (
        Organisation.objects.filter(is_demo=False, pk__in=memberships)
        .prefetch_related("identifiers", "inhabitant_counts")
        .order_by("pk")
    ):
        result.append(
            _clean(
                {
                    "slug": o.slug,
                    "name": o.name,
                    "short_name": o.short_name,
                    "kind": o.kind,
                    **_membership(memberships[o.pk]),
                    "description": o.description,
                    "identifiers": [
                        {"scheme": i.scheme, "value": i.value}
                        for i in sorted(o.identifiers.all(), key=lambda i: i.scheme)
                    ],
                    "inhabitants": [
                        _clean(
                            {
                                "count": f.count,
                                "reference_date": f.reference_date.isoformat(),
                                "source": f.source,
                                "note": f.note,
                            }
                        )
                        for f in sorted(o.inhabitant_counts.all(), key=lambda f: f.reference_date)
                    ],
                }
            )
        )
    return result


def _bodies(association: Association) -> list[dict]:
    result = []
    bodies = Body.objects.filter(association=association, is_demo=False).select_related(
        "portfolio", "prepares"
    )
    for b in bodies.prefetch_related("posts__organisation", "linked_portfolios").order_by("pk"):
        posts = [
            _clean(
                {
                    "role": p.role,
                    "organisations": [p.organisation.slug] if p.organisation else None,
                    "label": p.label,
                    "when_relevant": p.when_relevant or None,
                }
            )
            for p in sorted(b.posts.all(), key=lambda p: p.pk)
            if not p.is_demo
        ]
        result.append(
            _clean(
                {
                    "slug": b.slug,
                    "name": b.name,
                    "short_name": b.short_name,
                    "abbreviation": b.abbreviation,
                    "kind": b.kind,
                    "portfolio": b.portfolio.slug if b.portfolio else None,
                    "area": b.area,
                    "prepares": b.prepares.slug if b.prepares else None,
                    "description": b.description,
                    "link_status": b.link_status,
                    "linked_portfolios": sorted(p.slug for p in b.linked_portfolios.all()),
                    "posts": posts,
                }
            )
        )
    return result


def _people(association: Association) -> list[dict]:
    """The people of the association's organisations, and whoever holds one of its seats."""
    result = []
    people = (
        Person.objects.filter(is_demo=False)
        .filter(
            Q(organisation__association_memberships__association=association)
            | Q(memberships__post__body__association=association)
        )
        .distinct()
        .select_related("organisation")
    )
    for p in people.prefetch_related("memberships__post__body").order_by("pk"):
        result.append(
            _clean(
                {
                    "slug": p.slug,
                    "name": p.name,
                    "organisation": p.organisation.slug,
                    "function": p.function,
                    "function_title": p.function_title,
                    "email": p.email,
                    "memberships": [
                        _clean(
                            {
                                "body": m.post.body.slug,
                                "role": m.post.role,
                                "label": m.post.label,
                                "start_date": m.start_date.isoformat(),
                                "end_date": m.end_date.isoformat() if m.end_date else None,
                            }
                        )
                        for m in sorted(p.memberships.all(), key=lambda m: m.pk)
                        if not m.is_demo and m.post.body.association_id == association.pk
                    ],
                }
            )
        )
    return result


def _agreements(agenda: Agenda) -> list[dict]:
    result = []
    agreements = agenda.agreements.select_related(
        "portfolio",
        "theme",
        "political_lead",
        "official_lead",
        "political_lead_person",
        "official_lead_person",
    ).prefetch_related("other_portfolios", "partners", "milestones")
    for a in agreements.order_by("order"):
        lead = _clean(
            {
                "political": a.political_lead.slug if a.political_lead else None,
                "official": a.official_lead.slug if a.official_lead else None,
                "political_person": a.political_lead_person.slug
                if a.political_lead_person
                else None,
                "official_person": a.official_lead_person.slug if a.official_lead_person else None,
            }
        )
        portfolios = ([a.portfolio.slug] if a.portfolio else []) + sorted(
            p.slug for p in a.other_portfolios.all()
        )
        result.append(
            _clean(
                {
                    "slug": a.slug,
                    "title": a.title,
                    "topic": a.topic,
                    "description": a.description,
                    "portfolios": portfolios,
                    "theme": a.theme.slug,
                    "kind": a.kind,
                    "role": a.role,
                    "lead": lead,
                    "partners": sorted(o.slug for o in a.partners.all()),
                    "period": a.period_text,
                    "milestones": [
                        _clean({"title": m.title, "when": m.when_text, "when_note": m.when_note})
                        for m in sorted(a.milestones.all(), key=lambda m: m.order)
                        if not m.is_demo
                    ],
                    "source": a.source,
                }
            )
        )
    return result


def _association(association: Association) -> dict[str, Any]:
    return _clean(
        {
            "slug": association.slug,
            "name": association.name,
            "short_name": association.short_name,
            "kind": association.kind,
            "contact_email": association.contact_email,
            "website": association.website,
            "is_example": association.is_example or None,
            "hostnames": sorted(h.hostname for h in association.hosts.all()),
        }
    )


def agenda_export(agenda: Agenda) -> dict[str, Any]:
    programmes = {p.portfolio_id: p for p in agenda.programmes.all()}
    portfolios = []
    for p in Portfolio.objects.filter(association=agenda.association).order_by("order", "pk"):
        programme = programmes.get(p.pk)
        portfolios.append(
            _clean(
                {
                    "slug": p.slug,
                    "name": p.name,
                    "abbreviation": p.abbreviation,
                    "order": p.order,
                    "focus": programme.focus if programme else None,
                    "description": programme.description if programme else None,
                }
            )
        )
    text_fields = [
        "foreword",
        "summary",
        "introduction",
        "mission",
        "vision",
        "strategy",
        "core_functions",
        "environment",
        "improvement_points",
        "progress_monitoring",
        "acknowledgements",
    ]
    return _clean(
        {
            "format": FORMAT,
            "association": _association(agenda.association),
            "agenda": _clean(
                {
                    "slug": agenda.slug,
                    "name": agenda.name,
                    "period_start": agenda.period_start.isoformat(),
                    "period_end": agenda.period_end.isoformat(),
                    **{f: getattr(agenda, f) for f in text_fields},
                }
            ),
            "organisations": _organisations(agenda.association),
            "portfolios": portfolios,
            "bodies": _bodies(agenda.association),
            "people": _people(agenda.association),
            "challenges": [
                _clean(
                    {
                        "slug": c.slug,
                        "number": c.number,
                        "name": c.name,
                        "description": c.description,
                        "portfolios": sorted(p.slug for p in c.portfolios.all()),
                    }
                )
                for c in agenda.challenges.prefetch_related("portfolios")
            ],
            "themes": [
                _clean(
                    {
                        "slug": t.slug,
                        "name": t.name,
                        "kind": t.kind,
                        "portfolios": sorted(p.slug for p in t.portfolios.all()),
                        "description": t.description,
                        "goals": t.goals,
                        "why": t.why,
                        "what": t.what,
                        "who": t.who,
                        "role": t.role,
                        "years": t.years,
                    }
                )
                for t in agenda.themes.prefetch_related("portfolios")
            ],
            "agreements": _agreements(agenda),
            "budget": agenda.budget,
            "staff": agenda.staff,
        }
    )


def agenda_yaml(agenda: Agenda) -> str:
    header = f"# {agenda.name}, exported by Samenspel (format {FORMAT}).\n"
    return header + yaml.safe_dump(
        agenda_export(agenda), allow_unicode=True, sort_keys=False, width=100
    )


def agenda_xlsx(agenda: Agenda) -> bytes:
    """One sheet per part, for reading and checking in a spreadsheet (YAML is the format)."""
    data = agenda_export(agenda)
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = {
        "Afspraken": (
            [
                "slug",
                "titel",
                "portefeuilles",
                "thema",
                "soort",
                "rol",
                "planning",
                "mijlpalen",
                "partners",
                "beschrijving",
            ],
            [
                [
                    a["slug"],
                    a["title"],
                    ", ".join(a.get("portfolios", [])),
                    a["theme"],
                    a["kind"],
                    a.get("role", ""),
                    a.get("period", ""),
                    "; ".join(
                        f"{m.get('when', '')}: {m['title']}" for m in a.get("milestones", [])
                    ),
                    ", ".join(a.get("partners", [])),
                    a.get("description", ""),
                ]
                for a in data.get("agreements", [])
            ],
        ),
        "Thema's": (
            ["slug", "naam", "soort", "portefeuilles"],
            [
                [t["slug"], t["name"], t["kind"], ", ".join(t.get("portfolios", []))]
                for t in data.get("themes", [])
            ],
        ),
        "Organisaties": (
            ["slug", "naam", "soort", "lid"],
            [
                [o["slug"], o["name"], o["kind"], bool(o.get("member"))]
                for o in data["organisations"]
            ],
        ),
        "Overlegorganen": (
            ["slug", "naam", "soort", "portefeuille", "zetels"],
            [
                [b["slug"], b["name"], b["kind"], b.get("portfolio", ""), len(b.get("posts", []))]
                for b in data.get("bodies", [])
            ],
        ),
    }
    for title, (columns, rows) in sheets.items():
        sheet = workbook.create_sheet(title)
        sheet.append(columns)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
