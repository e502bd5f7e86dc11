import pytest

from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load


@pytest.fixture
def vdg_agenda(db):
    """The whole packaged VDG agenda, loaded as `samenspel setup` does."""
    agenda_file_load(agenda_file.read("vdg-2023-2027"))
    from samenspel.agenda.models import Agenda

    return Agenda.objects.get(slug="vdg-2023-2027")
