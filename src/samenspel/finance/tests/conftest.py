import pytest

from samenspel.agenda import agenda_file
from samenspel.agenda.loader import agenda_file_load


@pytest.fixture
def vdg_budget(db):
    """The packaged VDG agenda (with Table 1, stated totals and projects) loaded."""
    agenda_file_load(agenda_file.read("vdg-2023-2027"))
    from samenspel.agenda.models import Agenda

    return Agenda.objects.get()
