"""The resource `abonnementen`: a system subscribes to changes of this association.

A signed-in user (or a token, with the scope `read`: a subscription only reads) lists
their own subscriptions, makes one (the answer holds the HMAC secret, once) and deletes
one. What is sent is what that user may read (notifications/visibility.py).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import mixins, serializers, status
from rest_framework.response import Response

from samenspel.api.framework import ResourceSerializer, ResourceViewSet
from samenspel.api.models import Scope
from samenspel.notifications.models import Channel, Subscription
from samenspel.notifications.services import (
    callback_url_errors,
    subscription_create,
    subscription_delete,
)


class SubscriptionSerializer(ResourceSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:abonnementen-detail")
    callbackUrl = serializers.CharField(source="callback_url", max_length=500)
    kanalen = serializers.ListField(
        source="channels", child=serializers.ChoiceField(choices=Channel.choices), min_length=1
    )
    actief = serializers.BooleanField(source="is_active", read_only=True)
    aangemaaktOp = serializers.DateTimeField(source="created_at", read_only=True)

    class Meta:
        model = Subscription
        fields = ["url", "id", "callbackUrl", "kanalen", "actief", "aangemaaktOp"]
        read_only_fields = ["id"]

    def validate_callbackUrl(self, value: str) -> str:
        if errors := callback_url_errors(value):
            raise serializers.ValidationError(errors)
        return value


class NewSubscriptionSerializer(SubscriptionSerializer):
    geheim = serializers.CharField(
        source="secret",
        read_only=True,
        help_text="Het HMAC-geheim waarmee elk bericht is ondertekend; alleen nu getoond.",
    )

    class Meta(SubscriptionSerializer.Meta):
        fields = [*SubscriptionSerializer.Meta.fields, "geheim"]


class SubscriptionViewSet(mixins.DestroyModelMixin, ResourceViewSet):
    serializer_class = SubscriptionSerializer
    write_scope = Scope.READ
    lookup_value_regex = r"[0-9]+"

    def get_owned_queryset(self) -> Any:
        return Subscription.objects.filter(
            association=self.association, user=self.request.user
        ).order_by("-created_at", "-pk")

    @extend_schema(
        request=SubscriptionSerializer,
        responses={201: NewSubscriptionSerializer},
        summary="Abonnement nemen",
    )
    def create(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        subscription = subscription_create(
            association=self.association,
            user=request.user,
            callback_url=serializer.validated_data["callback_url"],
            channels=serializer.validated_data["channels"],
            created_by=request.user,
        )
        data = NewSubscriptionSerializer(subscription, context=self.get_serializer_context()).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"Location": data["url"]})

    @extend_schema(responses={204: None}, summary="Abonnement opzeggen")
    def destroy(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        subscription_delete(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)
