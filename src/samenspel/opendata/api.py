"""The network as Popolo JSON over the API (`/api/v1/netwerk`), as `samenspel exportpopolo`
writes it (organisations/popolo.py).

Organisations and bodies are public (the public pages name them); people are not. So a
visitor, or a user without a role in this association, gets the organisations, bodies
and seats only; who takes part also gets the people who held the seats, by name.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import api_view
from rest_framework.request import Request
from rest_framework.response import Response

from samenspel.accounts.permissions import is_anyone, takes_part
from samenspel.organisations.popolo import popolo_export

PEOPLE = ("persons", "memberships")
_LIST = {"type": "array", "items": {"type": "object", "additionalProperties": True}}
POPOLO_SCHEMA = {
    "type": "object",
    "required": ["organizations", "posts"],
    "properties": {
        "organizations": {**_LIST, "description": "Organisaties en overleggen (`parent_id`)."},
        "posts": {**_LIST, "description": "Zetels van een overleg."},
        "persons": {**_LIST, "description": "Alleen voor wie deelneemt."},
        "memberships": {**_LIST, "description": "Alleen voor wie deelneemt."},
    },
}


def network_document(association: Any, *, with_people: bool) -> dict[str, Any]:
    # Demo rows as the export command includes them by default: the demo labels them.
    data = popolo_export(association=association, include_demo=True)
    if not with_people:
        data = {key: value for key, value in data.items() if key not in PEOPLE}
    return data


@extend_schema(
    summary="Het netwerk als Popolo JSON",
    description=(
        "De organisaties, overleggen en zetels van het samenwerkingsverband in het "
        "Popolo-formaat (zoals Open Raadsinformatie). Zonder aanmelden zonder personen "
        "en lidmaatschappen; wie deelneemt ziet ook wie welke zetel had."
    ),
    responses={200: OpenApiResponse(POPOLO_SCHEMA, description="Popolo JSON")},
    tags=["netwerk"],
)
@api_view(["GET"])
def network(request: Request) -> Response:
    association = getattr(request, "association", None)
    if association is None:
        raise Http404
    return Response(network_document(association, with_people=takes_part(request.user)))


# The predicate PredicatePermission reads on the view, and the one the URL-conf guard and
# the privacy headers read on the function.
network.cls.permission = staticmethod(is_anyone)
network.permission = is_anyone
