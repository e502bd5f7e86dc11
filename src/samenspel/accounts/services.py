"""Writes and checks on users: a user with history is deactivated, never deleted.

The history of every model names the user who made each change (simple-history's
`history_user`, which deleting the user would set to empty), and some records name the
user who wrote them (an author, who recorded a payment...). Such a user stays, inactive,
so the record of who did what stays whole.

Rows of the user model's own history about the user themself do not count: signing in
saves `last_login`, which writes such a row naming the user as who, and it records
nothing the user did to anyone else.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models, transaction

from samenspel.accounts.models import User


def _user_references() -> Iterator[tuple[type[models.Model], str]]:
    """(model, field name) of every foreign key to the user that keeps a record of them:
    `history_user` of each historical model, and the keys of other records that deleting
    the user would empty or refuse (not CASCADE: what cascades is the user's own, such as
    their roles, follows and sent reminders). Copies of keys inside historical rows are
    not counted; who made a change is `history_user`."""
    user_model = get_user_model()
    for model in apps.get_models():
        keys = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.ForeignKey) and field.related_model is user_model
        ]
        if any(field.name == "history_user" for field in keys):
            yield model, "history_user"
            continue
        for field in keys:
            if field.remote_field.on_delete is not models.CASCADE:
                yield model, field.name


def _references_to(user: User, model: type[models.Model], field: str) -> models.QuerySet:
    rows = model._default_manager.filter(**{field: user})
    if getattr(model, "instance_type", None) is get_user_model():
        # The user's own history rows (signing in, their own profile) are about them.
        rows = rows.exclude(id=user.pk)
    return rows


def user_has_history(user: User) -> bool:
    """Whether `user` made a change in any history (other than to their own user row), or
    is named by a record that keeps them."""
    return any(_references_to(user, model, field).exists() for model, field in _user_references())


@transaction.atomic
def user_deactivate(user: User) -> User:
    """Sign-in off for good; the row, and so every history row naming it, stays."""
    if user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
    return user
