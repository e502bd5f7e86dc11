import pytest

from samenspel.demo.structure import demo_structure_create


@pytest.fixture
def vdg_structure(vdg_data):
    """The real VDG network from the packaged agenda file (with the rest of the agenda)."""
    return vdg_data


@pytest.fixture
def vdg_demo(vdg_structure):
    """The VDG network with every post filled by demo people."""
    demo_structure_create()
