"""No association ever sees another's data (issue 14, docs/associations.md).

Association A is the VDG with its demo; association B is the example association
(`agenda/agendas/voorbeeld.yaml`), loaded beside it, with a marker text in every owned
record that has a text. Every role of A requests every page of the permission matrix
(A's objects), and each page's CSV export where it has one; no response may contain the
marker. The walk is per role, so the two test processes share the work.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from samenspel.accounts.models import User
from samenspel.accounts.tests.factories import UserFactory
from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agenda, Agreement, Milestone, Theme
from samenspel.agenda.tests.factories import ProgressUpdateFactory
from samenspel.api.tokens import token_create
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.finance.models import Project
from samenspel.meetings.tests.factories import ActionFactory, AgendaItemFactory, MeetingFactory
from samenspel.organisations.governance import RULES
from samenspel.organisations.models import (
    Association,
    Body,
    GovernanceRuleSetting,
    Organisation,
    Person,
    Portfolio,
)
from samenspel.web.tests.matrix import MATRIX, ROLES
from samenspel.web.tests.matrix_objects import PORTFOLIO, matrix_arguments
from samenspel.web.tests.test_permission_matrix import _checked_routes

MARKER = "ZQXB"
# Pages that are the same on every host by design: the admin index redirects or lists
# models (its record lists are walked in the admin tests), the health check.
NOT_OWNED = {"healthz"}


def _mark(model, field: str, **filters) -> None:
    for obj in model.objects.filter(**filters):
        setattr(obj, field, f"{MARKER} {getattr(obj, field)}")
        obj.save()


def association_b() -> Association:
    """The example association, every owned text marked, with a proposal and a meeting."""
    agenda_file_load(agenda_file.read("voorbeeld"))
    b = Association.objects.get(slug="voorbeeld")
    agenda = Agenda.objects.get(association=b)
    _mark(Agenda, "name", association=b)
    _mark(Theme, "name", agenda=agenda)
    _mark(Agreement, "title", agenda=agenda)
    _mark(Milestone, "title", agreement__agenda=agenda)
    _mark(Portfolio, "name", association=b)
    _mark(Body, "name", association=b)
    portfolio = Portfolio.objects.get(association=b)  # before its twin of A's code is made
    body = Body.objects.get(association=b, portfolio=portfolio)
    agreement = Agreement.objects.filter(agenda=agenda).first()
    ProgressUpdateFactory(agreement=agreement, text=f"{MARKER} voortgang")
    proposal = ProposalFactory(portfolio=portfolio, title=f"{MARKER} voorstel")
    ParticipantFactory(proposal=proposal, organisation=Organisation.objects.get(slug="ons-dorp"))
    meeting = MeetingFactory(body=body, place=f"{MARKER} zaal", starts_at=_aware(2024, 6, 20))
    AgendaItemFactory(meeting=meeting, title=f"{MARKER} agendapunt")
    ActionFactory(
        meeting=meeting,
        title=f"{MARKER} actie",
        owner=Person.objects.get(slug="jan-voorbeeld"),
    )
    Project.objects.create(association=b, slug="voorbeeld-project", name=f"{MARKER} project")
    token_create(
        association=b, name=f"{MARKER} token", user=UserFactory(), scopes=["read"], created_by=None
    )
    _same_codes_as_a(b)
    return b


def _same_codes_as_a(b: Association) -> None:
    """Codes are unique per association: B gets a portfolio and a body with the codes of
    the ones the matrix opens in A, and a governance rule switched off, all marked."""
    twin = Portfolio.objects.create(
        association=b, slug=PORTFOLIO, name=f"{MARKER} portefeuille", abbreviation="ZQ"
    )
    for body in Body.objects.filter(association__slug="vdg", portfolio__slug=PORTFOLIO):
        Body.objects.create(
            association=b,
            slug=body.slug,
            name=f"{MARKER} {body.name}",
            kind=body.kind,
            portfolio=twin,
        )
    GovernanceRuleSetting.objects.create(
        association=b, code=RULES[0].code, enabled=False, reason=f"{MARKER} uit"
    )


def _aware(*date):
    from samenspel.meetings.tests.factories import aware

    return aware(dt.date(*date))


def _body(response) -> bytes:
    """What a person would read in the response: a PDF's text, every part of a ZIP
    (XLSX, DOCX, a batch of documents), else the bytes as sent."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content.startswith(b"%PDF") and len(content) > 4:  # the matrix's stand-ins are 4 bytes
        pages = PdfReader(io.BytesIO(content)).pages
        return "\n".join(page.extract_text() for page in pages).encode()
    if content.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return b"\n".join(_body_of_part(archive.read(name)) for name in archive.namelist())
    return content


