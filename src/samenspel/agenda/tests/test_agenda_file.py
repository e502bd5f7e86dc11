"""Reading agenda files: the packaged VDG file validates; errors name path and line."""

import pytest
from django.core.management import CommandError, call_command

from samenspel.agenda import agenda_file
from samenspel.organisations.models import Organisation


def test_the_packaged_vdg_agenda_validates():
    loaded = agenda_file.read("vdg-2023-2027")
    assert loaded.data["format"] == "samenspel-agenda/1"
    assert len(loaded.data["portfolios"]) == 8


BROKEN = """format: samenspel-agenda/1
organisations:
  - slug: assen
    name: Gemeente Assen
    kind: gemeente
portfolios:
  - slug: gw
    abbreviation: G&W
"""


def test_errors_name_the_path_and_the_line_in_dutch(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text(BROKEN)
    with pytest.raises(agenda_file.AgendaFileError) as error:
        agenda_file.read(path)
    problems = {(p.path, p.line): p.message for p in error.value.problems}
    assert "niet toegestaan" in problems[("/organisations/0/kind", 5)]
    assert "Verplicht veld ontbreekt: name" in problems[("/portfolios/0", 7)]


def test_invalid_yaml_names_the_line(tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text("format: samenspel-agenda/1\norganisations: [\n")
    with pytest.raises(agenda_file.AgendaFileError) as error:
        agenda_file.read(path)
    assert error.value.problems[0].line is not None
    assert "Geen geldige YAML" in error.value.problems[0].message


def test_setup_with_a_broken_file_writes_nothing(db, tmp_path):
    path = tmp_path / "kapot.yaml"
    path.write_text(BROKEN)
    with pytest.raises(CommandError, match="er is niets opgeslagen"):
        call_command("setup", "--agenda", str(path))
    assert not Organisation.objects.exists()


def test_unknown_name_lists_the_packaged_agendas():
    with pytest.raises(agenda_file.AgendaFileError, match="vdg-2023-2027"):
        agenda_file.read("bestaat-niet")
