import pytest

from samenspel.agenda import agenda_file
from samenspel.demo.structure import demo_structure_create
from samenspel.organisations.structure import structure_load


@pytest.fixture
def vdg_structure(db):
    """The real VDG network from the packaged agenda file."""
    structure_load(agenda_file.read("vdg-2023-2027").data)


@pytest.fixture
def vdg_demo(vdg_structure):
    """The VDG network with every post filled by demo people."""
    demo_structure_create()
