"""The VDG agenda file: validates, loads with the document's counts, round-trips, and a
broken file changes nothing and names the line."""

from collections import Counter

import pytest
import yaml
from django.core.management import CommandError, call_command

from samenspel.agenda import agenda_file
from samenspel.agenda.export import agenda_export
from samenspel.agenda.loader import agenda_file_load
from samenspel.agenda.models import Agreement, Milestone, Theme

# Rows with text per portfolio in annex 2 ("Bestaande afspraken in portefeuilles").
ANNEX_ROWS = {
    "gezondheid-en-welzijn": 37,
    "energie-klimaat-en-milieu": 20,
    "ruimte-en-wonen": 21,
    "onderwijs-en-cultuur": 23,
    "sport": 21,
    "participatie-schulden-en-integratie": 14,
    "economische-zaken-en-industrie": 12,
    "financien": 10,
}


def test_vdg_agenda_loads_every_annex_row(vdg_agenda):
    existing = Counter(
        Agreement.objects.filter(kind="existing").values_list("portfolio__slug", flat=True)
    )
    assert dict(existing) == ANNEX_ROWS
    assert Agreement.objects.filter(kind="board_task").count() == 9
    assert Agreement.objects.filter(kind="bureau_task").count() == 27
    assert Agreement.objects.filter(kind="association_wide").count() == 3
    assert vdg_agenda.challenges.count() == 3
    assert vdg_agenda.programmes.count() == 8
    assert "gemeentegrensoverschrijdende" in vdg_agenda.mission


def test_milestones_keep_their_text_and_get_dates(vdg_agenda):
    milestone = Milestone.objects.get(when_text="Eind Q2 2023")
    assert str(milestone.end) == "2023-06-30"
    assert milestone.when_note == "jaar uit context"
    shared = Theme.objects.get(slug="ekm-psi-energiearmoede")
    assert {p.slug for p in shared.portfolios.all()} == {
        "energie-klimaat-en-milieu",
        "participatie-schulden-en-integratie",
    }


def test_loading_twice_changes_nothing(vdg_agenda):
    history = Agreement.history.count()
    counts = agenda_file_load(agenda_file.read("vdg-2023-2027"))
    assert not counts.changed
    assert Agreement.history.count() == history


def test_export_then_load_gives_the_same_agenda(vdg_agenda, tmp_path):
    first = agenda_export(vdg_agenda)
    path = tmp_path / "export.yaml"
    path.write_text(yaml.safe_dump(first, allow_unicode=True, sort_keys=False))
    counts = agenda_file_load(agenda_file.read(path))
    assert not counts.changed
    assert agenda_export(vdg_agenda) == first
    assert len(first["agreements"]) == Agreement.objects.count() == 256


def test_exportagenda_command_writes_yaml_and_xlsx(vdg_agenda, tmp_path):
    from openpyxl import load_workbook

    call_command("exportagenda", "--format", "yaml", "-o", str(tmp_path / "a.yaml"))
    assert yaml.safe_load((tmp_path / "a.yaml").read_text())["format"] == "samenspel-agenda/1"
    call_command("exportagenda", "--format", "xlsx", "-o", str(tmp_path / "a.xlsx"))
    book = load_workbook(tmp_path / "a.xlsx")
    assert book["Afspraken"].max_row == 257


def _broken(tmp_path, edit) -> str:
    data = agenda_file.read("vdg-2023-2027").data
    edit(data)
    path = tmp_path / "kapot.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    return str(path)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda d: d["agreements"][5].update(theme="bestaat-niet"), "Onbekende thema"),
        (lambda d: d["agreements"][7].update(partners=["nergens"]), "Onbekende organisatie"),
        (lambda d: d["agreements"][9].update(kind="wens"), "niet toegestaan"),
        (lambda d: d["agreements"][3].pop("title"), "Verplicht veld ontbreekt: title"),
        (lambda d: d["themes"].append(dict(d["themes"][0])), "komt al voor"),
        (lambda d: d["bodies"][2].update(portfolio="onbekend"), "Onbekende portefeuille"),
    ],
)
def test_a_broken_file_changes_nothing_and_names_path_and_line(db, tmp_path, edit, expected):
    path = _broken(tmp_path, edit)
    with pytest.raises(CommandError) as error:
        call_command("loadagenda", path)
    message = str(error.value)
    assert expected in message
    assert "regel " in message and path in message
    assert not Agreement.objects.exists()
    from samenspel.organisations.models import Organisation

    assert not Organisation.objects.exists()


def test_loadagenda_by_name_reports_what_it_did(db, capsys):
    call_command("loadagenda", "vdg-2023-2027")
    assert "Agreement toegevoegd" in capsys.readouterr().out
    call_command("loadagenda", "vdg-2023-2027")
    assert "Niets gewijzigd" in capsys.readouterr().out


def test_loading_another_association_leaves_the_vdg_export_byte_equal(vdg_agenda, tmp_path):
    before, after, example = (tmp_path / name for name in ("voor.yaml", "na.yaml", "vb.yaml"))
    call_command("exportagenda", "--association", "vdg", "-o", str(before))
    call_command("loadagenda", "voorbeeld")
    call_command("exportagenda", "--association", "vdg", "-o", str(after))
    assert after.read_bytes() == before.read_bytes()
    # The example association's export holds its own agenda and organisations only.
    call_command("exportagenda", "--association", "voorbeeld", "-o", str(example))
    data = yaml.safe_load(example.read_text())
    assert data["association"]["is_example"] is True
    assert {o["slug"] for o in data["organisations"]} == {"ons-dorp", "buurstad", "verre-hoek"}
    assert [p["slug"] for p in data["portfolios"]] == ["voorbeeld-wonen"]
    assert data["organisations"][2]["membership"] == {"kind": "member", "start": "2026-01-01"}
