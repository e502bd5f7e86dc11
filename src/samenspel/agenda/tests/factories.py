import datetime as dt

import factory

from samenspel.agenda.constants import AgreementKind, ThemeKind
from samenspel.agenda.models import Agenda, Agreement, Milestone, ProgressUpdate, Theme
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import PortfolioFactory


class AgendaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agenda
        django_get_or_create = ["slug"]

    association = factory.LazyFunction(association_default)
    slug = "test-agenda"
    name = "Testagenda 2023-2027"
    period_start = dt.date(2023, 1, 1)
    period_end = dt.date(2027, 12, 31)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    agenda = factory.SubFactory(AgendaFactory)
    slug = factory.Sequence(lambda n: f"thema-{n}")
    name = factory.Sequence(lambda n: f"Thema {n}")
    kind = ThemeKind.ANNEX_GROUP


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    agenda = factory.SubFactory(AgendaFactory)
    slug = factory.Sequence(lambda n: f"afspraak-{n}")
    title = factory.Sequence(lambda n: f"Afspraak {n}")
    portfolio = factory.SubFactory(PortfolioFactory)
    theme = factory.SubFactory(ThemeFactory, agenda=factory.SelfAttribute("..agenda"))
    kind = AgreementKind.EXISTING


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    agreement = factory.SubFactory(AgreementFactory)
    title = "Opleveren"
    when_text = "Eind Q2 2024"
    start = dt.date(2024, 6, 1)
    end = dt.date(2024, 6, 30)

    class Params:
        reached = factory.Trait(reached_on=dt.date(2024, 6, 20))


class ProgressUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressUpdate

    agreement = factory.SubFactory(AgreementFactory)
    date = dt.date(2024, 3, 1)
    status = "on_track"
    text = "Loopt."
