"""`.env.example` lists every environment variable the settings read (deploy.md promises
it), among them SAMENSPEL_TRUSTED_PROXIES, which the lockouts of accounts depend on."""

import re
from pathlib import Path

import samenspel.conf

CONF_DIR = Path(samenspel.conf.__file__).parent
ENV_EXAMPLE = CONF_DIR.parents[2] / ".env.example"
READ = re.compile(r"""(?:\benv|os\.environ\.get|os\.getenv)\(\s*["']([A-Z][A-Z0-9_]*)["']""")


def test_env_example_lists_every_variable_the_settings_read():
    read = {name for path in CONF_DIR.glob("*.py") for name in READ.findall(path.read_text())}
    assert {"SAMENSPEL_TRUSTED_PROXIES", "SECRET_KEY", "DATABASE_URL"} <= read
    listed = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
    assert read - listed == set()
