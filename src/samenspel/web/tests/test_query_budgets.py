"""Query-count budgets (issue 15, point 6): every main page needs the same number of SQL
queries at the demo size and at about twice that, and at most BUDGET.

One test measures all pages: growing the data costs seconds and every test's
transaction is rolled back, so the pages share one growth. Each page is asked once to
warm what lasts between requests (the site context, the association table), then
counted; the cache is cleared before each page, so no page borrows another's work.
"""

from __future__ import annotations

import re
import time
from collections import Counter

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from samenspel.accounts.models import User
from samenspel.agenda.models import Agreement
from samenspel.core.dates import today
from samenspel.organisations.associations import association_default
from samenspel.organisations.models import Portfolio
from samenspel.web.tests import query_budget_data as data

BUDGET = 20
# Pages over BUDGET today, with the count they must not exceed (lower these, never
# raise them). The quarterly report is built from some twenty history snapshots as of
# its date; its count stays the same whatever the data size.
OVER_BUDGET = {"kwartaalrapportage": 34}


def _pages(agreement, portfolio, proposal, meeting) -> list[tuple[str, str, str]]:
    """(name, who asks, URL) of the main pages."""
    as_of = today().isoformat()  # the copies' history is recorded today
    lead = agreement.political_lead.slug if agreement.political_lead else ""
    return [
        ("dashboard", "bureau", "/"),
        ("afsprakenlijst", "bureau", "/agenda/afspraken/"),
        (
            "afsprakenlijst met filters",
            "bureau",
            f"/agenda/afspraken/?portefeuille={portfolio.slug}&status=on_track"
            f"&trekker={lead}&jaar=2025",
        ),
        ("afsprakenlijst met zoeken", "bureau", "/agenda/afspraken/?q=energie"),
        ("portefeuille", "bureau", f"/agenda/portefeuilles/{portfolio.slug}/"),
        ("afspraak", "bureau", f"/agenda/afspraken/{agreement.slug}/"),
        ("voorstellen", "bureau", "/voorstellen/"),
        ("voorstel met 17 deelnemers", "bureau", f"/voorstellen/{proposal.pk}/"),
        ("mijn organisatie", "holder", "/mijn-organisatie/"),
        ("bijdragen 2025", "bureau", "/financien/bijdragen/2025/"),
        ("uren", "bureau", "/inzet/"),
        ("overleggen", "bureau", "/overleggen/"),
        ("overleg", "bureau", f"/overleggen/{meeting.pk}/"),
        ("besluitenlijst", "bureau", "/overleggen/besluiten/"),
        ("openbare pagina", "anonymous", "/openbaar/"),
        ("tijdlijn", "bureau", "/agenda/tijdlijn/"),
        ("kwartaalrapportage", "bureau", f"/rapportages/kwartaal/?peildatum={as_of}"),
        ("healthz", "anonymous", "/healthz"),
        # The API's lists and objects (issue 16), a full page of 100 where there are as many.
        ("API afspraken", "bureau", "/api/v1/afspraken?paginaGrootte=100"),
        ("API afspraken openbaar", "anonymous", "/api/v1/afspraken?paginaGrootte=100"),
        ("API voortgang", "bureau", "/api/v1/voortgang?paginaGrootte=100"),
        ("API voorstellen", "bureau", "/api/v1/voorstellen?paginaGrootte=100"),
        ("API voorstel met 17 deelnemers", "bureau", f"/api/v1/voorstellen/{proposal.pk}"),
        ("API besluiten", "bureau", "/api/v1/besluiten?paginaGrootte=100"),
        ("API overleggen", "bureau", "/api/v1/overleggen?paginaGrootte=100"),
        ("API overleg", "bureau", f"/api/v1/overleggen/{meeting.pk}"),
        ("API bijdragen", "bureau", "/api/v1/bijdragen?jaar=2025&paginaGrootte=100"),
        ("API organisaties", "anonymous", "/api/v1/organisaties?paginaGrootte=100"),
    ]


def _queries(client: Client, url: str) -> list[str]:
    cache.clear()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


def _shape(sql: str) -> str:
    """The statement without its values, so one query per row counts as one shape."""
    sql = re.sub(r"'[^']*'", "?", sql)
    sql = re.sub(r"\bIN \([^)]*\)", "IN (...)", sql)
    return re.sub(r"\b\d+(\.\d+)?\b", "?", sql)


def _problem(name: str, url: str, few: list[str], many: list[str]) -> str | None:
    budget = OVER_BUDGET.get(name, BUDGET)
    if len(few) == len(many) <= budget:
        return None
    before, after = Counter(map(_shape, few)), Counter(map(_shape, many))
    grown = [f"  {after[s]}x (was {before[s]}x) {s[:300]}" for s in after if after[s] > before[s]]
    repeated = [f"  {n}x {s[:300]}" for s, n in after.most_common() if n > 1]
    return "\n".join(
        [
            f"{name} ({url}): {len(few)} queries at the demo size, {len(many)} at double "
            f"(budget {budget})",
            *(["grew:", *grown] if grown else []),
            *(["repeated:", *repeated] if repeated else []),
        ]
    )


def test_main_pages_keep_their_query_count_when_the_data_doubles(vdg_demo_data):
    association = association_default()
    bureau = User.objects.get(username="bureau")
    clients = {"bureau": Client(), "holder": Client(), "anonymous": Client()}
    clients["bureau"].force_login(bureau)
    clients["holder"].force_login(User.objects.get(username="accounthouder-assen"))

    agreement = Agreement.objects.get(agenda=vdg_demo_data, slug="ekm-flexteam-warmte")
    portfolio = Portfolio.objects.get(association=association, slug="energie-klimaat-en-milieu")
    proposal = data.proposal_with_participants(association, 17)
    meeting = data.meeting_with_documents(association, bureau)
    data.follow(bureau, association, [agreement.pk], [proposal.pk], [portfolio.pk])
    pages = _pages(agreement, portfolio, proposal, meeting)

    few = {url: _queries(clients[who], url) for _name, who, url in pages}
    before = data.sizes(association, vdg_demo_data, meeting)
    started = time.perf_counter()
    data.grow(
        association,
        vdg_demo_data,
        agreement=agreement,
        proposal=proposal,
        meeting=meeting,
        bureau=bureau,
    )
    print(f"growing the data took {time.perf_counter() - started:.1f} s")  # shown, not asserted
    after = data.sizes(association, vdg_demo_data, meeting)
    assert all(after[k] >= 2 * before[k] > 0 for k in before), (before, after)
    many = {url: _queries(clients[who], url) for _name, who, url in pages}

    summary = "\n".join(f"{name}: {len(few[url])} -> {len(many[url])}" for name, _w, url in pages)
    print(summary)
    problems = [p for name, _w, url in pages if (p := _problem(name, url, few[url], many[url]))]
    assert not problems, "\n\n".join([summary, *problems])
