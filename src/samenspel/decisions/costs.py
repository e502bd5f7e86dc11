"""Who pays what: a proposal's amounts per year split over its participants.

The key is applied by `finance.selectors.split_over_members` with the inhabitants of
`finance.selectors.figures_on` (the one reference-date rule, docs/adr/0005), so
proposals and budget years split alike; shares add up exactly to each year's total.
With the 5% surcharge (section 6.1: projects financed through the service desk feed
the contingency fund), the surcharge is computed on the year's amount and split by
the same shares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal

from django.utils.translation import gettext as _

from samenspel.decisions.constants import PROPOSAL_COST_KEYS
from samenspel.decisions.models import Participant, Proposal
from samenspel.finance.constants import ContributionKey
from samenspel.finance.selectors import (
    MemberFigure,
    Series,
    figures_on,
    reference_date_for,
    split_over_members,
)
from samenspel.finance.shares import split_by_weight, to_cents
from samenspel.organisations.models import Organisation

ZERO = Decimal("0.00")
SURCHARGE_RATE = Decimal("0.05")


@dataclass
class CostRow:
    participant: Participant
    inhabitants: int | None
    shares: dict[int, Decimal]  # year → share including any surcharge
    hours_per_year: Decimal
    years: list[int] = field(default_factory=list)
    joins: bool = True

    @property
    def share_cells(self) -> list[Decimal]:
        """The shares in year order, for a table row."""
        return self.share_list(self.years)

    @property
    def organisation(self) -> Organisation:
        return self.participant.organisation

    @property
    def total(self) -> Decimal:
        return sum(self.shares.values(), ZERO)

    def share_list(self, years: list[int]) -> list[Decimal]:
        return [self.shares.get(year, ZERO) for year in years]


@dataclass
class CostTable:
    key: str
    reference_date: dt.date | None
    years: list[int]
    amounts: dict[int, Decimal]  # year → amount asked, before the surcharge
    surcharges: dict[int, Decimal]
    rows: list[CostRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def key_label(self) -> str:
        return PROPOSAL_COST_KEYS[self.key]

    def year_total(self, year: int) -> Decimal:
        return self.amounts.get(year, ZERO) + self.surcharges.get(year, ZERO)

    @property
    def year_totals(self) -> list[Decimal]:
        return [self.year_total(year) for year in self.years]

    @property
    def total(self) -> Decimal:
        return sum(self.year_totals, ZERO)

    @property
    def hours_total(self) -> Decimal:
        return sum((row.hours_per_year for row in self.rows), Decimal(0))

    def row_for(self, organisation: Organisation) -> CostRow | None:
        return next((r for r in self.rows if r.organisation.pk == organisation.pk), None)


def reference_date_of(proposal: Proposal, years: list[int]) -> dt.date | None:
    """The date the inhabitants are asked for; none while no year has an amount."""
    return reference_date_for(proposal.reference_date, years[0]) if years else None


def _members(
    proposal: Proposal,
    participants: list[Participant],
    on: dt.date | None,
    series: Series | None,
) -> list[MemberFigure]:
    """The participants as the key sees them, their shares keyed by participant. Per
    inhabitant the municipalities get their figure for `on` (`figures_on`)."""
    members = [MemberFigure(p.organisation, None, None, payer=p.pk) for p in participants]
    if proposal.cost_key != ContributionKey.PER_INHABITANT or on is None:
        return members
    sharing = [m.organisation for m in members if m.by_inhabitants]
    found = iter(figures_on(sharing, on, series=series))
    return [replace(next(found), payer=m.payer) if m.by_inhabitants else m for m in members]


def _checks(
    proposal: Proposal,
    participants: list[Participant],
    members: list[MemberFigure],
    on: dt.date | None,
    errors: list[str],
) -> tuple[dt.date | None, list[str]]:
    """The date the figures hold for and the page's notes on them; missing fixed amounts
    and inhabitants go to `errors`."""
    if proposal.cost_key == ContributionKey.FIXED:
        for p in participants:
            if p.fixed_amount is None:
                errors.append(
                    _("Geen vast bedrag ingevuld voor %(org)s.") % {"org": p.organisation}
                )
    sharing = [m for m in members if m.by_inhabitants]
    if proposal.cost_key != ContributionKey.PER_INHABITANT or on is None or not sharing:
        return None, []
    for member in sharing:
        if member.inhabitants is None:
            errors.append(
                _("Geen inwonertal bekend voor %(org)s op de peildatum.")
                % {"org": member.organisation}
            )
    dates = {m.reference_date for m in sharing if m.reference_date}
    later = sorted({m.reference_date for m in sharing if m.later_than_asked})
    notes = [
        _(
            "Er zijn geen inwonertallen van alle deelnemers op of vóór %(on)s; die van "
            "%(used)s zijn gebruikt."
        )
        % {"on": on.strftime("%d-%m-%Y"), "used": used.strftime("%d-%m-%Y")}
        for used in later
    ]
    # One date for everyone (the usual case) is named; mixed dates: the date asked for.
    return (dates.pop() if len(dates) == 1 else on), notes


def _year_shares(
    key: str,
    total: Decimal,
    members: list[MemberFigure],
    fixed: dict[int, Decimal | None],
    errors: list[str],
) -> dict[int, Decimal]:
    """One year's total (with any surcharge) shared by the key. Fixed amounts are what
    each pays; the year's total is shared in proportion to them, so the table adds up
    to it (a difference is reported by `proposal_costs`)."""
    shares = split_over_members(total, key=key, members=members, fixed=fixed, errors=errors)
    if key != ContributionKey.FIXED or not shares:
        return shares
    try:
        return split_by_weight(total, shares)
    except ValueError as error:
        errors.append(str(error))
        return dict.fromkeys(shares, ZERO)


def proposal_costs(
    proposal: Proposal,
    *,
    excluded: frozenset[int] = frozenset(),
    series: Series | None = None,
) -> CostTable:
    """The cost table of the proposal page and the generated documents.

    `excluded`: organisations that did not join a coalition; they pay nothing and the
    coalition shares the whole amount by the same key (annex 1: those who do not join
    must not be harmed, so their share cannot fall on them). Pages that show many
    proposals pass the inhabitants `series` loaded once.
    """
    years = {y.year: y.amount for y in proposal.years.all()}
    everyone = list(proposal.participants.all())
    participants = [p for p in everyone if p.organisation_id not in excluded]
    ordered_years = sorted(years)
    errors: list[str] = []
    on = reference_date_of(proposal, ordered_years)
    members = _members(proposal, participants, on, series)
    reference_date, notes = _checks(proposal, participants, members, on, errors)
    fixed = {p.pk: p.fixed_amount for p in participants}
    surcharges = {
        year: to_cents(amount * SURCHARGE_RATE) if proposal.service_desk_surcharge else ZERO
        for year, amount in years.items()
    }
    fixed_total = sum(amount or ZERO for amount in fixed.values())
    shares_by_year: dict[int, dict[int, Decimal]] = {}
    for year in ordered_years:
        if proposal.cost_key == ContributionKey.FIXED and not errors and fixed_total != years[year]:
            errors.append(
                _("De vaste bedragen (%(sum)s) tellen niet op tot het bedrag van %(year)s.")
                % {"sum": fixed_total, "year": year}
            )
        total = years[year] + surcharges[year]
        shares_by_year[year] = _year_shares(proposal.cost_key, total, members, fixed, errors)
    inhabitants = {m.organisation.pk: m.inhabitants for m in members}
    rows = [
        CostRow(
            participant=p,
            inhabitants=inhabitants.get(p.organisation_id),
            shares={year: shares_by_year[year].get(p.pk, ZERO) for year in ordered_years},
            hours_per_year=p.hours_per_year if p.organisation_id not in excluded else Decimal(0),
            years=ordered_years,
            joins=p.organisation_id not in excluded,
        )
        for p in everyone
    ]
    return CostTable(
        key=proposal.cost_key,
        reference_date=reference_date,
        years=ordered_years,
        amounts=years,
        surcharges=surcharges,
        rows=rows,
        errors=list(dict.fromkeys(errors)),
        notes=notes,
    )
