"""The staff commitment as an API resource: inzet, per member for a year, as the `/inzet/`
page reads it: the cells of Tables 2.1 and 2.2, the member's totals
(`selectors.member_totals`) and the hours realised per quarter
(`realised.planned_vs_realised`)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from samenspel.agenda.models import Agenda
from samenspel.agenda.selectors import current_agenda
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.capacity import realised, selectors
from samenspel.capacity.models import StaffCommitment
from samenspel.core.dates import year_from
from samenspel.organisations.models import Organisation

TABLES = (("2.1", selectors.portfolio_hours_table), ("2.2", selectors.role_hours_table))


@dataclass(frozen=True)
class MemberCommitment:
    """One member's year: the table cells, its totals and what it realised."""

    year: int
    totals: selectors.MemberTotal
    cells: list[dict[str, Any]]
    realised: realised.PlanRow | None

    @property
    def organisation(self) -> Organisation:
        return self.totals.organisation

    @property
    def realised_total(self) -> Decimal:
        return self.realised.realised if self.realised else Decimal(0)

    @property
    def quarters(self) -> list[Decimal | None]:
        return self.realised.quarters if self.realised else [None] * 4


def member_commitments(agenda: Agenda, year: int) -> list[MemberCommitment]:
    """Every member's commitment in `year`, read as the overview page reads it."""
    commitments: list[StaffCommitment] = selectors.staff_commitments(agenda=agenda, year=year)
    member_list = selectors.members(agenda.association)
    shared: dict[str, Any] = {"agenda": agenda, "year": year, "commitments": commitments}
    cells: dict[int, list[dict[str, Any]]] = {}
    for name, table_of in TABLES:
        table = table_of(**shared, member_list=member_list)
        for row in table.rows:
            for column, hours in zip(table.columns, row.cells, strict=True):
                if hours is not None:
                    cells.setdefault(row.organisation.pk, []).append(
                        {"tabel": name, "column": column, "uren": hours}
                    )
    plan = realised.planned_vs_realised(**shared, member_list=member_list)
    realised_rows = {r.organisation.pk: r for r in plan.members if r.organisation}
    return [
        MemberCommitment(
            year=year,
            totals=totals,
            cells=cells.get(totals.organisation.pk, []),
            realised=realised_rows.get(totals.organisation.pk),
        )
        for totals in selectors.member_totals(**shared, member_list=member_list)
    ]


class CommittedSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="display_name")


class CellSerializer(serializers.Serializer):
    tabel = serializers.ChoiceField(choices=["2.1", "2.2"])
    kolom = serializers.CharField(source="column.label")
    omschrijving = serializers.CharField(source="column.title")
    soort = serializers.CharField(source="column.kind")
    portefeuille = serializers.CharField(source="column.portfolio.slug", allow_null=True)
    uren = serializers.IntegerField(help_text="Uren per jaar.")


class CommitmentSerializer(ResourceSerializer):
    jaar = serializers.IntegerField(source="year")
    organisatie = CommittedSerializer(source="organisation")
    portefeuilleUren = serializers.IntegerField(source="totals.portfolios", help_text="Tabel 2.1.")
    rolUren = serializers.IntegerField(source="totals.roles", help_text="Tabel 2.2.")
    overigeUren = serializers.IntegerField(source="totals.other", help_text="Tijdelijke inzet.")
    totaalUren = serializers.IntegerField(source="totals.total")
    inzet = CellSerializer(source="cells", many=True)
    gerealiseerdPerKwartaal = serializers.ListField(
        source="quarters",
        child=serializers.DecimalField(max_digits=10, decimal_places=1, allow_null=True),
        help_text="Gerealiseerde uren in Q1 tot en met Q4 (null: niet ingevuld).",
    )
    gerealiseerdeUren = serializers.DecimalField(
        source="realised_total", max_digits=10, decimal_places=1
    )

    class Meta:
        model = Organisation
        fields = [
            "jaar", "organisatie", "portefeuilleUren", "rolUren", "overigeUren", "totaalUren",
            "inzet", "gerealiseerdPerKwartaal", "gerealiseerdeUren",
        ]  # fmt: skip


@extend_schema(
    parameters=[
        OpenApiParameter(
            "jaar", OpenApiTypes.INT, description="Het jaar (standaard het huidige, als de pagina)."
        )
    ]
)
class CommitmentViewSet(ResourceViewSet):
    """Each member's staff commitment in a year of the current agenda, as on `/inzet/`."""

    serializer_class = CommitmentSerializer

    def get_owned_queryset(self) -> Any:
        return Agenda.objects.filter(association=self.association)

    def list(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        agenda = current_agenda(self.association)
        year = year_from(request.query_params.get("jaar"))
        rows = member_commitments(agenda, year) if agenda is not None else []
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)
