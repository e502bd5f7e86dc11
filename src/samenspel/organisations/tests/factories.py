import datetime as dt

import factory

from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import (
    AssociationMembershipKind,
    BodyKind,
    OrganisationKind,
    PersonFunction,
    Role,
)
from samenspel.organisations.models import (
    AssociationMembership,
    Body,
    InhabitantCount,
    Membership,
    Organisation,
    Person,
    Portfolio,
    Post,
)


class AssociationMembershipFactory(factory.django.DjangoModelFactory):
    """A membership of the default association (the VDG in the loaded data), no dates."""

    class Meta:
        model = AssociationMembership
        django_get_or_create = ["association", "organisation"]

    association = factory.LazyFunction(association_default)
    organisation = None
    kind = AssociationMembershipKind.MEMBER


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ["slug"]
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"organisatie-{n}")
    name = factory.Sequence(lambda n: f"Organisatie {n}")
    kind = OrganisationKind.PARTNER

    class Params:
        # A municipality is a member of the default association, as the twelve are.
        municipality = factory.Trait(
            kind=OrganisationKind.MUNICIPALITY,
            membership=factory.RelatedFactory(
                AssociationMembershipFactory, factory_related_name="organisation"
            ),
        )
        # The province and the water boards take part as partners, as in the VDG.
        province = factory.Trait(
            kind=OrganisationKind.PROVINCE,
            membership=factory.RelatedFactory(
                AssociationMembershipFactory,
                factory_related_name="organisation",
                kind=AssociationMembershipKind.PARTNER,
            ),
        )
        water_board = factory.Trait(
            kind=OrganisationKind.WATER_BOARD,
            membership=factory.RelatedFactory(
                AssociationMembershipFactory,
                factory_related_name="organisation",
                kind=AssociationMembershipKind.PARTNER,
            ),
        )


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
    association = factory.LazyFunction(association_default)


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
    association = factory.LazyFunction(association_default)


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
