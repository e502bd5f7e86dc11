"""Concurrent writes through a real server: nothing fails, nothing is lost.

Twelve account holders record their executive's decision on one proposal at the same
moment, while four users toggle follows and four read pages. The server is the real one
(`samenspel runserver`, threaded) on the database engine of the run: on SQLite a file
copy of the test database with the settings of the embedded default (IMMEDIATE
transactions, WAL, busy timeout), on PostgreSQL the test database itself.
"""

from __future__ import annotations

import datetime as dt
import http.cookiejar
import os
import re
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from samenspel.accounts.constants import RoleKind
from samenspel.accounts.tests.factories import UserFactory
from samenspel.decisions.constants import Stage
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory

ACCOUNT_HOLDERS, FOLLOWERS, READERS = 12, 4, 4
ROUNDS = 5  # follow toggles and page reads per follower and reader


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _database_url(tmp_path) -> tuple[str, str | None]:
    """The URL the server uses, and (SQLite) the file it writes to."""
    if connection.vendor == "sqlite":
        path = tmp_path / "samenspel.sqlite3"
        target = sqlite3.connect(path)
        connection.ensure_connection()
        connection.connection.backup(target)  # the committed test data, as a file
        target.close()
        return f"sqlite:///{path}", str(path)
    db = settings.DATABASES["default"]
    user, host, port = db["USER"], db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{user}@{host}:{port}/{db['NAME']}", None


def _start_server(url: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "samenspel.conf.settings",
        "DEBUG": "0",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions were signed with it
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "samenspel", "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    for _ in range(150):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise AssertionError(server.stderr.read().decode()[-2000:])


class Browser:
    """One signed-in user: a cookie jar with their session; follows no redirects."""

    def __init__(self, base: str, session_key: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.jar.set_cookie(_cookie(settings.SESSION_COOKIE_NAME, session_key))

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict, token: str) -> tuple[int, str]:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(self.base + path, data=body, method="POST")
        request.add_header("Referer", self.base + path)
        return self._open(request)

    def token(self, path: str) -> str:
        status, page = self.get(path)
        assert status == 200, (path, status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)

    def _open(self, request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _cookie(name: str, value: str) -> http.cookiejar.Cookie:
    return http.cookiejar.Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True, False, None,
        True, None, None, {},
    )  # fmt: skip


def _signed_in(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


class Load:
    """The concurrent users of one run, and what each request answered."""

    def __init__(self, base: str, detail: str, users: int):
        self.base, self.detail = base, detail
        self.barrier = threading.Barrier(users, timeout=120)
        self.statuses: list[int] = []
        self.failures: list[str] = []

    def run(self, work, *args) -> threading.Thread:
        def guarded():
            try:
                work(*args)
            except Exception as error:  # a thread's failure must reach the test
                self.failures.append(f"{work.__name__}: {error!r}")
                self.barrier.abort()

        thread = threading.Thread(target=guarded)
        thread.start()
        return thread

    def answer(self, what: str, status: int, page: str, expected: int) -> None:
        self.statuses.append(status)
        if status != expected:
            self.failures.append(f"{what}: {status} {page[:300]}")

    def record(self, participant, key: str) -> None:
        browser = Browser(self.base, key)
        path = f"{self.detail}deelnemers/{participant.pk}/besluit/"
        token = browser.token(path)
        self.barrier.wait()
        data = {"decided_on": "2024-04-01", "outcome": "agreed", "reference": "B-1"}
        self.answer(f"besluit {participant.pk}", *browser.post(path, data, token), 302)

    def follow(self, key: str) -> None:
        browser = Browser(self.base, key)
        token = browser.token(self.detail)
        self.barrier.wait()
        for round_ in range(ROUNDS):
            proposal_id = self.detail.strip("/").rsplit("/", 1)[-1]
            data = {"target": "proposal", "object_id": proposal_id, "next": self.detail}
            if round_ % 2:
                data["stop"] = "on"
            self.answer("volgen", *browser.post("/rapportages/volgen/wijzigen/", data, token), 302)

    def read(self, key: str) -> None:
        browser = Browser(self.base, key)
        self.barrier.wait()
        for _ in range(ROUNDS):
            for path in ("/", self.detail, "/voorstellen/"):
                self.answer(f"lezen {path}", *browser.get(path), 200)


def _decision_counts(holders, sqlite_file: str | None) -> dict[int, int]:
    query = (
        "SELECT participant_id, COUNT(*) FROM decisions_executivedecision "
        "WHERE participant_id IN ({}) GROUP BY participant_id"
    ).format(",".join(str(p.pk) for p, _key in holders))
    if sqlite_file:
        with sqlite3.connect(sqlite_file) as db:
            return dict(db.execute(query).fetchall())
    with connection.cursor() as cursor:
        cursor.execute(query)
        return dict(cursor.fetchall())


def _reader():
    user = UserFactory()
    user.role_assignments.create(association=association_default(), role=RoleKind.READER)
    return user


@pytest.mark.django_db(transaction=True)
def test_twelve_decisions_at_once_while_others_follow_and_read(tmp_path):
    proposal = ProposalFactory(sent=True, decision_deadline=dt.date(2099, 1, 1))
    assert proposal.stage == Stage.SENT
    holders = []
    for number in range(ACCOUNT_HOLDERS):
        organisation = OrganisationFactory(municipality=True, slug=f"gemeente-{number}")
        participant = ParticipantFactory(proposal=proposal, organisation=organisation)
        user = UserFactory()
        user.role_assignments.create(
            association=association_default(),
            role=RoleKind.ACCOUNT_HOLDER,
            organisation=organisation,
        )
        holders.append((participant, _signed_in(user)))
    others = [_signed_in(_reader()) for _ in range(FOLLOWERS + READERS)]
    url, sqlite_file = _database_url(tmp_path)
    port = _free_port()
    server = _start_server(url, port)
    load = Load(
        f"http://127.0.0.1:{port}", f"/voorstellen/{proposal.pk}/", len(holders) + len(others)
    )
    try:
        threads = [load.run(load.record, *holder) for holder in holders]
        threads += [load.run(load.follow, key) for key in others[:FOLLOWERS]]
        threads += [load.run(load.read, key) for key in others[FOLLOWERS:]]
        for thread in threads:
            thread.join(timeout=180)
        status, page = Browser(load.base, holders[0][1]).get(load.detail)
    finally:
        server.terminate()
        server.wait(timeout=10)

    assert load.failures == []
    writes = ACCOUNT_HOLDERS + FOLLOWERS * ROUNDS
    assert len(load.statuses) == writes + READERS * ROUNDS * 3
    # Every decision stored exactly once, and the outcome counts all twelve.
    assert _decision_counts(holders, sqlite_file) == {p.pk: 1 for p, _key in holders}
    assert status == 200
    assert f"{ACCOUNT_HOLDERS} van {ACCOUNT_HOLDERS} besloten" in page
