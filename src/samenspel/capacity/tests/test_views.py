"""The staff pages through Django's client with real roles: tables, exports, permissions,
recording realised hours and query counts."""

import csv
import io
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from samenspel.accounts.constants import RoleKind
from samenspel.capacity.models import RealisedHours, StaffCommitment
from samenspel.capacity.tests.factories import RealisedHoursFactory
from samenspel.organisations.models import Organisation, Portfolio
from samenspel.organisations.tests.factories import OrganisationFactory

TABLES = [
    "2.1",
    "2.2",
    "totaal",
    "portefeuilles",
    "realisatie",
    "realisatie-portefeuille",
    "inhuur",
]


class _Tables(HTMLParser):
    """Column headers and rows (text per cell) of every table with an id on a page."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, dict] = {}
        self._table = None
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._in_head = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], {"columns": [], "rows": []})
        elif self._table is None:
            return
        elif tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td"):
            self._cell = []

    def handle_endtag(self, tag):
        if self._table is None:
            return
        if tag in ("th", "td") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr":
            target = "columns" if self._in_head else "rows"
            if self._in_head:
                self._table["columns"] = self._row
            else:
                self._table[target].append(self._row)
        elif tag == "thead":
            self._in_head = False
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _tables(response) -> dict[str, dict]:
    parser = _Tables()
    parser.feed(response.content.decode())
    return parser.tables


def _csv(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def realised(vdg_agenda):
    """A few realised quarters for Assen in 2024."""
    assen = Organisation.objects.get(slug="assen")
    gw = Portfolio.objects.get(slug="gezondheid-en-welzijn")
    RealisedHoursFactory(organisation=assen, portfolio=gw, year=2024, quarter=1, hours=25)
    RealisedHoursFactory(
        organisation=assen, portfolio=gw, year=2024, quarter=2, hours=Decimal("30.5")
    )
    RealisedHoursFactory(
        organisation=assen, portfolio=None, year=2024, quarter=1, hours=100, is_demo=True
    )
    return assen


def test_overview_shows_both_tables_as_on_paper(client, reader_user, vdg_agenda):
    client.force_login(reader_user)
    response = client.get("/inzet/")
    assert response.status_code == 200
    tables = _tables(response)
    table_2_1 = tables["tabel-2-1"]
    assert table_2_1["columns"] == [
        "Gemeente", "G&W", "EKM", "R&W", "Ond.", "Cul.", "Sport", "PSI", "EZ", "Fin.", "Totaal",
    ]  # fmt: skip
    assert len(table_2_1["rows"]) == 13  # 12 members and the totals row
    assert table_2_1["rows"][0] == [
        "Aa en Hunze", "110", "110", "90", "90", "100", "110", "80", "90", "60", "840",
    ]  # fmt: skip
    assert table_2_1["rows"][-1][0] == "Totaal"
    assert table_2_1["rows"][-1][-1] == "10.080"
    table_2_2 = tables["tabel-2-2"]
    assert table_2_2["columns"] == [
        "Gemeente",
        "Voorzitter",
        "Accounth.",
        "VNG-cies",
        "Staf",
        "Totaal",
    ]
    assert table_2_2["rows"][0] == ["Aa en Hunze", "120", "40", "", "", "160"]
    assert table_2_2["rows"][1] == ["Assen", "110", "40", "25", "360", "535"]
    assert table_2_2["rows"][-1] == ["Totaal", "758", "480", "375", "420", "2.033"]
    totals = {row[0]: row[-1] for row in tables["tabel-totaal"]["rows"]}
    assert totals["Assen"] == "1.375"
    assert totals["Totaal"] == "12.113"
    page = response.content.decode()
    assert "<caption" in page and 'scope="row"' in page and "samenspel-numeric" in page
    assert "financieel gecompenseerd door alle gemeenten" in page
    assert "€ 103.005,00" in page
    assert "€ 29.800,00" in page
    assert 'role="img"' in page  # the chart, with its data table beside it
    assert tables["tabel-portefeuilles"]["rows"][0] == ["G&W", "Gezondheid en Welzijn", "1.320"]
    assert "Voor 2024 zijn nog geen gerealiseerde uren ingevuld." in page


@pytest.mark.parametrize("key", TABLES)
def test_exports_have_the_columns_of_the_screen(client, reader_user, realised, key):
    client.force_login(reader_user)
    screen = _tables(client.get("/inzet/?jaar=2024"))["tabel-" + key.replace(".", "-")]
    response = client.get(f"/inzet/?jaar=2024&tabel={key}&format=csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv(response)
    assert rows[0] == screen["columns"]
    assert len(rows) - 1 == len(screen["rows"])
    assert [row[0] for row in rows[1:]] == [
        cell.replace(" demo", " (demo)") for cell in (row[0] for row in screen["rows"])
    ]
    workbook = load_workbook(
        io.BytesIO(client.get(f"/inzet/?jaar=2024&tabel={key}&format=xlsx").content)
    )
    sheet = workbook.active
    assert [c.value for c in sheet[1]] == screen["columns"]
    assert sheet.max_row == len(rows)


def test_export_of_table_2_1_has_the_numbers(client, reader_user, vdg_agenda):
    client.force_login(reader_user)
    rows = _csv(client.get("/inzet/?tabel=2.1&format=csv"))
    assert rows[1] == [
        "Aa en Hunze",
        "110",
        "110",
        "90",
        "90",
        "100",
        "110",
        "80",
        "90",
        "60",
        "840",
    ]
    assert rows[-1][-1] == "10080"
    assert client.get("/inzet/?tabel=onbekend&format=csv").status_code == 404


def test_planned_against_realised(client, reader_user, realised):
    client.force_login(reader_user)
    response = client.get("/inzet/?jaar=2024")
    tables = _tables(response)
    members = {row[0]: row for row in tables["tabel-realisatie"]["rows"]}
    # Gepland, Q1..Q4, Gerealiseerd, % van gepland
    assert members["Assen demo"] == ["Assen demo", "1.375", "125", "30,5", "", "", "155,5", "11%"]
    assert members["Emmen"] == ["Emmen", "1.003", "", "", "", "", "", ""]
    portfolios = {row[0]: row for row in tables["tabel-realisatie-portefeuille"]["rows"]}
    assert portfolios["Gezondheid en Welzijn"][1:3] == ["1.320", "25"]
    assert portfolios["Onderwijs en Cultuur"][1] == "2.280"
    assert portfolios["Rollen zonder portefeuille demo"][1:3] == ["2.033", "100"]
    assert "verzonnen uren voor de demo" in response.content.decode()


def test_anonymous_visitors_sign_in_first(client, vdg_agenda):
    for url in ("/inzet/", "/inzet/realisatie/assen/"):
        response = client.get(url)
        assert response.status_code == 302
        assert "/inloggen/" in response["Location"]


def _post(client, slug, **data):
    values = {"year": 2024, "quarter": 2, "portfolio": "", "hours": "27,5", "note": ""}
    return client.post(f"/inzet/realisatie/{slug}/", {**values, **data})


def test_readers_cannot_record_hours(client, reader_user, vdg_agenda):
    client.force_login(reader_user)
    assert client.get("/inzet/realisatie/assen/").status_code == 403
    assert _post(client, "assen").status_code == 403
    assert not RealisedHours.objects.exists()


def test_account_holder_records_hours_for_own_organisation_only(client, make_user, vdg_agenda):
    assen = Organisation.objects.get(slug="assen")
    client.force_login(make_user(RoleKind.ACCOUNT_HOLDER, organisation=assen))
    page = client.get("/inzet/realisatie/assen/")
    assert page.status_code == 200
    assert "Uren bijhouden: Assen" in page.content.decode()
    sport = Portfolio.objects.get(slug="sport")
    response = _post(client, "assen", portfolio=sport.pk)
    assert response.status_code == 302
    record = RealisedHours.objects.get()
    assert (record.organisation, record.portfolio, record.hours) == (assen, sport, Decimal("27.5"))
    assert record.history.first().history_user is not None
    assert client.get("/inzet/realisatie/emmen/").status_code == 403
    assert _post(client, "emmen").status_code == 403
    assert RealisedHours.objects.count() == 1
    # The overview links to the own organisation only.
    overview = client.get("/inzet/").content.decode()
    assert "/inzet/realisatie/assen/" in overview
    assert "/inzet/realisatie/emmen/" not in overview


def test_bureau_records_hours_for_every_member_but_not_for_others(client, bureau_user, vdg_agenda):
    client.force_login(bureau_user)
    assert _post(client, "emmen").status_code == 302
    assert client.get("/inzet/realisatie/provincie-drenthe/").status_code == 404
    overview = client.get("/inzet/?jaar=2024").content.decode()
    assert "/inzet/realisatie/westerveld/" in overview


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"hours": "-1"}, "Het aantal uren kan niet negatief zijn."),
        ({"hours": "2001"}, "Meer dan 2000 uren in één kwartaal kan niet kloppen."),
        ({"hours": "12,55"}, "hoogstens één decimaal"),
        ({"year": "1999"}, "Het jaar moet tussen 2000 en 2100 liggen."),
        ({"quarter": "5"}, "Selecteer een geldige keuze"),
    ],
)
def test_bad_input_is_named_and_nothing_is_saved(client, bureau_user, vdg_agenda, data, message):
    client.force_login(bureau_user)
    response = _post(client, "assen", **data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not RealisedHours.objects.exists()


def test_the_record_page_shows_the_year_and_exports_it(client, bureau_user, realised):
    client.force_login(bureau_user)
    response = client.get("/inzet/realisatie/assen/?jaar=2024")
    table = _tables(response)["tabel-kwartalen"]
    rows = {row[0]: row for row in table["rows"]}
    assert rows["Gezondheid en Welzijn"][:4] == ["Gezondheid en Welzijn", "110", "25", "30,5"]
    assert rows["Onderwijs en Cultuur"][1] == "190"
    assert rows["Rollen zonder portefeuille demo"][1:3] == ["535", "100"]
    assert rows["Totaal demo"][1] == "1.375"
    exported = _csv(client.get("/inzet/realisatie/assen/?jaar=2024&format=csv"))
    assert exported[0] == table["columns"]


def test_queries_do_not_grow_with_the_number_of_rows(
    client, bureau_user, realised, django_assert_max_num_queries
):
    client.force_login(bureau_user)
    client.get("/inzet/?jaar=2024")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/inzet/?jaar=2024").status_code == 200
    agenda = StaffCommitment.objects.first().agenda
    portfolios = list(Portfolio.objects.all())
    for n in range(5):
        extra = OrganisationFactory(municipality=True, slug=f"nieuwe-gemeente-{n}")
        for portfolio in portfolios:
            StaffCommitment.objects.create(
                agenda=agenda,
                organisation=extra,
                kind="portfolio",
                portfolio=portfolio,
                label=portfolio.abbreviation,
                hours_per_year=50,
                year_from=2023,
            )
            for quarter in range(1, 5):
                RealisedHoursFactory(
                    organisation=extra, portfolio=portfolio, year=2024, quarter=quarter, hours=10
                )
    with django_assert_max_num_queries(len(few)):
        assert client.get("/inzet/?jaar=2024").status_code == 200
    with django_assert_max_num_queries(len(few)):
        assert client.get("/inzet/realisatie/assen/?jaar=2024").status_code == 200
