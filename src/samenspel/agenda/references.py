"""Cross-references inside an agenda file: every slug a part points at must exist.

Checked after the schema and before anything is written, so a file with a typo in
one agreement's partner list stores nothing and says which line to fix.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from samenspel.agenda.agenda_file import AgendaFile, AgendaFileProblem


def _slugs(items: Iterable[dict]) -> set[str]:
    return {item["slug"] for item in items}


def _duplicates(agenda_file: AgendaFile, key: str) -> list[AgendaFileProblem]:
    seen: dict[str, int] = {}
    problems = []
    for index, item in enumerate(agenda_file.data.get(key, [])):
        path = f"/{key}/{index}/slug"
        if item["slug"] in seen:
            problems.append(
                AgendaFileProblem(
                    path,
                    agenda_file.line_of(path),
                    f"Code '{item['slug']}' komt al voor (item {seen[item['slug']]}).",
                )
            )
        seen.setdefault(item["slug"], index)
    return problems


class _Checker:
    def __init__(self, agenda_file: AgendaFile, known: dict[str, set[str]]):
        self.file = agenda_file
        self.known = known
        self.problems: list[AgendaFileProblem] = []

    def ref(self, path: str, value: Any, kind: str, label: str) -> None:
        if value in (None, ""):
            return
        values = value if isinstance(value, list) else [value]
        for index, slug in enumerate(values):
            if slug not in self.known[kind]:
                where = f"{path}/{index}" if isinstance(value, list) else path
                self.problems.append(
                    AgendaFileProblem(
                        where, self.file.line_of(where), f"Onbekende {label}: '{slug}'."
                    )
                )


def _check_bodies(check: _Checker, bodies: list[dict]) -> None:
    for i, body in enumerate(bodies):
        base = f"/bodies/{i}"
        check.ref(f"{base}/portfolio", body.get("portfolio"), "portfolio", "portefeuille")
        check.ref(f"{base}/prepares", body.get("prepares"), "body", "overlegorgaan")
        check.ref(
            f"{base}/linked_portfolios",
            body.get("linked_portfolios", []),
            "portfolio",
            "portefeuille",
        )
        for j, post in enumerate(body.get("posts", [])):
            check.ref(
                f"{base}/posts/{j}/organisation",
                post.get("organisation"),
                "organisation",
                "organisatie",
            )
            if isinstance(post.get("organisations"), list):
                check.ref(
                    f"{base}/posts/{j}/organisations",
                    post["organisations"],
                    "organisation",
                    "organisatie",
                )


def _check_people(check: _Checker, people: list[dict]) -> None:
    for i, person in enumerate(people):
        check.ref(
            f"/people/{i}/organisation", person.get("organisation"), "organisation", "organisatie"
        )
        for j, membership in enumerate(person.get("memberships", [])):
            check.ref(
                f"/people/{i}/memberships/{j}/body", membership["body"], "body", "overlegorgaan"
            )


def _check_agreements(check: _Checker, agreements: list[dict]) -> None:
    for i, agreement in enumerate(agreements):
        base = f"/agreements/{i}"
        check.ref(
            f"{base}/portfolios", agreement.get("portfolios", []), "portfolio", "portefeuille"
        )
        check.ref(f"{base}/theme", agreement["theme"], "theme", "thema")
        check.ref(f"{base}/partners", agreement.get("partners", []), "organisation", "organisatie")
        lead = agreement.get("lead") or {}
        for side in ("political", "official"):
            check.ref(f"{base}/lead/{side}", lead.get(side), "organisation", "organisatie")
            check.ref(f"{base}/lead/{side}_person", lead.get(f"{side}_person"), "person", "persoon")


def references_check(agenda_file: AgendaFile, *, existing_organisations: set[str]) -> list:
    """Every problem with a reference in the file; `existing_organisations` are in the database."""
    data = agenda_file.data
    known = {
        "organisation": _slugs(data.get("organisations", [])) | existing_organisations,
        "portfolio": _slugs(data.get("portfolios", [])),
        "body": _slugs(data.get("bodies", [])),
        "person": _slugs(data.get("people", [])),
        "theme": _slugs(data.get("themes", [])),
    }
    check = _Checker(agenda_file, known)
    for key in ("organisations", "portfolios", "bodies", "people", "themes", "agreements"):
        check.problems += _duplicates(agenda_file, key)
    _check_bodies(check, data.get("bodies", []))
    _check_people(check, data.get("people", []))
    for key in ("challenges", "themes"):
        for i, item in enumerate(data.get(key, [])):
            check.ref(
                f"/{key}/{i}/portfolios", item.get("portfolios", []), "portfolio", "portefeuille"
            )
    _check_agreements(check, data.get("agreements", []))
    return check.problems
