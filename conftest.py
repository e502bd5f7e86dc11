"""Shared test fixtures: users in each role, and the reference data sets loaded once.

Reference data (the VDG agenda, and the agenda with the demo layer) takes seconds to
minutes to load, so it is loaded once per test session and committed; every test then
runs inside a transaction that is rolled back, so the data stays as loaded. Tests are
ordered by the data set they need (none, the agenda, the demo), so each set is loaded
once; a test that needs less than what is loaded gets a flushed database first.
"""

import io

import pytest
from django.core.cache import cache
from django.db import connections
from django.test import override_settings

# Which data set each fixture stands for; the order is the order of loading.
DATA_SETS = {"vdg_data": 1, "vdg_demo_data": 2}
_loaded = {"level": 0, "output": {}}


def _needed_level(item) -> int:
    names = getattr(item, "fixturenames", ())
    return max((level for name, level in DATA_SETS.items() if name in names), default=0)


def _is_transactional(item) -> bool:
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    return "transactional_db" in names or bool(marker and marker.kwargs.get("transaction"))


def pytest_collection_modifyitems(items):
    # Stable sort: empty-database tests first, then the agenda, then the demo; the tests
    # that flush the database (transactional) last.
    items.sort(key=lambda item: (_is_transactional(item), _needed_level(item)))


@pytest.fixture(scope="session", autouse=True)
def _migrations_recorded(django_db_setup, django_db_blocker):
    """The test database is made from the models (`--no-migrations` in pyproject: replaying
    the migrations' states took 30 s per test process and database); record every migration
    as applied, exactly as a real `migrate` would, so what reads the recorder (a backup's
    manifest) sees a migrated database. The migrations themselves are checked by
    `makemigrations --check` and applied for real by `samenspel migrate` in the backup test
    (`demo/tests/test_backup.py`, into a fresh PostgreSQL database) and by `make run`; the
    one thing migrations add beyond the models, the full-text indexes, is made here too."""
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    with django_db_blocker.unblock(), override_settings(MIGRATION_MODULES={}):
        recorder = MigrationRecorder(connection)
        recorder.ensure_schema()
        if recorder.applied_migrations():
            return  # a database made by migrating (pytest run without --no-migrations)
        graph = MigrationLoader(None, ignore_no_migrations=True).graph
        applied = set(graph.nodes)
        for key in graph.nodes:  # a squashed migration is recorded with what it replaces
            applied.update(graph.nodes[key].replaces or ())
        recorder.migration_qs.bulk_create(
            recorder.Migration(app=app, name=name) for app, name in sorted(applied)
        )
        # What the models do not say: the full-text GIN indexes (PostgreSQL) are made by
        # migrations (core.fulltext.gin_index_create), so run those operations too.
        from django.apps import apps
        from django.db.migrations.operations import RunPython

        with connection.schema_editor() as editor:
            for migration in graph.nodes.values():
                for operation in migration.operations:
                    code = getattr(operation, "code", None)
                    if isinstance(operation, RunPython) and code.__qualname__.startswith(
                        "gin_index_create."
                    ):
                        code(apps, editor)


@pytest.fixture(scope="session", autouse=True)
def _fast_password_hashing():
    """Hashing with the production hasher costs ~0.3 s a user; tests need no strength."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


# The `samenspel setup` arguments that make each data set, in loading order.
SETUP_ARGUMENTS = {1: (), 2: ("--demo",)}


def _forget():
    _loaded["level"] = 0
    _loaded["output"] = {}


def _flush():
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command

    call_command("flush", interactive=False, verbosity=0)
    # flush recreates content types with new ids: forget the cached ones.
    ContentType.objects.clear_cache()
    _forget()


def _load_up_to(level: int):
    from django.core.management import call_command

    from samenspel.accounts.tests.factories import DEMO_TEST_PASSWORD

    with override_settings(SAMENSPEL_DEMO_PASSWORD=DEMO_TEST_PASSWORD, SAMENSPEL_TODAY=""):
        for data_set in range(_loaded["level"] + 1, level + 1):
            out = io.StringIO()
            call_command("setup", *SETUP_ARGUMENTS[data_set], stdout=out)
            _loaded["output"][data_set] = out.getvalue()
            _loaded["level"] = data_set


@pytest.fixture
def _data_set_ready(request, django_db_setup, django_db_blocker):
    """Commit the data set this test asked for (and no more) before its transaction opens."""
    level = _needed_level(request.node)
    assert not any(c.in_atomic_block for c in connections.all()), "data set inside a test"
    with django_db_blocker.unblock():
        if _loaded["level"] > level:
            _flush()
        _load_up_to(level)
    yield
    if _is_transactional(request.node):
        _forget()  # the test flushed the database when it ended


@pytest.fixture
def _django_db_helper(_data_set_ready, _django_db_helper):
    """pytest-django's database access for a test (db, transactional_db, the django_db
    mark), opened only once the data set is in place."""


def _vdg_agenda():
    from samenspel.agenda.models import Agenda

    return Agenda.objects.get(slug="vdg-2023-2027")


@pytest.fixture
def vdg_data(db):
    """The packaged VDG agenda as `samenspel setup` loads it (loaded once per session)."""
    return _vdg_agenda()


@pytest.fixture
def vdg_demo_data(db):
    """The VDG agenda with the demo layer, as `samenspel setup --demo` makes it (once per
    session; demo accounts have the password factories.DEMO_TEST_PASSWORD)."""
    return _vdg_agenda()


@pytest.fixture
def setup_output():
    """What the session's `setup` (key 1) and `setup --demo` (key 2) runs printed."""
    return _loaded["output"]


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded and generated files of a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def portfolio(db):
    from samenspel.organisations.tests.factories import PortfolioFactory

    return PortfolioFactory()


@pytest.fixture
def municipality(db):
    from samenspel.organisations.tests.factories import OrganisationFactory

    return OrganisationFactory(municipality=True)


@pytest.fixture
def make_user(db):
    from samenspel.accounts.tests.factories import UserFactory

    def make(role=None, **scope):
        from samenspel.organisations.associations import association_default

        user = UserFactory()
        if role:
            scope.setdefault("association", association_default())
            user.role_assignments.create(role=role, **scope)
        return user

    return make


@pytest.fixture
def bureau_user(make_user):
    return make_user("bureau")


@pytest.fixture
def reader_user(make_user):
    return make_user("reader")
