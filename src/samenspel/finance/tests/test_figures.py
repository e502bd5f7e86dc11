"""Money figures the Dutch way, in tables, charts and titles; a contributions table that
fits the screen while the download keeps every column (on the demo, which has projects)."""

import csv
import io
import re
from decimal import Decimal

from samenspel.finance.tests.factories import ClaimFactory

DUTCH_EURO = r"€ \d{1,3}(?:\.\d{3})*,\d{2}"


def test_the_contributions_table_has_few_columns_and_the_csv_all(
    client, bureau_user, vdg_demo_data
):
    client.force_login(bureau_user)
    response = client.get("/financien/bijdragen/2024/")
    html = response.content.decode()
    table = html[html.index('<table class="utrecht-table samenspel-contributions"') :]
    head = table[: table.index("</thead>")]
    columns = re.findall(r'<th scope="col"', head)
    frozen = response.context["figures"].frozen
    # Member, inhabitants, the agenda, the projects together, the total (and the difference).
    assert len(columns) == (6 if frozen else 5)
    sources = response.context["sources"]
    assert len(sources) > 2  # the agenda and the demo's projects, each behind a details
    assert html.count('<details class="samenspel-amount-details">') == 13  # 12 + the total
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/financien/bijdragen/2024/?format=csv").content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert rows[0] == [
        "organisation",
        "code",
        "inhabitants",
        "reference_date",
        *[f"source:{s}" for s in sources],
        "total",
    ]


def test_chart_labels_and_descriptions_are_dutch_money(client, bureau_user, vdg_demo_data):
    client.force_login(bureau_user)
    chart = str(client.get("/financien/bijdragen/2024/").context["chart"])
    totals = re.findall(r'<text x="[\d.]+" y="[\d.]+" font-size="13">([^<]+)</text>', chart)
    assert len(totals) == 12 and all(re.fullmatch(DUTCH_EURO, t) for t in totals)
    description = re.search(r"<desc[^>]*>([^<]+)</desc>", chart)[1]
    assert re.search(DUTCH_EURO, description)
    assert not re.search(r"\d\.\d{1,2}\b(?!\d)", description)  # no English decimal point


def test_a_claim_names_its_amount_the_dutch_way(db):
    claim = ClaimFactory(amount=Decimal("5472.05"))
    assert "€ 5.472,05" in str(claim)
    assert "5472.05" not in str(claim)
