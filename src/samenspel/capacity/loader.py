"""Loads the `staff` section of an agenda file: Tables 2.1 and 2.2 and the texts around them.

Registered with the agenda loader in CapacityConfig.ready(), so `samenspel loadagenda`
and `samenspel setup` load it inside the same transaction as the rest of the file.

Table cells become `StaffCommitment` rows from the agenda's first year on: the document
describes the 2022 situation (`reference_year`) and assumes it continues during the
agenda. An empty cell (null) is no commitment. Loading is an upsert, so loading the same
file twice changes nothing; rows the file no longer has are removed.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

from samenspel.agenda.agenda_file import AgendaFileError, AgendaFileProblem
from samenspel.agenda.models import Agenda
from samenspel.capacity.constants import (
    TABLE_2_1,
    TABLE_2_2,
    TABLE_SOURCES,
    CommitmentKind,
    ExpertiseSubject,
    HoursPer,
)
from samenspel.capacity.models import (
    ExternalHire,
    StaffArrangement,
    StaffCommitment,
    TemporaryCommitment,
)
from samenspel.organisations.models import Association, Organisation, Portfolio
from samenspel.organisations.structure import LoadCounts, set_m2m, upsert


class _Refs:
    """Organisations and portfolios by slug; collects every unknown reference."""

    def __init__(self, association: Association) -> None:
        self.organisations = {o.slug: o for o in Organisation.objects.all()}
        self.portfolios = {p.slug: p for p in Portfolio.objects.filter(association=association)}
        self.problems: list[AgendaFileProblem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(AgendaFileProblem(path=path, line=None, message=message))

    def organisation(self, slug: str | None, path: str) -> Organisation | None:
        if slug is None:
            return None
        if slug not in self.organisations:
            self.problem(path, f"onbekende organisatie '{slug}'")
        return self.organisations.get(slug)

    def missing(self, item: dict[str, Any], keys: tuple[str, ...], path: str) -> bool:
        """Record a problem for each required key the item lacks; True when any is missing."""
        absent = [key for key in keys if item.get(key) is None]
        for key in absent:
            self.problem(path, f"'{key}' ontbreekt")
        return bool(absent)

    def choice(self, value: Any, choices: type, path: str, name: str) -> None:
        if value not in (None, "") and value not in choices.values:
            self.problem(path, f"onbekende waarde voor '{name}': '{value}'")

    def portfolio(self, slug: str | None, path: str) -> Portfolio | None:
        if slug is None:
            return None
        if slug not in self.portfolios:
            self.problem(path, f"onbekende portefeuille '{slug}'")
        return self.portfolios.get(slug)


def staff_load(agenda: Agenda, staff: dict[str, Any], counts: LoadCounts) -> None:
    """Write the staff section of a validated agenda file for `agenda`."""
    refs = _Refs(agenda.association)
    commitments = _table_2_1(staff.get("table_2_1") or {}, refs) + _table_2_2(
        staff.get("table_2_2") or {}, refs
    )
    arrangements = _arrangements(staff.get("staff_expertise") or [], refs)
    hires = _hires(staff.get("external_hires") or [], refs)
    temporary = _temporary(staff.get("temporary_commitments") or [], refs)
    if refs.problems:
        raise AgendaFileError("staff", refs.problems)

    year_from = agenda.period_start.year
    kept = set()
    for lookup, hours, source in commitments:
        commitment = upsert(
            StaffCommitment,
            {"agenda": agenda, "year_from": year_from, **lookup},
            {"hours_per_year": hours, "year_to": None, "source": source, "is_demo": False},
            counts,
        )
        kept.add(commitment.pk)
    stale = StaffCommitment.objects.filter(agenda=agenda, source__in=TABLE_SOURCES).exclude(
        pk__in=kept
    )
    _delete(stale, counts)
    _save_arrangements(agenda, arrangements, counts)
    _save_hires(agenda, hires, counts)
    kept = {
        upsert(TemporaryCommitment, {"agenda": agenda, "order": order}, values, counts).pk
        for order, values in enumerate(temporary)
    }
    _delete(TemporaryCommitment.objects.filter(agenda=agenda).exclude(pk__in=kept), counts)


Commitment = tuple[dict[str, Any], int, str]


def _cells(table: dict[str, Any], name: str, refs: _Refs) -> Iterator[tuple[Any, int, int]]:
    """(organisation, column index, hours) for every filled cell; problems for bad rows."""
    width = len(table.get("columns") or [])
    for slug, hours in (table.get("rows") or {}).items():
        path = f"/staff/{name}/rows/{slug}"
        organisation = refs.organisation(slug, path)
        if not isinstance(hours, list) or len(hours) != width:
            refs.problem(path, f"verwacht {width} getallen, één per kolom")
            continue
        for index, value in enumerate(hours):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                refs.problem(f"{path}/{index}", f"'{value}' is geen aantal uren")
                continue
            yield organisation, index, value


def _table_2_1(table: dict[str, Any], refs: _Refs) -> list[Commitment]:
    columns = table.get("columns") or []
    portfolios = []
    for i, column in enumerate(columns):
        path = f"/staff/table_2_1/columns/{i}"
        refs.missing(column, ("label", "portfolio"), path)
        portfolios.append(refs.portfolio(column.get("portfolio"), path))
    return [
        (
            {
                "organisation": organisation,
                "kind": CommitmentKind.PORTFOLIO,
                "portfolio": portfolios[index],
                "area": columns[index].get("area") or "",
                "label": columns[index].get("label") or "",
            },
            hours,
            TABLE_2_1,
        )
        for organisation, index, hours in _cells(table, "table_2_1", refs)
    ]


def _table_2_2(table: dict[str, Any], refs: _Refs) -> list[Commitment]:
    columns = table.get("columns") or []
    for i, column in enumerate(columns):
        path = f"/staff/table_2_2/columns/{i}"
        refs.missing(column, ("label",), path)
        if column.get("role") not in CommitmentKind.values:
            refs.problem(path, f"onbekende rol '{column.get('role')}'")
    return [
        (
            {
                "organisation": organisation,
                "kind": columns[index].get("role"),
                "portfolio": None,
                "area": "",
                "label": columns[index].get("label") or "",
            },
            hours,
            TABLE_2_2,
        )
        for organisation, index, hours in _cells(table, "table_2_2", refs)
    ]


def _arrangements(items: list[dict[str, Any]], refs: _Refs) -> list[tuple[dict, list]]:
    result = []
    for i, item in enumerate(items):
        path = f"/staff/staff_expertise/{i}"
        if refs.missing(item, ("subject", "text", "hours", "per"), path):
            continue
        slugs = item.get("organisations") or [item.get("organisation")]
        providers = [refs.organisation(s, path) for s in slugs if s]
        if not providers and not item.get("provider"):
            refs.problem(path, "'organisation' of 'provider' ontbreekt")
        refs.choice(item["subject"], ExpertiseSubject, path, "subject")
        refs.choice(item["per"], HoursPer, path, "per")
        values = {
            "subject": item["subject"],
            "text": item["text"],
            "hours": item["hours"],
            "per": item["per"],
            "provider_name": item.get("provider") or "",
            "compensated_by_all_members": bool(item.get("compensated_by_all_members", False)),
            "compensation_text": item.get("compensation_text") or "",
            "order": i,
            "slug": item.get("slug") or item["subject"],
        }
        result.append((values, providers))
    return result


def _hires(items: list[dict[str, Any]], refs: _Refs) -> list[tuple[dict, list]]:
    result = []
    for i, item in enumerate(items):
        path = f"/staff/external_hires/{i}"
        if refs.missing(item, ("slug", "title"), path):
            continue
        refs.choice(item.get("hours_per"), HoursPer, path, "hours_per")
        amount = item.get("amount")
        values = {
            "slug": item["slug"],
            "title": item["title"],
            "text": item.get("text") or "",
            "portfolio": refs.portfolio(item.get("portfolio"), path),
            "provided_by": refs.organisation(item.get("provided_by"), path),
            "hours": item.get("hours"),
            "hours_per": item.get("hours_per") or "",
            "amount": _amount(amount, path, refs),
            "period_text": str(item.get("period") or ""),
            "frequency": item.get("frequency") or "",
            "funding_status": item.get("funding_status") or "",
            "order": i,
        }
        funders = [refs.organisation(s, path) for s in item.get("funded_by") or []]
        result.append((values, funders))
    return result


def _amount(value: Any, path: str, refs: _Refs) -> Decimal | None:
    """Euros with cents from the file ('103005.00'); a problem when it is no amount."""
    if value is None:
        return None
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0:
        refs.problem(path, f"'{value}' is geen bedrag")
        return None
    return amount.quantize(Decimal("0.01"))


def _temporary(items: list[dict[str, Any]], refs: _Refs) -> list[dict[str, Any]]:
    result = []
    for i, item in enumerate(items):
        path = f"/staff/temporary_commitments/{i}"
        if refs.missing(item, ("text",), path):
            continue
        result.append(
            {
                "portfolio": refs.portfolio(item.get("portfolio"), path),
                "text": item["text"],
                "period_text": str(item.get("period") or ""),
                "intended_extension": str(item.get("intended_extension") or ""),
            }
        )
    return result


def _save_arrangements(agenda: Agenda, items: list[tuple[dict, list]], counts: LoadCounts):
    kept = set()
    for values, providers in items:
        values = dict(values)
        slug = values.pop("slug")
        arrangement = upsert(StaffArrangement, {"agenda": agenda, "slug": slug}, values, counts)
        set_m2m(arrangement, "providers", {o.pk for o in providers}, counts)
        kept.add(arrangement.pk)
    _delete(StaffArrangement.objects.filter(agenda=agenda).exclude(pk__in=kept), counts)


def _save_hires(agenda: Agenda, items: list[tuple[dict, list]], counts: LoadCounts) -> None:
    kept = set()
    for values, funders in items:
        values = dict(values)
        slug = values.pop("slug")
        hire = upsert(ExternalHire, {"agenda": agenda, "slug": slug}, values, counts)
        set_m2m(hire, "funded_by", {o.pk for o in funders}, counts)
        kept.add(hire.pk)
    _delete(ExternalHire.objects.filter(agenda=agenda).exclude(pk__in=kept), counts)


def _delete(queryset, counts: LoadCounts) -> None:
    """Remove rows the file no longer has (one by one, so each deletion is in the history)."""
    for obj in queryset:
        obj.delete()
        counts.add(f"{type(obj).__name__} (verwijderd)", created=False)
