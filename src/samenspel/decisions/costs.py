"""Who pays what: a proposal's amounts per year split over its participants.

Shares come from `finance.shares.split_by_weight` (largest remainder), so they add up
exactly to each year's total. With the 5% surcharge (section 6.1: projects financed
through the service desk feed the contingency fund), the surcharge is computed on
the year's amount and split by the same shares.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from samenspel.decisions.constants import CostKey
from samenspel.decisions.models import Participant, Proposal
from samenspel.finance.shares import split_by_weight, split_equally, to_cents
from samenspel.organisations.constants import OrganisationKind
from samenspel.organisations.models import InhabitantCount

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
    def organisation(self):
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
        return CostKey(self.key).label

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

    def row_for(self, organisation) -> CostRow | None:
        return next((r for r in self.rows if r.organisation.pk == organisation.pk), None)


def reference_date_of(proposal: Proposal, years: list[int]) -> dt.date | None:
    if proposal.reference_date:
        return proposal.reference_date
    return dt.date(years[0], 1, 1) if years else None


Figures = dict[dt.date, dict[int, int]]


def inhabitant_figures(organisation_ids) -> Figures:
    """All inhabitants figures of these organisations: date → organisation → count."""
    figures: Figures = {}
    for figure in InhabitantCount.objects.filter(organisation__in=list(organisation_ids)):
        figures.setdefault(figure.reference_date, {})[figure.organisation_id] = figure.count
    return figures


def _inhabitants(
    participants: list[Participant], on: dt.date | None, figures: Figures | None = None
) -> tuple[dict[int, int], dt.date | None, str]:
    """Every participant's inhabitants on one common date.

    The key needs figures of the same date for everyone: the latest date on or before
    `on` for which all participants have a figure. When there is none (figures only
    start later), the first complete date after `on` is used, and the note says so.
    Pages that show many proposals pass `figures` loaded once.
    """
    if on is None or not participants:
        return {}, None, ""
    wanted = {p.organisation_id for p in participants}
    if figures is None:
        figures = inhabitant_figures(wanted)
    complete = sorted(date for date, counts in figures.items() if wanted <= set(counts))
    before = [date for date in complete if date <= on]
    if before:
        return figures[before[-1]], before[-1], ""
    if complete:
        used = complete[0]
        note = _(
            "Er zijn geen inwonertallen van alle deelnemers op of vóór %(on)s; die van "
            "%(used)s zijn gebruikt."
        ) % {"on": on.strftime("%d-%m-%Y"), "used": used.strftime("%d-%m-%Y")}
        return figures[used], used, note
    return {}, on, ""


def _fixed_amounts(participants, errors: list[str]) -> dict[int, Decimal]:
    for p in participants:
        if p.fixed_amount is None:
            errors.append(_("Geen vast bedrag ingevuld voor %(org)s.") % {"org": p.organisation})
    return {p.pk: p.fixed_amount or ZERO for p in participants}


def _by_inhabitants(participants, inhabitants, errors: list[str]) -> dict[int, Decimal]:
    for p in participants:
        if p.organisation_id not in inhabitants:
            errors.append(
                _("Geen inwonertal bekend voor %(org)s op de peildatum.") % {"org": p.organisation}
            )
    return {p.pk: Decimal(inhabitants.get(p.organisation_id, 0)) for p in participants}


def _is_municipality(participant: Participant) -> bool:
    return participant.organisation.kind == OrganisationKind.MUNICIPALITY


@dataclass
class _Key:
    """How one year's amount is shared: weights for the split, fixed amounts beside it."""

    weights: dict[int, Decimal]
    fixed: dict[int, Decimal]
    inhabitants: dict[int, int]
    reference_date: dt.date | None
    notes: list[str]


def _key(
    proposal: Proposal, participants, on: dt.date | None, errors: list[str], figures=None
) -> _Key:
    """Per inhabitant the municipalities share by inhabitants; the province and the water
    boards, who have no inhabitants figure of their own here, pay the fixed amount set
    for them (or nothing), which comes off the total first."""
    if proposal.cost_key == CostKey.FIXED:
        return _Key(_fixed_amounts(participants, errors), {}, {}, None, [])
    if proposal.cost_key == CostKey.EQUAL:
        return _Key({p.pk: Decimal(1) for p in participants}, {}, {}, None, [])
    if on is None:  # no amounts asked: nothing to share
        return _Key({}, {}, {}, None, [])
    municipalities = [p for p in participants if _is_municipality(p)]
    others = [p for p in participants if not _is_municipality(p)]
    inhabitants, on, note = _inhabitants(municipalities, on, figures)
    weights = _by_inhabitants(municipalities, inhabitants, errors)
    fixed = {p.pk: p.fixed_amount or ZERO for p in others}
    return _Key(weights, fixed, inhabitants, on, [note] if note else [])


def _split_year(total: Decimal, key: _Key, errors: list[str]) -> dict[int, Decimal]:
    rest = total - sum(key.fixed.values(), ZERO)
    if rest < 0:
        errors.append(
            _("De vaste bedragen van provincie en waterschappen zijn hoger dan het totaal.")
        )
        rest = ZERO
    try:
        shares = split_by_weight(rest, key.weights) if key.weights else {}
    except ValueError as error:
        errors.append(str(error))
        shares = split_equally(ZERO, key.weights)
    return {**shares, **key.fixed}


def proposal_costs(
    proposal: Proposal,
    *,
    excluded: frozenset[int] = frozenset(),
    figures: Figures | None = None,
) -> CostTable:
    """The cost table of the proposal page and the generated documents.

    `excluded`: organisations that did not join a coalition; they pay nothing and the
    coalition shares the whole amount by the same key (annex 1: those who do not join
    must not be harmed, so their share cannot fall on them).
    """
    years = {y.year: y.amount for y in proposal.years.all()}
    everyone = list(proposal.participants.all())
    participants = [p for p in everyone if p.organisation_id not in excluded]
    ordered_years = sorted(years)
    errors: list[str] = []
    on = reference_date_of(proposal, ordered_years)
    key = _key(proposal, participants, on, errors, figures)
    surcharges = {
        year: to_cents(amount * SURCHARGE_RATE) if proposal.service_desk_surcharge else ZERO
        for year, amount in years.items()
    }
    shares_by_year: dict[int, dict[int, Decimal]] = {}
    for year in ordered_years:
        if (
            proposal.cost_key == CostKey.FIXED
            and not errors
            and sum(key.weights.values()) != years[year]
        ):
            errors.append(
                _("De vaste bedragen (%(sum)s) tellen niet op tot het bedrag van %(year)s.")
                % {"sum": sum(key.weights.values()), "year": year}
            )
        shares_by_year[year] = _split_year(years[year] + surcharges[year], key, errors)
    rows = [
        CostRow(
            participant=p,
            inhabitants=key.inhabitants.get(p.organisation_id),
            shares={year: shares_by_year[year].get(p.pk, ZERO) for year in ordered_years},
            hours_per_year=p.hours_per_year if p.organisation_id not in excluded else Decimal(0),
            years=ordered_years,
            joins=p.organisation_id not in excluded,
        )
        for p in everyone
    ]
    return CostTable(
        key=proposal.cost_key,
        reference_date=key.reference_date,
        years=ordered_years,
        amounts=years,
        surcharges=surcharges,
        rows=rows,
        errors=list(dict.fromkeys(errors)),
        notes=key.notes,
    )
