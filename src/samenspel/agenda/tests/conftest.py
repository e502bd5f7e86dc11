import pytest


@pytest.fixture
def vdg_agenda(vdg_data):
    """The whole packaged VDG agenda, loaded as `samenspel setup` does (once per session)."""
    return vdg_data
