"""Reports as an API resource: rapportages, the report structure as JSON for a date.

`GET /rapportages` lists the kinds the reports page offers; `GET /rapportages/{soort}`
builds the report as the report page does (`registry.report_build`, the page's form to
read the date and scope, the page's predicates), and returns the same `Report` the page
renders, as JSON: its sections with their blocks, and its key figures.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import exceptions, serializers
from rest_framework.exceptions import ErrorDetail
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.permissions import can_view_reports
from samenspel.api.framework import ResourceViewSet, etag_of
from samenspel.reports.document import BulletList, Chart, Paragraph, Report, Section, Table
from samenspel.reports.forms import ReportForm
from samenspel.reports.registry import REPORT_TYPES, ReportType, report_build
from samenspel.reports.render import figures_json
from samenspel.reports.types.common import ReportUnavailable

SCOPES = {"": "", "portfolio": "portefeuille", "organisation": "organisatie"}


class ReportKindSerializer(serializers.Serializer):
    url = serializers.SerializerMethodField()
    soort = serializers.CharField(source="slug")
    naam = serializers.CharField(source="label")
    omschrijving = serializers.CharField(source="description")
    onderwerp = serializers.SerializerMethodField(
        help_text="Wat de rapportage nog nodig heeft: 'portefeuille', 'organisatie' of leeg."
    )
    pagina = serializers.SerializerMethodField(help_text="De rapportagepagina.")

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_url(self, report_type: ReportType) -> str:
        return self._absolute(reverse("api:rapportages-detail", kwargs={"soort": report_type.slug}))

    def get_onderwerp(self, report_type: ReportType) -> str:
        return SCOPES[report_type.scope]

    def get_pagina(self, report_type: ReportType) -> str:
        return self._absolute(reverse("reports:page", kwargs={"kind": report_type.slug}))

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        wanted = self.context.get("fields")
        if wanted and self.parent is not None:  # one of the list's rows
            return {k: v for k, v in data.items() if k in wanted or k == "url"}
        return data


# --- the Report structure as JSON ------------------------------------------------------


def _table(table: Table) -> dict[str, Any]:
    return {
        "soort": "tabel",
        "bijschrift": table.caption,
        "kolommen": table.columns,
        "rijen": table.rows,
        "voet": table.footer,
        "leeg": table.empty,
    }


def _block(block: Any) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"soort": "alinea", "tekst": block.text, "gedempt": block.muted}
    if isinstance(block, BulletList):
        return {"soort": "lijst", "items": block.items}
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return {
            "soort": "grafiek",
            "titel": block.title,
            "eenheid": block.unit,
            "balken": [
                {
                    "label": bar.label,
                    "segmenten": [{"label": s.label, "waarde": s.value} for s in bar.segments],
                }
                for bar in block.bars
            ],
            "tabel": _table(block.table),
        }
    raise TypeError(f"Unknown report block {type(block).__name__}")


def _section(section: Section) -> dict[str, Any]:
    return {
        "kop": section.heading,
        "anker": section.anchor,
        "blokken": [_block(b) for b in section.blocks],
        "subsecties": [_section(s) for s in section.subsections],
    }


def report_json(report: Report) -> dict[str, Any]:
    """The structure the report page renders, as JSON."""
    return {
        "soort": report.kind,
        "titel": report.title,
        "ondertitel": report.subtitle,
        "peildatum": report.as_of.isoformat(),
        "samenwerkingsverband": report.association,
        "bevatDemo": report.has_demo,
        "secties": [_section(s) for s in report.sections],
        "kerncijfers": figures_json(report),
    }


REPORT_SCHEMA = {
    "type": "object",
    "required": ["soort", "titel", "peildatum", "secties", "kerncijfers"],
    "properties": {
        "_links": {"type": "object"},
        "soort": {"type": "string"},
        "titel": {"type": "string"},
        "ondertitel": {"type": "string"},
        "peildatum": {"type": "string", "format": "date"},
        "samenwerkingsverband": {"type": "string"},
        "bevatDemo": {"type": "boolean"},
        "secties": {"type": "array", "items": {"type": "object"}},
        "kerncijfers": {"type": "object"},
    },
}


def _form_errors(form: ReportForm) -> dict[str, list[ErrorDetail]]:
    return {
        name: [ErrorDetail(e["message"], code=e["code"]) for e in errors]
        for name, errors in form.errors.get_json_data().items()
    }


@extend_schema_view(
    list=extend_schema(summary="De soorten rapportages", responses=ReportKindSerializer(many=True)),
    retrieve=extend_schema(
        summary="Een rapportage per peildatum",
        description=(
            "Dezelfde rapportage als de rapportagepagina, als JSON: de secties met hun "
            "alinea's, lijsten, tabellen en grafieken, en de kerncijfers."
        ),
        parameters=[
            OpenApiParameter(
                "peildatum",
                OpenApiTypes.DATE,
                required=True,
                description="De stand per deze datum (JJJJ-MM-DD).",
            ),
            OpenApiParameter(
                "portefeuille",
                OpenApiTypes.STR,
                description="Code van de portefeuille (bij een portefeuillerapportage).",
            ),
            OpenApiParameter(
                "organisatie",
                OpenApiTypes.STR,
                description="Code van het lid (bij een ledenrapportage).",
            ),
        ],
        responses={200: REPORT_SCHEMA},
    ),
)
class ReportViewSet(ResourceViewSet):
    """Read by who may see the reports page (`can_view_reports`); a member's report only
    by who may see that member's (`can_view_member_report`), as on the page."""

    permission = staticmethod(can_view_reports)
    serializer_class = ReportKindSerializer
    lookup_field = "soort"
    lookup_value_regex = r"[a-z-]+"

    def get_owned_queryset(self) -> Any:
        return list(REPORT_TYPES.values())

    def public_queryset(self) -> Any:
        return []

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        report_type = REPORT_TYPES.get(kwargs.get("soort", ""))
        if report_type is None:
            raise exceptions.NotFound(_("Onbekende soort rapportage."))
        form = ReportForm(
            request.query_params,
            association=self.association,
            scope=report_type.scope,
            user=request.user,
        )
        if not form.is_valid():
            raise exceptions.ValidationError(_form_errors(form))
        scope = {
            "portfolio": form.cleaned_data.get("portefeuille"),
            "organisation": form.cleaned_data.get("organisatie"),
        }
        if not report_type.may_view(request.user, organisation=scope["organisation"]):
            raise PermissionDenied
        try:
            report = report_build(
                association=self.association,
                kind=report_type.slug,
                as_of=form.cleaned_data["peildatum"],
                **scope,
            )
        except ReportUnavailable as exc:
            raise exceptions.NotFound(str(exc)) from exc
        data = {
            "_links": {
                "self": {"href": request.build_absolute_uri()},
                "pagina": {
                    "href": request.build_absolute_uri(
                        reverse("reports:page", kwargs={"kind": report_type.slug})
                    )
                },
            },
            **report_json(report),
        }
        tag = etag_of(data)
        seen = [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]
        response = Response(status=304) if tag in seen else Response(data)
        response["ETag"] = tag
        return response
