"""The national register the generated associations share: fictitious municipalities,
provinces and water boards (marked demo), with identifiers and inhabitants, and the
people who sit for them. Each is found by its code first, so the register is made once
and shared: a municipality at the edge of two regions is a member of both."""

from __future__ import annotations

import datetime as dt
import random

from samenspel.demo.national import text
from samenspel.demo.national.bulk import Progress, insert, insert_leaf
from samenspel.organisations.constants import OrganisationKind
from samenspel.organisations.models import Identifier, InhabitantCount, Organisation, Person

MUNICIPALITIES_EACH = 12  # members per generated association
STRIDE = 10  # the next association starts 10 further: two members are shared
PROVINCES = 12
WATER_BOARDS = 21
CENSUS = [dt.date(2023, 1, 1), dt.date(2025, 1, 1)]


def municipality_indexes(k: int) -> range:
    """The register's municipalities that are members of generated association k (k >= 2)."""
    start = (k - 2) * STRIDE
    return range(start, start + MUNICIPALITIES_EACH)


def province_index(k: int) -> int:
    return (k - 2) % PROVINCES


def water_board_indexes(k: int) -> list[int]:
    """Four water boards, as the VDG has: with 12 municipalities and a province, 17
    governments take part in each proposal."""
    return sorted({(k + offset) % WATER_BOARDS for offset in (-2, 5, 9, 14)})


def _municipality(index: int, seed: int) -> tuple[Organisation, str, int]:
    name = text.municipality_name(index)
    rng = random.Random(f"{seed}:gm:{index}")
    inhabitants = int(rng.lognormvariate(10.2, 0.7)) + 3000
    org = Organisation(
        slug=f"demo-gm-{index:04d}",
        name=f"Gemeente {name}",
        short_name=name,
        kind=OrganisationKind.MUNICIPALITY,
        description=text.paragraph(rng, 2),
        is_demo=True,
    )
    return org, f"GM9{index:03d}", inhabitants


def _province(index: int, seed: int) -> tuple[Organisation, str, int]:
    region = text.REGIONS[index]
    rng = random.Random(f"{seed}:pv:{index}")
    org = Organisation(
        slug=f"demo-pv-{index:02d}",
        name=f"Provincie {region}",
        short_name=region,
        kind=OrganisationKind.PROVINCE,
        description=text.paragraph(rng, 2),
        is_demo=True,
    )
    return org, f"PV9{index:02d}", rng.randint(400_000, 1_500_000)


def _water_board(index: int, seed: int) -> tuple[Organisation, str, int]:
    name = text.municipality_name(1000 + index * 7)
    rng = random.Random(f"{seed}:ws:{index}")
    org = Organisation(
        slug=f"demo-ws-{index:02d}",
        name=f"Waterschap {name}",
        short_name=f"WS {name}",
        kind=OrganisationKind.WATER_BOARD,
        description=text.paragraph(rng, 2),
        is_demo=True,
    )
    return org, f"WS9{index:03d}", rng.randint(200_000, 900_000)


def organisations_ensure(scale: int, seed: int, progress: Progress) -> dict[str, Organisation]:
    """Every register organisation associations 2..scale need, by code (made if missing)."""
    wanted = {}
    for k in range(2, scale + 1):
        for i in municipality_indexes(k):
            wanted[f"demo-gm-{i:04d}"] = (_municipality, i)
        wanted[f"demo-pv-{province_index(k):02d}"] = (_province, province_index(k))
        for i in water_board_indexes(k):
            wanted[f"demo-ws-{i:02d}"] = (_water_board, i)
    found = {o.slug: o for o in Organisation.objects.filter(slug__in=list(wanted))}
    new, codes, counts = [], [], []
    for slug in sorted(set(wanted) - set(found)):
        make, index = wanted[slug]
        org, code, inhabitants = make(index, seed)
        new.append(org)
        codes.append(code)
        counts.append(inhabitants)
    insert(Organisation, new, progress)
    identifiers = [
        Identifier(organisation=o, scheme="cbs", value=c) for o, c in zip(new, codes, strict=True)
    ]
    insert_leaf(Identifier, identifiers, progress)
    figures = [
        InhabitantCount(
            organisation=o,
            reference_date=day,
            count=count + (n * count // 100),
            source="Verzonnen (demo)",
        )
        for o, count in zip(new, counts, strict=True)
        for n, day in enumerate(CENSUS)
    ]
    insert_leaf(InhabitantCount, figures, progress)
    found.update({o.slug: o for o in new})
    return found


class People:
    """People of the register by code, made in bulk: the same municipality's mayor sits
    in both associations it belongs to."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.wanted: dict[str, Person] = {}

    def get(self, slug: str, organisation: Organisation, function: str, title: str) -> Person:
        if slug not in self.wanted:
            rng = random.Random(f"{self.seed}:person:{slug}")
            name = text.person_name(rng.randrange(900))
            self.wanted[slug] = Person(
                slug=slug,
                name=f"{name} (demo)",
                organisation=organisation,
                function=function,
                function_title=title,
                is_demo=True,
            )
        return self.wanted[slug]

    def save(self, progress: Progress) -> None:
        """Insert those not yet in the register; take the stored ones' primary keys."""
        stored = {
            p.slug: p.pk for p in Person.objects.filter(slug__in=list(self.wanted)).only("pk")
        }
        new = []
        for slug, person in self.wanted.items():
            if slug in stored:
                person.pk = stored[slug]
                person._state.adding = False
            else:
                new.append(person)
        insert(Person, new, progress)
