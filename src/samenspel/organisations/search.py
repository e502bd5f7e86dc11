"""What the site search finds in the network: organisations and people.

Both are the national register (every signed-in user reads their pages), but the search
keeps to the request's association: organisations that take part in it or hold a seat in
one of its bodies, and people who hold (or held) a seat in one of its bodies or work for
such an organisation. Another association's people are not found here.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from samenspel.organisations.models import (
    AssociationMembership,
    Membership,
    Organisation,
    Person,
    Post,
)
from samenspel.web.search import Hit, terms_q

ORGANISATION_FIELDS = ("name", "short_name")
PERSON_FIELDS = ("name",)


def organisations_matching(qs: QuerySet[Organisation], terms: list[str]) -> QuerySet:
    """The one match of organisations (full-text search can replace it here)."""
    return qs.filter(terms_q(terms, ORGANISATION_FIELDS))


def people_matching(qs: QuerySet[Person], terms: list[str]) -> QuerySet[Person]:
    """The one match of people."""
    return qs.filter(terms_q(terms, PERSON_FIELDS))


def _in_association(association, organisation: str) -> Q:
    """`organisation` (a path to an organisation's pk) takes part in `association` or holds
    a seat in one of its bodies."""
    taking_part = AssociationMembership.objects.filter(
        association=association, organisation=OuterRef(organisation)
    )
    seated = Post.objects.filter(body__association=association, organisation=OuterRef(organisation))
    return Q(Exists(taking_part)) | Q(Exists(seated))


def organisations_found(request: HttpRequest, terms: list[str]) -> QuerySet[Organisation]:
    association = request.association  # type: ignore[attr-defined]
    qs = Organisation.objects.filter(_in_association(association, "pk"))
    return organisations_matching(qs, terms)


def people_found(request: HttpRequest, terms: list[str]) -> QuerySet[Person]:
    association = request.association  # type: ignore[attr-defined]
    seat = Membership.objects.filter(post__body__association=association, person=OuterRef("pk"))
    qs = Person.objects.filter(Q(Exists(seat)) | _in_association(association, "organisation"))
    return people_matching(qs.select_related("organisation"), terms)


def organisation_hit(organisation: Organisation) -> Hit:
    parts = [organisation.get_kind_display()]
    if organisation.short_name and organisation.short_name != organisation.name:
        parts.append(organisation.short_name)
    return Hit(
        organisation.name, organisation.get_absolute_url(), _("Organisatie"), " · ".join(parts)
    )


def person_hit(person: Person) -> Hit:
    function = person.function_title or person.get_function_display()
    context = " · ".join(p for p in [function, person.organisation.name] if p)
    return Hit(person.name, person.get_absolute_url(), _("Persoon"), context)