def _body_of_part(content: bytes) -> bytes:
    if content.startswith((b"%PDF", b"PK")):
        return _body(HttpResponse(content))
    return content


@pytest.mark.parametrize("username", ROLES)
def test_no_page_of_association_a_shows_association_b(username, client, vdg_demo_data, settings):
    settings.SAMENSPEL_TODAY = "2024-06-15"
    association_b()
    kwargs = matrix_arguments(vdg_demo_data)
    if username != "anoniem":
        client.force_login(User.objects.get(username=username))
    leaks = []
    for name in _checked_routes():
        if name in NOT_OWNED or MATRIX[name][0].split()[ROLES.index(username)] != "200":
            continue
        url = reverse(name, kwargs=kwargs.get(name, {}))
        # The API answers JSON whatever `format` says: one request is the whole answer.
        queries = ("",) if url.startswith("/api/") else ("", "?format=csv", "?format=xlsx")
        for query in queries:
            response = client.get(url + query)
            if MARKER.encode() in _body(response):
                leaks.append(url + query)
            if query == "?format=csv" and not response.get("Content-Type", "").startswith(
                "text/csv"
            ):
                break  # a page without exports: its XLSX would be the same page again
    assert leaks == [], "\n".join(leaks)


def test_no_command_for_association_a_shows_association_b(vdg_demo_data, tmp_path, capsys):
    association_b()
    outputs = []
    for name, *arguments in [
        ("exportagenda", "--format", "yaml", "-o", str(tmp_path / "agenda.yaml")),
        ("exportagenda", "--format", "xlsx", "-o", str(tmp_path / "agenda.xlsx")),
        ("report", "kwartaal", "--as-of", "2024-06-30", "--format", "html"),
        ("report", "jaar", "--as-of", "2024-12-31", "--format", "html"),
        ("sendreminders", "--date", "2024-06-15", "--dry-run"),
        ("senddigests", "--dry-run"),
        ("exportpopolo",),
    ]:
        if name == "report":
            arguments += ["-o", str(tmp_path / f"{arguments[0]}.html")]
        call_command(name, *arguments, "--association", "vdg")
        outputs.append(capsys.readouterr().out)
    with pytest.raises(SystemExit):
        call_command("checkagenda", "--date", "2024-06-15", "--all", "--association", "vdg")
    outputs.append(capsys.readouterr().out)
    files = [path.read_text() for path in tmp_path.glob("*.yaml")]
    files += [path.read_text() for path in tmp_path.glob("*.html")]
    with zipfile.ZipFile(tmp_path / "agenda.xlsx") as workbook:
        files += [workbook.read(name).decode() for name in workbook.namelist()]
    assert [text for text in outputs + files if MARKER in text] == []
    assert any("IZA: regiobeeld" in text for text in files)  # the VDG's own content is there


PAGES_FOR_BUDGET = [
    "web:dashboard",
    "agenda:agreements",
    "decisions:list",
    "meetings:list",
    "organisations:bodies",
    "finance:overview",
    "reports:list",
]


def test_queries_per_page_do_not_grow_with_the_number_of_associations(
    client, vdg_demo_data, settings
):
    """Each page costs the same number of queries with two associations or with seven."""
    settings.SAMENSPEL_TODAY = "2024-06-15"
    client.force_login(User.objects.get(username="bureau"))
    association_b()

    def counts() -> dict[str, int]:
        found = {}
        for name in PAGES_FOR_BUDGET:
            client.get(reverse(name))  # warm the routing table and the session
            with CaptureQueriesContext(connection) as queries:
                assert client.get(reverse(name)).status_code == 200
            found[name] = len(queries)
        return found

    before = counts()
    for number in range(5):
        extra = Association.objects.create(
            slug=f"regio-{number}", name=f"Regio {number}", short_name=f"R{number}"
        )
        Portfolio.objects.create(
            association=extra, slug=f"regio-{number}-wonen", name="Wonen", abbreviation="W"
        )
    assert counts() == before
