"""An impossible date in an agenda file is a Dutch problem naming path, line and value."""

import pytest
from django.core.management import CommandError, call_command

from samenspel.agenda import agenda_file
from samenspel.organisations.models import Organisation


def _vdg_with(tmp_path, old: str, new: str):
    text = (agenda_file.PACKAGED_DIR / "vdg-2023-2027.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "onmogelijk.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_impossible_date_names_path_line_and_value(tmp_path):
    path = _vdg_with(tmp_path, "period_start: 2023-01-01", "period_start: 2027-02-30")
    with pytest.raises(agenda_file.AgendaFileError) as error:
        agenda_file.read(path)
    (problem,) = error.value.problems
    line = next(n for n, t in enumerate(path.read_text().splitlines(), 1) if "2027-02-30" in t)
    assert problem.path == "/agenda/period_start"
    assert problem.line == line
    assert "'2027-02-30' bestaat niet" in problem.message
    assert f"regel {line}" in error.value.describe()


def test_impossible_date_deep_in_the_file(tmp_path):
    text = (agenda_file.PACKAGED_DIR / "vdg-2023-2027.yaml").read_text(encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "reference_date:" in t)
    old = text.splitlines()[line - 1].strip()
    path = _vdg_with(tmp_path, old, "reference_date: 2024-13-01")
    with pytest.raises(agenda_file.AgendaFileError) as error:
        agenda_file.read(path)
    (problem,) = error.value.problems
    assert problem.path.endswith("/reference_date") and problem.line == line
    assert "'2024-13-01' bestaat niet" in problem.message


def test_setup_with_an_impossible_date_writes_nothing(db, tmp_path):
    path = _vdg_with(tmp_path, "period_start: 2023-01-01", "period_start: 2027-02-30")
    with pytest.raises(CommandError, match="2027-02-30"):
        call_command("setup", "--agenda", str(path))
    assert not Organisation.objects.exists()
