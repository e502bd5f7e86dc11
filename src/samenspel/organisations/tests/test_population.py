"""Population import: good files, each kind of bad line, nothing half-written, idempotent."""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command

from samenspel.organisations.models import Identifier, InhabitantCount
from samenspel.organisations.population import PopulationImportError, population_import
from samenspel.organisations.tests.factories import OrganisationFactory


@pytest.fixture
def municipalities(db):
    result = {}
    for slug, code in [("assen", "GM0106"), ("emmen", "GM0114"), ("aa-en-hunze", "GM1680")]:
        org = OrganisationFactory(slug=slug, municipality=True)
        Identifier.objects.create(organisation=org, scheme="cbs", value=code)
        result[slug] = org
    return result


SIMPLE = "code;date;inhabitants\nGM0106;2024-01-01;69691\nGM0114;2024-01-01;109361\n"
STATLINE = (
    "\ufeffID;Geslacht;RegioS;Perioden;BevolkingOp1Januari_1\n"
    "1;T001038;GM0106    ;2023JJ00;69000\n"
    "2;3000   ;GM0106    ;2023JJ00;34000\n"
    "3;T001038;NL01      ;2023JJ00;17811291\n"
    "4;T001038;GM1680    ;2023JJ00;25750\n"
)


def test_simple_file_is_imported(municipalities):
    result = population_import(text=SIMPLE, source="CBS test")
    assert (result.created, result.changed, result.unchanged) == (2, 0, 0)
    figure = InhabitantCount.objects.get(organisation=municipalities["emmen"])
    assert (figure.count, figure.reference_date, figure.source) == (
        109361,
        dt.date(2024, 1, 1),
        "CBS test",
    )


def test_statline_export_takes_totals_of_municipalities_only(municipalities):
    result = population_import(text=STATLINE, source="CBS 03759ned")
    assert result.created == 2
    assert result.skipped == 2  # the men-only row and the national total
    assert InhabitantCount.objects.get(organisation=municipalities["assen"]).count == 69000


def test_reimporting_the_same_file_changes_nothing(municipalities):
    population_import(text=SIMPLE, source="CBS")
    history = InhabitantCount.history.count()
    result = population_import(text=SIMPLE, source="CBS")
    assert (result.created, result.changed, result.unchanged) == (0, 0, 2)
    assert InhabitantCount.history.count() == history


def test_a_new_figure_for_the_same_date_is_an_update(municipalities):
    population_import(text=SIMPLE, source="CBS")
    result = population_import(text="GM0106;2024-01-01;70000\n", source="CBS correctie")
    assert result.changed == 1
    assert InhabitantCount.objects.get(organisation=municipalities["assen"]).count == 70000


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("GM9999;2024-01-01;1000", "Regel 3: onbekende CBS-code 'GM9999'"),
        ("GM0114;2024-01-01;veel", "Regel 3: 'veel' is geen geldig aantal inwoners"),
        ("GM0114;2024-01-01;-5", "Regel 3: '-5' is geen geldig aantal inwoners"),
        ("GM0114;1-1-2024;1000", "Regel 3: '1-1-2024' is geen geldige datum"),
        ("GM0114;2024-01-01", "Regel 3: verwacht 3 velden"),
        ("GM0106;2024-01-01;1", "Regel 3: GM0106 op 2024-01-01 staat ook op regel 2"),
    ],
)
def test_each_bad_line_is_named_and_nothing_is_written(municipalities, line, message):
    text = "code;date;inhabitants\nGM0106;2024-01-01;69691\n" + line + "\n"
    with pytest.raises(PopulationImportError) as error:
        population_import(text=text, source="CBS")
    assert any(e.startswith(message) for e in error.value.errors), error.value.errors
    assert not InhabitantCount.objects.exists()


def test_skip_unknown_passes_over_codes_without_organisation(municipalities):
    result = population_import(
        text=SIMPLE + "GM0363;2024-01-01;931298\n", source="CBS", skip_unknown=True
    )
    assert (result.created, result.skipped) == (2, 1)


def test_command_reports_every_error_and_writes_nothing(municipalities, tmp_path):
    path = tmp_path / "bevolking.csv"
    path.write_text("GM0106;2024-01-01;69691\nGM0999;2024-01-01;5\nGM0114;morgen;5\n")
    with pytest.raises(CommandError) as error:
        call_command("importpopulation", str(path))
    text = str(error.value)
    assert "2 fout(en), er is niets opgeslagen" in text
    assert "Regel 2" in text and "Regel 3" in text
    assert not InhabitantCount.objects.exists()


def test_command_imports_a_good_file(municipalities, tmp_path, capsys):
    path = tmp_path / "bevolking.csv"
    path.write_text(SIMPLE, encoding="utf-8")
    call_command("importpopulation", str(path))
    assert "2 nieuw" in capsys.readouterr().out
    assert InhabitantCount.objects.filter(source="CBS StatLine, bevolking.csv").count() == 2
