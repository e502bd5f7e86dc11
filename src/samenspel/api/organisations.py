"""The network as API resources: organisaties (the association's participants)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from samenspel.accounts.permissions import is_anyone
from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.organisations.models import AssociationMembership, Organisation


class OrganisationSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:organisaties-detail")
    code = serializers.CharField(source="slug")
    naam = serializers.CharField(source="name")
    korteNaam = serializers.CharField(source="short_name")
    soort = serializers.CharField(source="kind")

    class Meta:
        model = Organisation
        fields = ["url", "id", "code", "naam", "korteNaam", "soort"]


class OrganisationViewSet(ResourceViewSet):
    """Organisations are public (the public page names them); people are not."""

    permission = staticmethod(is_anyone)
    serializer_class = OrganisationSerializer

    def get_owned_queryset(self) -> Any:
        ids = AssociationMembership.objects.filter(association=self.association).values(
            "organisation_id"
        )
        return Organisation.objects.filter(pk__in=ids).order_by("name", "pk")

    def public_queryset(self) -> Any:
        return self.get_owned_queryset()
