import datetime as dt

import factory

from samenspel.organisations.constants import BodyKind, OrganisationKind, PersonFunction, Role
from samenspel.organisations.models import (
    Body,
    InhabitantCount,
    Membership,
    Organisation,
    Person,
    Portfolio,
    Post,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.PARTNER

    class Params:
        municipality = factory.Trait(kind=OrganisationKind.MUNICIPALITY, is_member=True)
        province = factory.Trait(kind=OrganisationKind.PROVINCE)
        water_board = factory.Trait(kind=OrganisationKind.WATER_BOARD)


class InhabitantCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InhabitantCount

    organisation = factory.SubFactory(OrganisationFactory, municipality=True)
    reference_date = dt.date(2024, 1, 1)
    count = 25000
    source = "CBS (test)"


class PortfolioFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Portfolio
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"portefeuille-{n}")
    name = factory.Sequence(lambda n: f"Portefeuille {n}")
    abbreviation = factory.Sequence(lambda n: f"P{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"persoon-{n}")
    name = factory.Sequence(lambda n: f"Persoon {n}")
    organisation = factory.SubFactory(OrganisationFactory, municipality=True)
    function = PersonFunction.OFFICIAL


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    slug = factory.Sequence(lambda n: f"overleg-{n}")
    name = factory.Sequence(lambda n: f"Overleg {n}")
    kind = BodyKind.OTHER


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    body = factory.SubFactory(BodyFactory)
    role = Role.MEMBER


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    post = factory.SubFactory(PostFactory)
    person = factory.SubFactory(PersonFactory)
    start_date = dt.date(2023, 1, 1)
