"""The network as an API resource: organisaties, the association's participants. Public, as
on the public pages: organisations are named there, people never are. (The portfolios are
`portefeuilles` in agenda/api.py: what describes them is the agenda's programme.)"""

from __future__ import annotations

from typing import Any

from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from samenspel.accounts.permissions import is_anyone
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.api.query import Sorting
from samenspel.organisations.models import (
    AssociationMembership,
    Identifier,
    InhabitantCount,
    Organisation,
)


class IdentifierSerializer(serializers.ModelSerializer):
    stelsel = serializers.CharField(source="scheme")
    code = serializers.CharField(source="value")

    class Meta:
        model = Identifier
        fields = ["stelsel", "code"]


class InhabitantsSerializer(serializers.ModelSerializer):
    aantal = serializers.IntegerField(source="count")
    peildatum = serializers.DateField(source="reference_date")
    bron = serializers.CharField(source="source")

    class Meta:
        model = InhabitantCount
        fields = ["aantal", "peildatum", "bron"]


class OrganisationSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisaties-detail")
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")
    korteNaam = serializers.CharField(source="short_name")
    soort = serializers.CharField(source="kind")
    deelname = serializers.CharField(
        source="taking_part_as",
        allow_null=True,
        help_text="Hoe de organisatie vandaag deelneemt: member, partner of observer "
        "(leeg: nu niet meer).",
    )
    identificaties = IdentifierSerializer(source="identifiers", many=True)
    inwoners = serializers.SerializerMethodField(
        help_text="Het laatst bekende inwonertal, met peildatum en bron."
    )

    class Meta:
        model = Organisation
        fields = [
            "url",
            "id",
            "code",
            "naam",
            "korteNaam",
            "soort",
            "deelname",
            "identificaties",
            "inwoners",
        ]

    @extend_schema_field(InhabitantsSerializer(allow_null=True))
    def get_inwoners(self, organisation: Organisation) -> Any:
        counts = organisation.inhabitant_counts.all()  # prefetched, newest first
        return InhabitantsSerializer(counts[0]).data if counts else None


class OrganisationViewSet(ResourceViewSet):
    """Organisations are public (the public page names them); people are not."""

    permission = staticmethod(is_anyone)
    serializer_class = OrganisationSerializer
    lookup_value_regex = r"[0-9]+"
    filter_backends = [Sorting]
    sort_fields = {"naam": ("name",), "code": ("slug",), "id": ("pk",)}
    ordering = ["naam"]

    def get_owned_queryset(self) -> Any:
        memberships = AssociationMembership.objects.filter(association=self.association)
        today = memberships.active_on(timezone.localdate()).filter(organisation=OuterRef("pk"))
        return (
            Organisation.objects.filter(pk__in=memberships.values("organisation_id"))
            .annotate(taking_part_as=Subquery(today.order_by("kind").values("kind")[:1]))
            .prefetch_related(
                "identifiers",
                Prefetch(
                    "inhabitant_counts",
                    queryset=InhabitantCount.objects.order_by("-reference_date"),
                ),
            )
            .order_by("name", "pk")
        )

    def public_queryset(self) -> Any:
        return self.get_owned_queryset()
