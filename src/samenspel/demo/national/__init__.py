"""National demo data: `samenspel generatedemo --scale N --seed S` (docs/associations.md,
"National demo data").

On top of the VDG demo, N - 1 associations shaped like the VDG, numbered 2..N, codes
`demo-02` … and hostnames `<code>.localhost`. Everything is fictitious and marked: the
associations are examples (`is_example`, every page says so), organisations, people,
users and the rows that have the field are `is_demo`; the rest is owned by a demo
association. Deterministic: every association draws from `random.Random(f"{seed}:…:{k}")`,
so the same scale, seed and reference date give the same rows, whichever associations
existed before. An association that exists is skipped, so a second run adds nothing.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.hashers import make_password
from django.db import transaction

from samenspel.demo.accounts import demo_password
from samenspel.demo.national import register
from samenspel.demo.national.agenda import agenda_create
from samenspel.demo.national.bulk import Progress, insert_leaf
from samenspel.demo.national.decisions import proposals_create
from samenspel.demo.national.meetings import meetings_create
from samenspel.demo.national.money import money_create
from samenspel.demo.national.structure import accounts_create, association_slug, structure_create
from samenspel.organisations.constants import OrganisationKind
from samenspel.organisations.models import Association, Organisation
from samenspel.reports.constants import FollowTarget
from samenspel.reports.models import Follow

MAX_SCALE = 200  # the register has place names for far more; this keeps typos cheap


def generate(scale: int, seed: int, on: dt.date, progress: Progress) -> list[str]:
    """Make associations 2..scale that do not exist yet; returns the codes made."""
    wanted = [association_slug(k) for k in range(2, scale + 1)]
    existing = set(Association.objects.filter(slug__in=wanted).values_list("slug", flat=True))
    todo = [k for k in range(2, scale + 1) if association_slug(k) not in existing]
    progress.total = len(todo)
    if not todo:
        return []
    progress.step("landelijk register")
    with transaction.atomic():
        orgs = register.organisations_ensure(scale, seed, progress)
    partner_pool = list(
        Organisation.objects.filter(
            kind__in=[OrganisationKind.PARTNER, OrganisationKind.NETWORK], is_demo=False
        ).order_by("slug")
    )
    password_hash = make_password(demo_password())
    made = []
    for k in todo:
        with transaction.atomic():  # a whole association or nothing of it
            association_create(k, seed, on, orgs, partner_pool, password_hash, progress)
        made.append(association_slug(k))
        progress.association_done()
    return made


def association_create(k, seed, on, orgs, partner_pool, password_hash, progress) -> None:
    progress.step(f"{association_slug(k)}: structuur")
    built = structure_create(k, seed, orgs, partner_pool, progress)
    accounts_create(built, password_hash, progress)
    progress.step(f"{association_slug(k)}: agenda")
    agenda = agenda_create(built, on, progress)
    agreements = list(agenda.agreements.order_by("order"))
    progress.step(f"{association_slug(k)}: geld en uren")
    money_create(built, agenda, on, progress)
    progress.step(f"{association_slug(k)}: voorstellen")
    proposals = proposals_create(built, agreements, on, progress)
    progress.step(f"{association_slug(k)}: vergaderingen")
    meetings_create(built, agreements, proposals, on, progress)
    _follows(built, agreements, proposals, progress)


def _follows(built, agreements, proposals, progress) -> None:
    rng, a = built.rng, built.association
    targets = (
        [(FollowTarget.PORTFOLIO, p.pk) for p in built.portfolios[:2]]
        + [(FollowTarget.AGREEMENT, x.pk) for x in rng.sample(agreements, 5)]
        + [(FollowTarget.PROPOSAL, x.pk) for x in rng.sample(proposals, 3)]
    )
    follows = [
        Follow(association=a, user=user, target=target, object_id=pk)
        for user in (built.users["bureau"], built.users["voorzitter"])
        for target, pk in targets
    ]
    insert_leaf(Follow, follows, progress)
