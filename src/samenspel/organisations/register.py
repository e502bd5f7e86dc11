"""Loading the national register from a CSV: organisations, their codes and inhabitants.

The file is read and checked by `organisations/register_file.py` (docs/associations.md,
"Loading the national register"). An organisation is found by its CBS code, then its
TOOI code, then its slug. Only the register is written (name, short name, kind,
identifiers, inhabitant counts): never a membership or anything an association owns.

Every row is checked first, against the file and the database; one problem and nothing
is written. Importing the same file again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenspel.organisations.models import Identifier, InhabitantCount, Organisation
from samenspel.organisations.register_file import Problem, RegisterRow
from samenspel.organisations.structure import LoadCounts, upsert


@dataclass
class Tally:
    total: int = 0
    created: int = 0
    updated: int = 0

    @property
    def unchanged(self) -> int:
        return self.total - self.created - self.updated


@dataclass
class RegisterCounts:
    organisations: Tally = field(default_factory=Tally)
    identifiers: Tally = field(default_factory=Tally)
    inhabitant_counts: Tally = field(default_factory=Tally)
    dry_run: bool = False

    @property
    def changed(self) -> bool:
        return any(
            t.created or t.updated
            for t in (self.organisations, self.identifiers, self.inhabitant_counts)
        )

    def describe(self) -> str:
        """'12 organisaties: 2 nieuw, 1 gewijzigd, 9 ongewijzigd; 12 inwonertallen: …'."""
        parts = [
            _tally_text(
                self.organisations,
                ngettext("organisatie", "organisaties", self.organisations.total),
            ),
            _tally_text(
                self.identifiers,
                ngettext("identificatie", "identificaties", self.identifiers.total),
            ),
            _tally_text(
                self.inhabitant_counts,
                ngettext("inwonertal", "inwonertallen", self.inhabitant_counts.total),
            ),
        ]
        return "; ".join(parts)


def _tally_text(tally: Tally, noun: str) -> str:
    return _(
        "%(total)d %(noun)s: %(created)d nieuw, %(updated)d gewijzigd, %(unchanged)d ongewijzigd"
    ) % {
        "total": tally.total,
        "noun": noun,
        "created": tally.created,
        "updated": tally.updated,
        "unchanged": tally.unchanged,
    }


class RegisterImportError(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _identifier_owners(scheme: str) -> dict[str, Organisation]:
    return {
        i.value.upper() if scheme == "cbs" else i.value.lower(): i.organisation
        for i in Identifier.objects.filter(scheme=scheme).select_related("organisation")
    }


def _resolve(
    rows: list[RegisterRow],
) -> tuple[dict[int, Organisation | None], list[Problem]]:
    """The existing organisation of each row (by line; None: a new one) and the problems."""
    by_cbs = _identifier_owners("cbs")
    by_tooi = _identifier_owners("tooi")
    by_slug = {o.slug: o for o in Organisation.objects.all()}
    own_codes: dict[tuple[int, str], str] = {
        (i.organisation_id, i.scheme): i.value
        for i in Identifier.objects.filter(scheme__in=["cbs", "tooi"])
    }
    matches: dict[int, Organisation | None] = {}
    claimed: dict[int, int] = {}  # organisation pk -> line
    problems: list[Problem] = []
    for row in rows:
        found: list[Problem] = []
        by_column = {
            "cbs": by_cbs.get(row.cbs) if row.cbs else None,
            "tooi": by_tooi.get(row.tooi) if row.tooi else None,
            "slug": by_slug.get(row.slug),
        }
        org = by_column["cbs"] or by_column["tooi"] or by_column["slug"]
        if not row.slug_given:
            # A code derived from the name only finds an organisation no code found.
            by_column["slug"] = None
        for column, other in by_column.items():
            if org is not None and other is not None and other.pk != org.pk:
                value = {"cbs": row.cbs, "tooi": row.tooi, "slug": row.slug}[column]
                found.append(
                    Problem(
                        row.line,
                        column,
                        _("'%(value)s' hoort bij %(other)s, de rest van de regel bij %(org)s")
                        % {"value": value, "other": other.slug, "org": org.slug},
                    )
                )
        if org is not None:
            for scheme, value in (("cbs", row.cbs), ("tooi", row.tooi)):
                current = own_codes.get((org.pk, scheme))
                if value and current is not None and current.upper() != value.upper():
                    found.append(
                        Problem(
                            row.line,
                            scheme,
                            _("%(org)s heeft al %(scheme)s-code %(current)s, niet %(value)s")
                            % {
                                "org": org.slug,
                                "scheme": scheme.upper(),
                                "current": current,
                                "value": value,
                            },
                        )
                    )
            if org.pk in claimed:
                found.append(
                    Problem(
                        row.line,
                        None,
                        _("dit is dezelfde organisatie (%(org)s) als op regel %(other)d")
                        % {"org": org.slug, "other": claimed[org.pk]},
                    )
                )
            else:
                claimed[org.pk] = row.line
        problems.extend(found)
        matches[row.line] = org
    return matches, problems


def register_check(rows: list[RegisterRow]) -> list[Problem]:
    """Problems of the rows against the database (codes of other organisations, …)."""
    return _resolve(rows)[1]


def register_import(rows: list[RegisterRow], *, dry_run: bool = False) -> RegisterCounts:
    """Write the rows to the national register (all or nothing) and count what changed.

    Raises `RegisterImportError` when a row does not fit the database. With `dry_run`
    the same writes happen in a transaction that is rolled back, so the counts are
    exactly what a real import would do.
    """
    with transaction.atomic():
        matches, problems = _resolve(rows)
        if problems:
            raise RegisterImportError(problems)
        counts = RegisterCounts(dry_run=dry_run)
        for row in rows:
            _row_write(row, matches[row.line], counts)
        if dry_run:
            transaction.set_rollback(True)
    return counts


def _row_write(row: RegisterRow, org: Organisation | None, counts: RegisterCounts) -> None:
    values: dict[str, object] = {"name": row.name, "kind": row.kind}
    if row.short_name is not None:
        values["short_name"] = row.short_name
    load = LoadCounts()
    lookup: dict[str, object] = {"pk": org.pk} if org is not None else {"slug": row.slug}
    org = upsert(Organisation, lookup, values, load)
    _add(counts.organisations, load, "Organisation")

    for scheme, value in (("cbs", row.cbs), ("tooi", row.tooi)):
        if value:
            load = LoadCounts()
            upsert(Identifier, {"organisation": org, "scheme": scheme}, {"value": value}, load)
            _add(counts.identifiers, load, "Identifier")

    if row.figure is not None:
        load = LoadCounts()
        upsert(
            InhabitantCount,
            {"organisation": org, "reference_date": row.figure.reference_date},
            {"count": row.figure.count, "source": row.figure.source},
            load,
        )
        _add(counts.inhabitant_counts, load, "InhabitantCount")


def _add(tally: Tally, load: LoadCounts, kind: str) -> None:
    tally.total += 1
    tally.created += load.created.get(kind, 0)
    tally.updated += load.updated.get(kind, 0)
