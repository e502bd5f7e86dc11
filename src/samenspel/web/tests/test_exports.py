"""Every page that offers its table as CSV and XLSX gives both, on the demo data.

The bureau (who may see every page) opens each page, follows the `format=csv` and
`format=xlsx` links the page itself shows, and the XLSX is opened with openpyxl: a bold
header row of text, the same as the CSV's. A template that shows export links but is
not rendered by one of the pages below fails the test, so a new export is tested too.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from html import unescape
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

import samenspel
from samenspel.accounts.models import User
from samenspel.finance.models import BudgetYear
from samenspel.meetings.constants import OutcomeKind
from samenspel.meetings.models import Action, Meeting, Outcome
from samenspel.organisations.constants import BodyKind, OrganisationKind
from samenspel.organisations.models import Body, Organisation, Person, Post
from samenspel.web.exports import table_response

pytestmark = pytest.mark.django_db

TODAY = "2024-06-15"
EXPORT_LINK = re.compile(r'href="(\?[^"]*format=(csv|xlsx)[^"]*)"')
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _templates_offering_exports() -> set[str]:
    """Templates, by their loader name, that show export links (the include excepted)."""
    names = set()
    for path in Path(samenspel.__file__).parent.glob("*/templates/**/*.html"):
        text = path.read_text()
        if "export_links.html" in text or "format=xlsx" in text:
            last = len(path.parts) - 1 - path.parts[::-1].index("templates")
            names.add("/".join(path.parts[last + 1 :]))
    return names


def _pages() -> list[str]:
    year = TODAY[:4]
    member = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).order_by("slug")[0]
    budget_year = BudgetYear.objects.order_by("-year").values_list("year", flat=True)[0]
    meeting = Meeting.objects.filter(invitations__isnull=False).order_by("starts_at")[0]
    body = Body.objects.filter(posts__memberships__isnull=False).order_by("slug")[0]
    person = Person.objects.filter(memberships__isnull=False).order_by("slug")[0]
    # years with rows: an empty list shows no export links
    decided = Outcome.objects.filter(kind=OutcomeKind.DECISION).order_by("pk")[0]
    decision_year = timezone.localtime(decided.item.meeting.starts_at).year
    action_year = Action.objects.order_by("pk")[0].created_on.year
    return [
        reverse("accounts:users"),
        reverse("accounts:invitations"),
        reverse("agenda:agreements"),
        reverse("decisions:list"),
        reverse("finance:overview"),
        reverse("finance:contributions", args=[budget_year]),
        reverse("finance:projects"),
        reverse("capacity:overview"),
        reverse("capacity:record", args=[member.slug]),
        reverse("meetings:list"),
        reverse("meetings:detail", args=[meeting.pk]),
        reverse("meetings:decisions") + f"?year={decision_year}",
        reverse("meetings:actions") + f"?year={action_year}",
        reverse("meetings:schedule", args=[int(year)]),
        reverse("organisations:list"),
        reverse("organisations:detail", args=[member.slug]),
        reverse("organisations:bodies"),
        reverse("organisations:body", args=[body.slug]),
        reverse("organisations:person", args=[person.slug]),
        reverse("organisations:governance"),
    ]


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def _check_export(client, page: str, query: str) -> None:
    url = page.split("?")[0] + unescape(query)
    csv_url = re.sub(r"format=xlsx", "format=csv", url)
    xlsx_url = re.sub(r"format=csv", "format=xlsx", url)

    csv_response = client.get(csv_url)
    assert csv_response.status_code == 200, csv_url
    assert csv_response["Content-Type"].startswith("text/csv"), csv_url
    csv_header = _csv_rows(csv_response)[0]
    assert csv_header and all(csv_header), csv_url

    xlsx_response = client.get(xlsx_url)
    assert xlsx_response.status_code == 200, xlsx_url
    assert xlsx_response["Content-Type"] == XLSX, xlsx_url
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    header = [cell.value for cell in sheet[1]]
    assert all(isinstance(value, str) and value for value in header), (xlsx_url, header)
    assert all(cell.font.bold for cell in sheet[1]), xlsx_url
    assert header == csv_header, xlsx_url
    assert not any(cell.data_type == "f" for row in sheet.iter_rows() for cell in row)


def _an_invitation(bureau: User) -> None:
    from samenspel.accounts.invitations.services import invitation_create

    post = Post.objects.filter(body__kind=BodyKind.CORE_GROUP).order_by("pk")[0]
    invitation_create(
        post.body.association,
        email="nieuw@example.org",
        name="Nieuwe Collega",
        organisation=Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)[0],
        post=post,
        start_date=dt.date.fromisoformat(TODAY),
        invited_by=bureau,
    )


def test_every_page_with_a_table_export_gives_csv_and_xlsx(client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = TODAY
    bureau = User.objects.get(username="bureau")
    client.force_login(bureau)
    _an_invitation(bureau)  # the demo has none: an empty list offers no export
    rendered: set[str] = set()
    exports = 0
    for page in _pages():
        response = client.get(page)
        assert response.status_code == 200, page
        rendered |= {t.name for t in response.templates if t.name}
        links = {query for query, _fmt in EXPORT_LINK.findall(response.content.decode())}
        assert links, f"{page} shows no export link"
        for query in sorted(links):
            _check_export(client, page, query)
            exports += 1
    assert exports >= len(_pages())
    untested = _templates_offering_exports() - rendered
    assert untested == set(), "pages with export links this test does not open"


def test_lazy_translations_in_headers_and_cells_become_text():
    # The proposals list once gave 500 on XLSX: "Cannot convert 'Voorstel' to Excel".
    columns = [gettext_lazy("Voorstel"), gettext_lazy("Status"), "Datum"]
    rows = [[gettext_lazy("Afgerond"), gettext_lazy("Ja"), dt.date(2024, 6, 15)]]

    xlsx = table_response(fmt="xlsx", filename="voorstellen", columns=columns, rows=rows)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]] == ["Voorstel", "Status", "Datum"]
    assert [c.value for c in sheet[2]][:2] == ["Afgerond", "Ja"]

    text = table_response(fmt="csv", filename="voorstellen", columns=columns, rows=rows)
    assert _csv_rows(text) == [["Voorstel", "Status", "Datum"], ["Afgerond", "Ja", "2024-06-15"]]


def test_times_with_a_time_zone_are_written_in_local_time():
    # openpyxl refuses aware datetimes; exports write them as the local time.
    moment = timezone.make_aware(dt.datetime(2024, 6, 15, 14, 30))
    xlsx = table_response(fmt="xlsx", filename="t", columns=["Moment"], rows=[[moment]])
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert sheet["A2"].value == dt.datetime(2024, 6, 15, 14, 30)

    text = table_response(fmt="csv", filename="t", columns=["Moment"], rows=[[moment]])
    assert _csv_rows(text)[1] == ["2024-06-15T14:30:00"]
