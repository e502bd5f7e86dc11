"""Contributions as an API resource: bijdragen, per budget year and member, as the
contributions page (`/financien/bijdragen/<year>/`) computes them: the agenda's share
(`selectors.year_figures`: the invoiced amount once invoiced) and each project's share
with its surcharge (`project_shares.project_years_shares`)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from samenspel.agenda.selectors import current_agenda
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.api.query import number_param
from samenspel.core.dates import FIRST_YEAR, LAST_YEAR
from samenspel.finance.contributions import year_contributions
from samenspel.finance.models import BudgetYear
from samenspel.organisations.models import Organisation


def _year(value: str) -> int:
    """`jaar` as the pages take a year, or a 400 naming it."""
    return number_param(value, "jaar", low=FIRST_YEAR, high=LAST_YEAR)


def _money(source: str, **kwargs: Any) -> serializers.DecimalField:
    """Euros with cents, as a string ("1234.56"); `source` "" is the field's own name."""
    if source:
        kwargs["source"] = source
    return serializers.DecimalField(max_digits=14, decimal_places=2, **kwargs)


class ContributorSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")


class ProjectShareSerializer(serializers.Serializer):
    project = serializers.CharField()
    bedrag = _money("", help_text="Aandeel met de opslag voor het calamiteitenfonds.")


class ContributionSerializer(ResourceSerializer):
    jaar = serializers.IntegerField(source="year")
    organisatie = ContributorSerializer(source="organisation")
    cbsCode = serializers.CharField(source="member.code")
    inwoners = serializers.IntegerField(source="member.inhabitants", allow_null=True)
    peildatum = serializers.DateField(source="member.reference_date", allow_null=True)
    agenda = _money("", help_text="Bijdrage aan de samenwerkingsagenda.")
    projecten = ProjectShareSerializer(source="projects", many=True)
    projectenTotaal = _money("projects_total")
    totaal = _money("total")
    gefactureerd = serializers.BooleanField(source="invoiced")
    verschil = _money(
        "difference", help_text="Nu berekend min gefactureerd (nul als niet gefactureerd)."
    )

    class Meta:
        model = Organisation
        fields = [
            "jaar", "organisatie", "cbsCode", "inwoners", "peildatum", "agenda", "projecten",
            "projectenTotaal", "totaal", "gefactureerd", "verschil",
        ]  # fmt: skip


@extend_schema(
    parameters=[
        OpenApiParameter(
            "jaar", OpenApiTypes.INT, description="Alleen dit begrotingsjaar (anders alle jaren)."
        )
    ]
)
class ContributionViewSet(ResourceViewSet):
    """Each member's contribution per budget year of the current agenda; a page of rows
    by year, then member (the contributions page's order)."""

    serializer_class = ContributionSerializer

    def get_owned_queryset(self) -> Any:
        agenda = current_agenda(self.association)
        if agenda is None:
            return BudgetYear.objects.none()
        years = BudgetYear.objects.filter(agenda=agenda).prefetch_related("fixed", "invoiced")
        year = self.request.query_params.get("jaar")
        if year:
            years = years.filter(year=_year(year))
        return years.order_by("year")

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        rows = [
            row
            for budget_year in self.get_queryset()
            for row in year_contributions(budget_year, association=self.association).rows
        ]
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
