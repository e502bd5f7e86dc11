"""Factories of the money: projects, claims and spendings from the contingency fund, each
of the default association (the VDG in the loaded data) unless told otherwise."""

import datetime as dt
from decimal import Decimal

import factory

from samenspel.finance.models import Claim, FundSpending, Project
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project
        skip_postgeneration_save = True

    association = factory.LazyFunction(association_default)
    slug = factory.Sequence(lambda n: f"project-{n}")
    name = factory.Sequence(lambda n: f"Project {n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    """A claim without a project (a contribution); with `project`, of its association."""

    class Meta:
        model = Claim

    association = factory.LazyAttribute(
        lambda claim: claim.project.association if claim.project else association_default()
    )
    organisation = factory.SubFactory(OrganisationFactory, municipality=True)
    project = None
    year = 2024
    description = factory.Sequence(lambda n: f"Declaratie {n}")
    amount = Decimal("100.00")
    sent_on = dt.date(2024, 3, 1)


class FundSpendingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundSpending

    association = factory.LazyFunction(association_default)
    spent_on = dt.date(2024, 6, 1)
    amount = Decimal("100.00")
    reason = factory.Sequence(lambda n: f"Uitgave {n}")
