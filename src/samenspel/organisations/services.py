"""Writes to the network. Each is atomic; edits check the version the editor started from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model
from django.utils.translation import gettext as _

from samenspel.accounts.models import User
from samenspel.core.history import changed_by
from samenspel.core.versioning import versioned_update
from samenspel.organisations.models import InhabitantCount, Membership, Organisation, Person, Post


def organisation_update(
    *, organisation: Organisation, expected_version: int, user: User | None, **values: Any
) -> Organisation:
    return versioned_update(
        obj=organisation, expected_version=expected_version, user=user, **values
    )


@transaction.atomic
def inhabitant_count_add(
    *,
    organisation: Organisation,
    reference_date: dt.date,
    count: int,
    source: str,
    user: User | None,
) -> InhabitantCount:
    if organisation.inhabitant_counts.filter(reference_date=reference_date).exists():
        raise ValidationError({"reference_date": _("Er is al een inwonertal op deze peildatum.")})
    figure = InhabitantCount(
        organisation=organisation, reference_date=reference_date, count=count, source=source
    )
    changed_by(figure, user)
    figure.full_clean()
    figure.save()
    return figure


@transaction.atomic
def membership_start(
    *, post: Post, person: Person, start_date: dt.date, user: User | None
) -> Membership:
    """Seat `person` in `post` from `start_date`, ending whoever held it the day before."""
    if post.organisation_id and person.organisation_id != post.organisation_id:
        raise ValidationError(
            {
                "person": _("Deze zetel is van %(org)s; kies iemand van die organisatie.")
                % {"org": post.organisation}
            }
        )
    # order_by("pk"): the default ordering joins nullable tables, which FOR UPDATE refuses.
    current_holders = (
        Membership.objects.select_for_update().filter(post=post).active_on(start_date)
    ).order_by("pk")
    for current in current_holders:
        if current.person_id == person.pk:
            raise ValidationError({"person": _("Deze persoon heeft de zetel al.")})
        if current.start_date >= start_date:
            raise ValidationError(
                {"start_date": _("De huidige bezetting begint op of na deze datum.")}
            )
        current.end_date = start_date - dt.timedelta(days=1)
        changed_by(current, user)
        current.save()
    membership = Membership(post=post, person=person, start_date=start_date)
    changed_by(membership, user)
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, end_date: dt.date, user: User | None) -> Membership:
    if end_date < membership.start_date:
        raise ValidationError({"end_date": _("De einddatum ligt vóór de begindatum.")})
    membership.end_date = end_date
    changed_by(membership, user)
    membership.save()
    return membership


def _unique_slug(model: type[Model], name: str) -> str:
    from django.utils.text import slugify

    base = slugify(name)[:70] or "item"
    slug, n = base, 2
    while model._default_manager.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def person_create(*, user: User | None, **values: Any) -> Person:
    person = Person(slug=_unique_slug(Person, values["name"]), **values)
    changed_by(person, user)
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def post_add(
    *, body: Any, role: str, organisation: Organisation | None, label: str, user: User | None
) -> Post:
    if Post.objects.filter(body=body, role=role, organisation=organisation, label=label).exists():
        raise ValidationError(_("Deze zetel bestaat al in dit overlegorgaan."))
    post = Post(body=body, role=role, organisation=organisation, label=label)
    changed_by(post, user)
    post.full_clean()
    post.save()
    return post
