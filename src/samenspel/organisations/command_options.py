"""`--association SLUG` for management commands that act on one association at a time."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError

from samenspel.organisations.models import Association


def association_argument(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--association",
        help=(
            "Code van het samenwerkingsverband (standaard: het enige, anders "
            "SAMENSPEL_DEFAULT_ASSOCIATION)."
        ),
    )


def association_from(options: dict[str, Any]) -> Association:
    """The association `--association` names; without it the only one, else the default."""
    slug = options.get("association")
    associations = Association.objects.order_by("slug")
    if not slug:
        if associations.count() == 1:
            return associations.get()
        slug = settings.SAMENSPEL_DEFAULT_ASSOCIATION
    association = associations.filter(slug=slug).first()
    if association is None:
        known = ", ".join(associations.values_list("slug", flat=True)) or "geen"
        raise CommandError(
            f"Onbekend samenwerkingsverband '{slug}'. Bekend: {known}. "
            "Gebruik --association met een van die codes."
        )
    return association
