"""The college proposal addresses each participant's executive by its proper name, and
always names who puts it forward (`decisions/addressee.py`)."""

import datetime as dt
import io
from decimal import Decimal

import docx
import pytest

from samenspel.decisions import documents
from samenspel.decisions.addressee import addressee
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.decisions.tests.test_documents import docx_text, pdf_text
from samenspel.organisations.constants import BodyKind, OrganisationKind, PersonFunction, Role
from samenspel.organisations.models import Organisation
from samenspel.organisations.tests.factories import (
    BodyFactory,
    InhabitantCountFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    PostFactory,
)

pytestmark = pytest.mark.django_db

MUNICIPALITY = "Het college van burgemeester en wethouders van de gemeente Assen"
PROVINCE = "Gedeputeerde Staten van de provincie Drenthe"
WATER_BOARD = "Het dagelijks bestuur van Waterschap Vechtstromen"


@pytest.fixture
def proposal(db):
    """Sent to Assen, the province and a water board; the two partners pay a fixed amount."""
    proposal = ProposalFactory(sent=True)
    proposal.years.create(year=2024, amount=Decimal("10000.00"))
    assen = OrganisationFactory(slug="assen", name="Gemeente Assen", municipality=True)
    InhabitantCountFactory(organisation=assen, count=69691)
    province = OrganisationFactory(slug="drenthe", name="Provincie Drenthe", province=True)
    water = OrganisationFactory(
        slug="vechtstromen", name="Waterschap Vechtstromen", water_board=True
    )
    ParticipantFactory(proposal=proposal, organisation=assen)
    for partner in (province, water):
        ParticipantFactory(proposal=proposal, organisation=partner, fixed_amount=Decimal(1000))
    return proposal


def context_of(proposal, slug: str) -> dict:
    participant = proposal.participants.get(organisation__slug=slug)
    return documents.document_context(
        proposal, participant, documents.costs_for_documents(proposal)
    )


@pytest.mark.parametrize(
    ("slug", "in_a_sentence", "start", "intro"),
    [
        ("assen", "het college van", MUNICIPALITY, f"{MUNICIPALITY} besluit:"),
        ("drenthe", "Gedeputeerde Staten", PROVINCE, f"{PROVINCE} besluiten:"),
        ("vechtstromen", "het dagelijks bestuur", WATER_BOARD, f"{WATER_BOARD} besluit:"),
    ],
)
def test_the_context_names_the_executive_of_each_kind(proposal, slug, in_a_sentence, start, intro):
    context = context_of(proposal, slug)
    assert context["addressee"].startswith(in_a_sentence)
    assert context["addressee"].lower() == start.lower()
    assert context["addressee_capitalised"] == start
    assert context["decision_intro"] == intro


@pytest.mark.parametrize(
    ("slug", "expected"),
    [
        ("assen", [f"{MUNICIPALITY} besluit:", f"Aan\n{MUNICIPALITY}"]),
        ("drenthe", [f"{PROVINCE} besluiten:", f"Aan\n{PROVINCE}"]),
        ("vechtstromen", [f"{WATER_BOARD} besluit:", f"Aan\n{WATER_BOARD}"]),
    ],
)
def test_the_docx_addresses_the_executive_and_never_doubles_the_kind(proposal, slug, expected):
    participant = proposal.participants.get(organisation__slug=slug)
    content = documents.participant_document(proposal, participant, "docx")
    text, rows = docx_text(content), documents_rows(content)
    assert expected[0] in text
    assert expected[1] in rows
    for wrong in ("Het college van Gemeente", "gemeente Gemeente", "provincie Provincie"):
        assert wrong not in text


def documents_rows(content: bytes) -> str:
    """The meta table's rows as 'label\\nvalue' (python-docx)."""
    table = docx.Document(io.BytesIO(content)).tables[0]
    return "\n".join(f"{row.cells[0].text}\n{row.cells[1].text}" for row in table.rows)


def test_the_pdf_says_the_same(proposal):
    participant = proposal.participants.get(organisation__slug="drenthe")
    text = " ".join(pdf_text(documents.participant_document(proposal, participant, "pdf")).split())
    assert f"{PROVINCE} besluiten:" in text
    assert "Het college van Provincie" not in text


def test_names_without_their_kind_word_still_read_well():
    municipality = Organisation(name="Assen", kind=OrganisationKind.MUNICIPALITY)
    water = Organisation(name="Hunze en Aa's", kind=OrganisationKind.WATER_BOARD)
    frisian = Organisation(name="Wetterskip Fryslân", kind=OrganisationKind.WATER_BOARD)
    assert addressee(municipality) == MUNICIPALITY[0].lower() + MUNICIPALITY[1:]
    assert addressee(water) == "het dagelijks bestuur van Waterschap Hunze en Aa's"
    assert addressee(frisian) == "het dagelijks bestuur van Wetterskip Fryslân"


def test_the_proposer_named_on_the_proposal_is_the_indiener(proposal):
    proposal.proposer = PersonFactory(
        name="Jan de Vries",
        function=PersonFunction.ALDERMAN,
        organisation=Organisation.objects.get(slug="assen"),
    )
    proposal.save()
    assert context_of(proposal, "assen")["proposer"] == "Jan de Vries (wethouder, Gemeente Assen)"


def test_without_a_proposer_the_portfolio_meetings_chair_puts_it_forward(proposal):
    pho = BodyFactory(
        kind=BodyKind.PORTFOLIO_MEETING, portfolio=proposal.portfolio, short_name="PHO X"
    )
    chair = PersonFactory(name="Els Bakker", function=PersonFunction.ALDERMAN)
    MembershipFactory(post=PostFactory(body=pho, role=Role.CHAIR), person=chair)
    # One who chaired before the proposal was sent does not count.
    MembershipFactory(
        post=PostFactory(body=pho, role=Role.CHAIR),
        person=PersonFactory(name="Oud Voorzitter"),
        end_date=dt.date(2023, 12, 31),
    )
    proposer = context_of(proposal, "assen")["proposer"]
    assert proposer.startswith("Els Bakker (wethouder, ")
    assert proposer.endswith(", voorzitter PHO X")


def test_without_proposer_or_chair_the_bureau_puts_it_forward(proposal):
    association = proposal.portfolio.association
    assert context_of(proposal, "assen")["proposer"] == f"Het bureau van {association.name}"
    BodyFactory(kind=BodyKind.BUREAU, name="Bureau van de vereniging", association=association)
    assert context_of(proposal, "assen")["proposer"] == "Bureau van de vereniging"
