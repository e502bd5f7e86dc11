import pytest

from samenspel.agenda import agenda_file


@pytest.fixture
def vdg_agenda(vdg_data, settings):
    """The whole VDG agenda, loaded as `samenspel setup` does (the staff section included)."""
    settings.SAMENSPEL_TODAY = "2024-06-15"
    return vdg_data


@pytest.fixture(scope="session")
def staff_yaml():
    """The staff section read straight from the YAML file, independently of the loader."""
    import yaml

    text = agenda_file.resolve("vdg-2023-2027").read_text(encoding="utf-8")
    return yaml.safe_load(text)["staff"]
