"""Fixtures of the reports tests: the VDG agenda with the demo layer, loaded once per session
(see the root conftest)."""

import pytest


@pytest.fixture
def vdg_demo(vdg_demo_data):
    return vdg_demo_data
