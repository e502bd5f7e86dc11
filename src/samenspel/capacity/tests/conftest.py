import pytest

from samenspel.agenda import agenda_file


@pytest.fixture(scope="session")
def vdg_file():
    """The packaged VDG agenda file, read and schema-checked once per test session."""
    return agenda_file.read("vdg-2023-2027")


@pytest.fixture
def vdg_agenda(vdg_data, settings):
    """The whole VDG agenda, loaded as `samenspel setup` does (the staff section included)."""
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return vdg_data


@pytest.fixture
def vdg_staff(vdg_agenda):
    """The VDG agenda with its staff section, for tests of pages and services."""
    return vdg_agenda


@pytest.fixture(scope="session")
def staff_yaml(vdg_file):
    """The staff section read straight from the YAML file, independently of the loader."""
    import yaml

    text = vdg_file.path.read_text(encoding="utf-8")
    return yaml.safe_load(text)["staff"]
