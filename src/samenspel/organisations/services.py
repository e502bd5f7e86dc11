"""Writes to the network. Each is atomic; edits check the version the editor started from."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from samenspel.organisations.models import InhabitantCount, Membership, Organisation, Person, Post


class EditConflict(Exception):
    """Someone else saved the record after this editor opened it."""


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, expected_version: int, user: Any, **values: Any
) -> Organisation:
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Iemand anders heeft deze organisatie intussen gewijzigd. Bekijk de nieuwe "
                "gegevens en voer je wijziging opnieuw in."
            )
        )
    for key, value in values.items():
        setattr(locked, key, value)
    locked.version += 1
    locked._history_user = user
    locked.full_clean()
    locked.save()
    return locked


@transaction.atomic
def inhabitant_count_add(
    *, organisation: Organisation, reference_date: dt.date, count: int, source: str, user: Any
) -> InhabitantCount:
    if organisation.inhabitant_counts.filter(reference_date=reference_date).exists():
        raise ValidationError({"reference_date": _("Er is al een inwonertal op deze peildatum.")})
    figure = InhabitantCount(
        organisation=organisation, reference_date=reference_date, count=count, source=source
    )
    figure._history_user = user
    figure.full_clean()
    figure.save()
    return figure


@transaction.atomic
def membership_start(*, post: Post, person: Person, start_date: dt.date, user: Any) -> Membership:
    """Seat `person` in `post` from `start_date`, ending whoever held it the day before."""
    if post.organisation_id and person.organisation_id != post.organisation_id:
        raise ValidationError(
            {
                "person": _("Deze zetel is van %(org)s; kies iemand van die organisatie.")
                % {"org": post.organisation}
            }
        )
    for current in Membership.objects.select_for_update().filter(post=post).active_on(start_date):
        if current.person_id == person.pk:
            raise ValidationError({"person": _("Deze persoon heeft de zetel al.")})
        if current.start_date >= start_date:
            raise ValidationError(
                {"start_date": _("De huidige bezetting begint op of na deze datum.")}
            )
        current.end_date = start_date - dt.timedelta(days=1)
        current._history_user = user
        current.save()
    membership = Membership(post=post, person=person, start_date=start_date)
    membership._history_user = user
    membership.full_clean()
    membership.save()
    return membership


@transaction.atomic
def membership_end(*, membership: Membership, end_date: dt.date, user: Any) -> Membership:
    if end_date < membership.start_date:
        raise ValidationError({"end_date": _("De einddatum ligt vóór de begindatum.")})
    membership.end_date = end_date
    membership._history_user = user
    membership.save()
    return membership
