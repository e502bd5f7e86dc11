import copy

import pytest

from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load


@pytest.fixture(scope="session")
def vdg_file():
    """The packaged VDG agenda file, read and schema-checked once per test session."""
    return agenda_file.read("vdg-2023-2027")


def _load(vdg_file, *, without=()):
    loaded = copy.copy(vdg_file)
    loaded.data = {k: v for k, v in vdg_file.data.items() if k not in without}
    agenda_file_load(loaded)
    from samenspel.agenda.models import Agenda

    return Agenda.objects.get(slug="vdg-2023-2027")


@pytest.fixture
def vdg_agenda(db, settings, vdg_file):
    """The whole VDG agenda, loaded as `samenspel setup` does (the staff section included)."""
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return _load(vdg_file)


@pytest.fixture
def vdg_staff(db, settings, vdg_file):
    """The VDG agenda without its agreements and themes: the network and the staff section
    as in the file, loaded in a third of the time, for tests of pages and services."""
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return _load(vdg_file, without=("agreements", "themes", "people"))


@pytest.fixture
def staff_yaml(vdg_file):
    """The staff section read straight from the YAML file, independently of the loader."""
    import yaml

    text = vdg_file.path.read_text(encoding="utf-8")
    return yaml.safe_load(text)["staff"]
