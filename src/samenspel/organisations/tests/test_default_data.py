"""The VDG default loads with the organisations, portfolios and bodies of the document."""

from samenspel.organisations.associations import association_default
from samenspel.organisations.constants import BodyKind
from samenspel.organisations.models import Body, InhabitantCount, Organisation, Portfolio
from samenspel.organisations.selectors import members_of


def test_vdg_default_has_the_expected_organisations(vdg_structure):
    municipalities = members_of(association_default()).filter(kind="municipality")
    assert municipalities.count() == 12
    assert Organisation.objects.filter(kind="province").count() == 1
    assert set(Organisation.objects.filter(kind="water_board").values_list("slug", flat=True)) == {
        "waterschap-hunze-en-aas",
        "waterschap-drents-overijsselse-delta",
        "waterschap-noorderzijlvest",
        "waterschap-vechtstromen",
    }
    assert Portfolio.objects.count() == 8
    assert Organisation.objects.get(slug="assen").identifiers.get(scheme="cbs").value == "GM0106"


def test_inhabitants_2024_add_up_to_the_cbs_province_total_with_sources(vdg_structure):
    figures = InhabitantCount.objects.filter(
        organisation__in=members_of(association_default()), reference_date="2024-01-01"
    )
    assert figures.count() == 12
    assert sum(f.count for f in figures) == 504116
    assert all(f.source for f in figures)
    province = Organisation.objects.get(slug="provincie-drenthe")
    assert province.inhabitant_counts.get(reference_date="2024-01-01").count == 504116


def test_every_portfolio_has_its_meetings_and_core_groups(vdg_structure):
    for portfolio in Portfolio.objects.all():
        kinds = list(portfolio.bodies.values_list("kind", flat=True))
        assert kinds.count(BodyKind.PORTFOLIO_MEETING) == 1
        assert kinds.count(BodyKind.CORE_GROUP) >= 1
        expected = 2 if portfolio.slug == "onderwijs-en-cultuur" else 1
        assert kinds.count(BodyKind.OFFICIALS_MEETING) == expected


def test_seven_vng_committees_are_unlinked(vdg_structure):
    unlinked = Body.objects.filter(kind=BodyKind.VNG_COMMITTEE, link_status="unlinked")
    assert unlinked.count() == 7
    assert "Commissie Bestuur en Veiligheid" in set(unlinked.values_list("name", flat=True))


def test_the_partners_the_document_names_are_loaded(vdg_structure):
    slugs = set(Organisation.objects.values_list("slug", flat=True))
    for partner in [
        "ggd-drenthe",
        "cmo-stamm",
        "sportdrenthe",
        "zilveren-kruis",
        "trendbureau-drenthe",
        "biblionet",
        "vng",
    ]:
        assert partner in slugs, partner
