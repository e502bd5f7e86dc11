"""The building blocks every resource of the API uses (docs/api.md, "Writing a resource").

A resource is a viewset in its own app's `api.py`, registered in that app's `ready()`
(`samenspel.api.registry.register`). It subclasses `ResourceViewSet` and declares:

- `permission`: the predicate of `accounts.permissions` for reading (as `@require` on a
  page); `is_anyone` when the public may read part of it, with `public_queryset`;
- `get_owned_queryset()`: the rows of `self.association` (every query names it);
- for writes, the service the page calls and the page's predicate with its object.

The base class gives the rest: the association from the host, 404 for a signed-in user
without a role there (as the pages), `fields` selection, an `ETag` on every object,
`If-Match` checks (412 when stale), pagination with links, and the rate limits.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, mixins, serializers, viewsets
from rest_framework.response import Response

from samenspel.accounts.permissions import takes_part
from samenspel.api.openapi import FIELDS_PARAM
from samenspel.api.permissions import PredicatePermission, may_read_owned
from samenspel.api.problems import PreconditionFailed, PreconditionRequired

# --- fields selection and ETags --------------------------------------------------------------


def etag_of(data: Any) -> str:
    """A strong ETag of a representation: the same JSON gives the same tag."""
    text = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return '"' + hashlib.sha256(text.encode()).hexdigest()[:32] + '"'


class ResourceSerializer(serializers.ModelSerializer):
    """Leaves out what `?fields=` did not ask for (its `url` stays, to follow)."""

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        wanted = self.context.get("fields")
        root = self.root
        is_resource = self is root or (
            isinstance(root, serializers.ListSerializer) and self.parent is root
        )
        if wanted and is_resource:  # not the objects nested inside it
            return {k: v for k, v in data.items() if k in wanted or k == "url"}
        return data


class ResourceViewSet(ABC, mixins.ListModelMixin, viewsets.GenericViewSet):
    permission: Any = staticmethod(may_read_owned)
    write_scope: str = ""  # the token scope a write needs
    permission_classes = [PredicatePermission]

    @property
    def association(self) -> Any:
        association = getattr(self.request, "association", None)
        if association is None:
            raise Http404
        return association

    def reads_public_only(self) -> bool:
        """Visitors, and signed-in users without a role here, see what /openbaar/ shows."""
        return not takes_part(self.request.user)

    @abstractmethod
    def get_owned_queryset(self) -> Any:
        """The rows of `self.association` that a participant reads: every resource
        names its own (a class without it cannot be made, so cannot be registered)."""

    def public_queryset(self) -> Any:
        return self.get_owned_queryset().none()

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):  # the OpenAPI generator: no request
            return self.get_serializer_class().Meta.model.objects.none()
        if self.reads_public_only():
            return self.public_queryset()
        return self.get_owned_queryset()

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["public"] = self.reads_public_only() if hasattr(self, "request") else True
        wanted = self.request.query_params.get(FIELDS_PARAM, "") if hasattr(self, "request") else ""
        if wanted:
            names = [n.strip() for n in wanted.split(",") if n.strip()]
            known = set(self.get_serializer_class()().fields)
            unknown = [n for n in names if n not in known]
            if unknown:
                raise exceptions.ValidationError(
                    {FIELDS_PARAM: _("Onbekend veld: %(f)s.") % {"f": ", ".join(unknown)}}
                )
            context["fields"] = set(names)
        return context

    # ETag on one object; If-None-Match answers 304.
    def current_etag(self, obj: Any) -> str:
        context = {**self.get_serializer_context(), "fields": None}
        return etag_of(self.get_serializer_class()(obj, context=context).data)

    def retrieve(self, request: Any, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        tag = self.current_etag(obj)
        # If-None-Match compares weakly (RFC 9110): W/"x" matches "x"; * matches any.
        sent = [
            t.strip().removeprefix("W/")
            for t in request.headers.get("If-None-Match", "").split(",")
        ]
        if tag in sent or "*" in sent:
            response = Response(status=304)
        else:
            response = Response(self.get_serializer(obj).data)
        response["ETag"] = tag
        return response

    def check_if_match(self, obj: Any, *, required: bool = False) -> None:
        """A write names the version it saw (If-Match); a stale one is refused with 412.
        Call it inside the write's transaction, after locking the row."""
        sent = self.request.headers.get("If-Match")
        if not sent:
            if required:
                raise PreconditionRequired()
            return
        if sent.strip() != "*" and self.current_etag(obj) not in [
            t.strip() for t in sent.split(",")
        ]:
            raise PreconditionFailed()
