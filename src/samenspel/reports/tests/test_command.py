"""`samenspel report` writes the same reports from the command line."""

import datetime as dt
import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document

from samenspel.agenda.tests.factories import AgreementFactory, ProgressUpdateFactory
from samenspel.organisations.tests.factories import PortfolioFactory


@pytest.fixture
def agenda_data(db):
    agreement = AgreementFactory(portfolio=PortfolioFactory(slug="sport", name="Sport"))
    ProgressUpdateFactory(agreement=agreement, date=dt.date(2024, 3, 1))
    return agreement


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html"])
def test_report_command_writes_each_format(agenda_data, tmp_path, fmt):
    target = tmp_path / f"rapport.{fmt}"
    out = io.StringIO()
    call_command(
        "report", "portefeuille", "--as-of", "2024-09-30", "--portfolio", "sport",
        "--format", fmt, "-o", str(target), stdout=out,
    )  # fmt: skip
    content = target.read_bytes()
    assert "Portefeuillerapportage Sport" in out.getvalue()
    if fmt == "pdf":
        assert content.startswith(b"%PDF")
    elif fmt == "docx":
        assert Document(io.BytesIO(content)).core_properties.title == "Portefeuillerapportage Sport"
    else:
        assert b"<h1>Portefeuillerapportage Sport</h1>" in content


def test_report_command_names_bad_input(agenda_data, tmp_path):
    with pytest.raises(CommandError, match="--as-of"):
        call_command("report", "kwartaal", "--as-of", "30-09-2024", "-o", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="--portfolio"):
        call_command("report", "portefeuille", "--as-of", "2024-09-30", "-o", str(tmp_path / "x"))
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command(
            "report", "lid", "--as-of", "2024-09-30", "--organisation", "nergens",
            "-o", str(tmp_path / "x"),
        )  # fmt: skip
