"""The real test provider for a test session, and the browser's part of its sign-in.

`oidc_providers` (session-scoped) starts two issuers as processes, one per organisation
of the "two organisations, two providers" tests: "assen" and "emmen", each with a client
`samenspel` whose redirect URIs cover Django's test client (testserver, elders.localhost)
and the browser journey's live server (any port on localhost). Import it in a test module:
`from tests.oidc_provider.fixtures import oidc_providers  # noqa: F401`.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
CALLBACK_PATH = "/inloggen/organisatie/terug/"
LOGIN_PATH = "/inloggen/"
# Hosts the sign-in tests come back on: the test client's (the VDG) and association B's.
RP_HOSTS = ("http://testserver", "http://elders.localhost", "http://localhost")
PASSWORD = "provider-wachtwoord"
CLIENT_ID = "samenspel"

# Each organisation's staff at its own provider: `mfa` users get amr ["pwd", "mfa"].
USERS = {
    "assen": [
        {"username": "anna", "email": "anna@assen.nl", "given_name": "Anna", "family_name": "Bos"},
        {"username": "marit", "email": "marit@assen.nl", "given_name": "Marit", "mfa": True},
        {"username": "nieuw", "email": "nieuw@assen.nl", "given_name": "Nina"},
        {"username": "prive", "email": "piet@example.org", "given_name": "Piet"},
    ],
    "emmen": [
        {"username": "erik", "email": "erik@emmen.nl", "given_name": "Erik", "family_name": "Ek"},
    ],
}


@dataclass
class Provider:
    """One running issuer: its URL, the client Samenspel uses, and its users' subjects."""

    name: str
    port: int
    client_secret: str
    subjects: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen | None = None

    @property
    def issuer(self) -> str:
        return f"http://127.0.0.1:{self.port}/o"

    def subject(self, username: str) -> str:
        return self.subjects[username]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(name: str, folder: Path) -> Provider:
    provider = Provider(name=name, port=_free_port(), client_secret=f"geheim-{name}-{os.getpid()}")
    setup = {
        "users": [{"password": PASSWORD, **user} for user in USERS[name]],
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": provider.client_secret,
                "redirect_uris": [host + CALLBACK_PATH for host in RP_HOSTS],
                "post_logout_redirect_uris": [host + LOGIN_PATH for host in RP_HOSTS],
            }
        ],
    }
    data = folder / name
    data.mkdir(parents=True)
    (data / "setup.json").write_text(json.dumps(setup))
    command = [sys.executable, "-m", "tests.oidc_provider", "--port", str(provider.port)]
    command += ["--config", str(data / "setup.json"), "--data-dir", str(data)]
    log = (data / "provider.log").open("w")
    provider.process = subprocess.Popen(
        command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env={**os.environ}
    )
    return provider


def _wait_ready(provider: Provider, folder: Path) -> None:
    ready = folder / provider.name / "ready.json"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert provider.process is not None
        if provider.process.poll() is not None:
            log = (folder / provider.name / "provider.log").read_text()
            raise RuntimeError(f"The test provider {provider.name} stopped:\n{log}")
        if ready.exists():
            try:
                discovery = f"{provider.issuer}/.well-known/openid-configuration"
                if requests.get(discovery, timeout=2).ok:
                    provider.subjects = json.loads(ready.read_text())["subjects"]
                    return
            except requests.ConnectionError:
                pass
        time.sleep(0.05)
    raise RuntimeError(f"The test provider {provider.name} did not start in 30 s")


@pytest.fixture(scope="session")
def oidc_providers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Provider]]:
    folder = tmp_path_factory.mktemp("oidc_providers")
    # Started side by side: each migrates its own small SQLite file (about a second).
    providers = {name: _start(name, folder) for name in USERS}
    try:
        for provider in providers.values():
            _wait_ready(provider, folder)
        yield providers
    finally:
        for provider in providers.values():
            if provider.process is not None:
                provider.process.terminate()
                provider.process.wait(timeout=10)


def provider_sign_in(
    authorize_url: str, username: str, *, browser: requests.Session | None = None
) -> str:
    """Play the user's browser at the provider: follow `authorize_url`, sign in with the
    provider's own login page, and return the URL the provider sends back to Samenspel
    (the callback with `code` and `state`). `browser` keeps the provider's session."""
    browser = browser or requests.Session()
    url = authorize_url
    for _step in range(10):
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code == 200 and 'name="password"' in response.text:
            next_url = parse_qs(urlsplit(response.url).query).get("next", [""])[0]
            response = browser.post(
                response.url,
                data={"username": username, "password": PASSWORD, "next": next_url},
                allow_redirects=False,
                timeout=10,
            )
        if response.status_code not in (301, 302, 303):
            raise AssertionError(f"The provider answered {response.status_code}: {response.text}")
        url = urljoin(response.url, response.headers["Location"])
        if urlsplit(url).path == CALLBACK_PATH:
            return url
    raise AssertionError("The provider did not send the browser back to Samenspel")
