"""The loaded agenda back out, in the agenda file format (and as a workbook).

Demo data is a layer on top of the agenda and is never exported. Exporting, loading
the export and exporting again gives the same file (tested).
"""

from __future__ import annotations

import io
from typing import Any

import yaml
from openpyxl import Workbook
from openpyxl.styles import Font

from samenspel.agenda.agenda_file import FORMAT
from samenspel.agenda.export_network import (
    clean,
    network_bodies,
    network_organisations,
    network_people,
)
from samenspel.agenda.models import Agenda
from samenspel.organisations.models import Association, Portfolio


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
        lead = clean(
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
            clean(
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
                        clean({"title": m.title, "when": m.when_text, "when_note": m.when_note})
                        for m in sorted(a.milestones.all(), key=lambda m: m.order)
                        if not m.is_demo
                    ],
                    "source": a.source,
                }
            )
        )
    return result


def _association(association: Association) -> dict[str, Any]:
    return clean(
        {
            "slug": association.slug,
            "name": association.name,
            "short_name": association.short_name,
            "kind": association.kind,
            "contact_email": association.contact_email,
            "website": association.website,
            "phone": association.phone,
            "address": association.address,
            "primary_colour": association.primary_colour,
            "secondary_colour": association.secondary_colour,
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
            clean(
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
    return clean(
        {
            "format": FORMAT,
            "association": _association(agenda.association),
            "agenda": clean(
                {
                    "slug": agenda.slug,
                    "name": agenda.name,
                    "period_start": agenda.period_start.isoformat(),
                    "period_end": agenda.period_end.isoformat(),
                    **{f: getattr(agenda, f) for f in text_fields},
                }
            ),
            "organisations": network_organisations(agenda.association),
            "portfolios": portfolios,
            "bodies": network_bodies(agenda.association),
            "people": network_people(agenda.association),
            "challenges": [
                clean(
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
                clean(
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
