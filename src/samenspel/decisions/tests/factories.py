import datetime as dt
from decimal import Decimal

import factory

from samenspel.decisions.constants import Stage
from samenspel.decisions.models import ExecutiveDecision, Participant, Proposal, ProposalYear
from samenspel.finance.constants import ContributionKey
from samenspel.organisations.tests.factories import OrganisationFactory, PortfolioFactory


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    title = factory.Sequence(lambda n: f"Voorstel {n}")
    portfolio = factory.SubFactory(PortfolioFactory)
    subject = "Een gezamenlijke aanpak."
    decision_points = "In te stemmen met de aanpak.\nDe bijdrage beschikbaar te stellen."
    affects_money = True
    cost_key = ContributionKey.PER_INHABITANT
    created_on = dt.date(2024, 1, 10)

    class Params:
        # Sent to the executives on 1 March 2024, decisions asked before 1 June 2024.
        sent = factory.Trait(
            stage=Stage.SENT,
            pho_decided_on=dt.date(2024, 2, 15),
            pho_outcome="positive",
            sent_on=dt.date(2024, 3, 1),
            decision_deadline=dt.date(2024, 6, 1),
        )


class ProposalYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposalYear

    proposal = factory.SubFactory(ProposalFactory)
    year = 2024
    amount = Decimal("10000.00")


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    proposal = factory.SubFactory(ProposalFactory)
    organisation = factory.SubFactory(OrganisationFactory, municipality=True)
    hours_per_year = Decimal("20")


class ExecutiveDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExecutiveDecision

    participant = factory.SubFactory(ParticipantFactory)
    decided_on = dt.date(2024, 4, 1)
    outcome = "agreed"
