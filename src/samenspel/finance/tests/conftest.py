import pytest


@pytest.fixture
def vdg_budget(vdg_data):
    """The packaged VDG agenda (with Table 1, stated totals and projects), loaded once."""
    return vdg_data
