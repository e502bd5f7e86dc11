"""Factories of the staff commitment: realised hours, of the default association (the VDG
in the loaded data) unless told otherwise, or of the portfolio's association."""

from decimal import Decimal

import factory

from samenspel.capacity.models import RealisedHours
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory


class RealisedHoursFactory(factory.django.DjangoModelFactory):
    """A quarter's hours on the roles (no portfolio); with `portfolio`, of its association."""

    class Meta:
        model = RealisedHours

    association = factory.LazyAttribute(
        lambda row: row.portfolio.association if row.portfolio else association_default()
    )
    organisation = factory.SubFactory(OrganisationFactory, municipality=True)
    portfolio = None
    year = 2024
    quarter = 1
    hours = Decimal("10.0")
