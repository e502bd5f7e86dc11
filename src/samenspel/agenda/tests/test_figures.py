"""The same figures on every page, and a timeline with every agreement (on the demo).

A portfolio's agreements are those it leads or shares (`selectors.in_portfolio`): the
dashboard, the agenda overview, the public pages, the portfolio page and the filtered
list count them alike. Public and internal status differ by design (internal updates),
and the pages say so.
"""

import re

import pytest

from samenspel.agenda import selectors
from samenspel.organisations.models import Portfolio

GW = "gezondheid-en-welzijn"


@pytest.fixture(autouse=True)
def fixed_today(settings):
    settings.SAMENSPEL_TODAY = "2025-06-15"


@pytest.fixture
def expected(vdg_demo_data):
    """Each portfolio's number of agreements, counted in the database by the one rule."""
    agreements = vdg_demo_data.agreements
    return {
        p.slug: agreements.filter(selectors.in_portfolio(p)).distinct().count()
        for p in Portfolio.objects.filter(association=vdg_demo_data.association)
    }


def _totals(rows) -> dict:
    return {row.portfolio.slug if row.portfolio else None: row.total for row in rows}


def test_every_page_counts_a_portfolios_agreements_alike(
    client, bureau_user, vdg_demo_data, expected
):
    client.force_login(bureau_user)
    dashboard = client.get("/").context["panels"]
    panel = next(p["context"] for p in dashboard if p["template"] == "agenda/dashboard_panel.html")
    overview = client.get("/agenda/").context["rows"]
    public = client.get("/openbaar/").context["rows"]
    for rows in (panel["rows"], overview, public):
        totals = _totals(rows)
        assert {slug: totals[slug] for slug in expected} == expected
    # The agreements of no portfolio have a row of their own, so none is left out.
    alone = vdg_demo_data.agreements.filter(portfolio=None, other_portfolios=None).count()
    assert alone > 0 and totals[None] == alone
    portfolio_page = client.get(f"/agenda/portefeuilles/{GW}/")
    assert sum(s.count for s in portfolio_page.context["counts"]) == expected[GW]
    listed = client.get(f"/agenda/afspraken/?portefeuille={GW}").context["page"].paginator.count
    assert listed == expected[GW]
    public_page = client.get(f"/openbaar/portefeuilles/{GW}/")
    assert sum(s.count for s in public_page.context["counts"]) == expected[GW]
    shared = portfolio_page.context["shared"]
    assert shared > 0  # Gezondheid en Welzijn shares agreements led elsewhere
    assert f"waarvan {shared} gedeeld" in portfolio_page.content.decode()
    assert f"waarvan {shared} gedeeld" in public_page.content.decode()


def test_where_public_and_internal_status_differ_the_page_says_why(
    client, bureau_user, vdg_demo_data
):
    client.force_login(bureau_user)
    internal = client.get(f"/agenda/portefeuilles/{GW}/")
    public = client.get(f"/openbaar/portefeuilles/{GW}/")
    differences = sum(
        1
        for a, b in zip(internal.context["counts"], public.context["counts"], strict=True)
        if a.count != b.count
    )
    number = internal.context["public_differences"]
    if differences:
        assert number > 0
    if number:
        assert f"Op de openbare pagina staat bij {number} afspra" in internal.content.decode()
    assert "interne voortgang telt hier niet mee" in public.content.decode()
    assert "de openbare pagina niet, dus daar kan de stand afwijken" in (
        client.get("/agenda/").content.decode()
    )


def test_the_timeline_shows_every_agreement_with_a_legend_and_today(
    client, bureau_user, vdg_demo_data, django_assert_max_num_queries
):
    client.force_login(bureau_user)
    client.get("/agenda/tijdlijn/")
    with django_assert_max_num_queries(12):
        response = client.get("/agenda/tijdlijn/")
    grid = response.context["grid"]
    shown = [row.agreement.pk for row in grid.rows] + [a.pk for a in grid.unplanned]
    assert sorted(shown) == sorted(vdg_demo_data.agreements.values_list("pk", flat=True))
    assert grid.total == vdg_demo_data.agreements.count()
    assert grid.milestones_only > 0  # shown by their milestones, without a bar
    html = response.content.decode()
    for text in ("Mijlpaal bereikt", "Mijlpaal over tijd", "Mijlpaal gepland", "Vandaag (15 juni"):
        assert text in html
    for status in ("Afgerond", "Op koers", "Risico", "Vertraagd", "Gestopt", "Nog niet gestart"):
        assert f"</span>{status}</li>" in html
    today_lines = len(re.findall(r'class="samenspel-tl-today ', html))
    assert today_lines == len(grid.rows) + 1  # every row, and the head with "vandaag"
    # Full names on hover; the agreements without a place are listed with a link.
    first = grid.rows[0].agreement
    assert f'title="{first.title}"' in html
    assert f'href="{grid.unplanned[0].get_absolute_url()}"' in html
    # One group per portfolio, in the portfolios' order, the agreements of none last.
    names = [group.name for group in grid.groups]
    assert names[0] == "Gezondheid en Welzijn" and names[-1] == "Zonder portefeuille"


def test_the_timeline_of_a_portfolio_counts_as_its_page(client, bureau_user, expected):
    client.force_login(bureau_user)
    grid = client.get(f"/agenda/tijdlijn/?portefeuille={GW}").context["grid"]
    assert grid.total == expected[GW]
    assert [group.name for group in grid.groups] == ["Gezondheid en Welzijn"]
