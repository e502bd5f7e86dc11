"""`samenspel backup` and `restore`: every table and file comes back equal, on either
engine, and a damaged archive or a database with data is refused without a change."""

import json
import os
import subprocess
import sys
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from samenspel.decisions import document_templates, documents
from samenspel.decisions.models import DocumentTemplate
from samenspel.decisions.tests.factories import ParticipantFactory, ProposalFactory
from samenspel.demo import backup
from samenspel.organisations.associations import association_default
from samenspel.organisations.tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

SAMENSPEL = Path(sys.executable).parent / "samenspel"


@pytest.fixture
def small_database(make_user):
    """A few rows in several apps, their history, an m2m row and one uploaded file."""
    bureau = make_user("bureau")
    proposal = ProposalFactory()
    ParticipantFactory(proposal=proposal, organisation=OrganisationFactory())
    document_templates.document_template_add(
        association=association_default(),
        name="Huisstijl",
        organisation=None,
        file=SimpleUploadedFile("huisstijl.docx", documents.DEFAULT_TEMPLATE.read_bytes()),
        user=bureau,
    )
    return DocumentTemplate.objects.get()


def wipe():
    """Empty every table as a fresh `migrate` would leave it (inside the test's transaction)."""
    for model in backup.backed_up_models():
        if model._meta.label_lower not in backup.REPLACED_ON_RESTORE:
            model._base_manager.all()._raw_delete(connection.alias)


def current_tables() -> dict[str, dict]:
    tables = {}
    for model in backup.backed_up_models():
        content, count = backup.table_dump(model)
        tables[model._meta.label_lower] = {"rows": count, "sha256": backup.sha256(content)}
    return tables


def manifest_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read(backup.MANIFEST))


def test_backup_then_restore_into_a_fresh_database_gives_every_table_and_file(
    small_database, tmp_path, settings
):
    media_file = Path(small_database.file.path)
    original = media_file.read_bytes()
    before = current_tables()
    assert before["decisions.documenttemplate"]["rows"] == 1
    assert before["decisions.historicaldocumenttemplate"]["rows"] >= 1
    archive = tmp_path / "samenspel.zip"
    out = StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Back-up geschreven" in out.getvalue()
    manifest = manifest_of(archive)
    assert manifest["format_version"] == backup.FORMAT_VERSION
    assert "decisions" in manifest["migrations"]
    assert "sessions.session" not in manifest["tables"]
    assert {label: t["rows"] for label, t in manifest["tables"].items()} == {
        label: t["rows"] for label, t in before.items()
    }

    wipe()
    settings.MEDIA_ROOT = tmp_path / "nieuw-media"
    call_command("restore", str(archive), stdout=StringIO())

    assert current_tables() == before
    restored = DocumentTemplate.objects.get()
    assert Path(restored.file.path).read_bytes() == original
    assert Path(restored.file.path).is_relative_to(tmp_path / "nieuw-media")
    ProposalFactory()  # new rows still get fresh ids


def test_restore_refuses_a_database_with_data(small_database, tmp_path):
    archive = tmp_path / "samenspel.zip"
    call_command("backup", str(archive), stdout=StringIO())
    before = current_tables()
    with pytest.raises(CommandError, match="De database is niet leeg"):
        call_command("restore", str(archive), stdout=StringIO())
    assert current_tables() == before


@pytest.mark.parametrize(
    "damage, message",
    [
        ("not_a_zip", "geen leesbaar back-uparchief"),
        ("changed_row", "controlesom van de tabel decisions.proposal klopt niet"),
        ("changed_file", "controlesom van het bestand"),
        ("other_migrations", "andere migratiestand"),
    ],
)
def test_restore_refuses_a_damaged_archive_and_writes_nothing(
    small_database, tmp_path, settings, damage, message
):
    archive = tmp_path / "samenspel.zip"
    call_command("backup", str(archive), stdout=StringIO())
    damaged = tmp_path / "kapot.zip"
    if damage == "not_a_zip":
        damaged.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    else:
        with zipfile.ZipFile(archive) as source, zipfile.ZipFile(damaged, "w") as target:
            for item in source.infolist():
                content = source.read(item)
                if damage == "changed_row" and item.filename == "data/decisions.proposal.json":
                    content = content.replace(b"Voorstel", b"Vorstel")
                if damage == "changed_file" and item.filename.startswith("media/"):
                    content += b"x"
                if damage == "other_migrations" and item.filename == backup.MANIFEST:
                    manifest = json.loads(content)
                    manifest["migrations"]["decisions"].append("9999_from_the_future")
                    content = json.dumps(manifest).encode()
                target.writestr(item, content)
    wipe()
    empty = current_tables()
    settings.MEDIA_ROOT = tmp_path / "nieuw-media"
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(damaged), stdout=StringIO())
    assert current_tables() == empty
    assert not (tmp_path / "nieuw-media").exists() or not any((tmp_path / "nieuw-media").rglob("*"))


def _postgres():
    try:
        import psycopg

        return psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True, connect_timeout=3
        )
    except Exception as error:  # any reason means: no PostgreSQL here
        pytest.skip(f"PostgreSQL op 127.0.0.1:5432 niet bereikbaar ({error})")


def test_a_sqlite_backup_restores_into_a_fresh_postgresql_database(small_database, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("this test makes its backup on SQLite")
    admin = _postgres()
    name = f"samenspel_restore_{os.getpid()}"
    archive, again = tmp_path / "sqlite.zip", tmp_path / "postgres.zip"
    call_command("backup", str(archive), stdout=StringIO())
    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{name}",
            "MEDIA_ROOT": str(tmp_path / "pg-media"),
        }

        def samenspel(*args):
            result = subprocess.run(
                [str(SAMENSPEL), *args], env=env, capture_output=True, text=True, timeout=300
            )
            assert result.returncode == 0, result.stderr
            return result.stdout

        samenspel("migrate", "--no-input", "-v", "0")
        assert "Back-up teruggezet" in samenspel("restore", str(archive))
        samenspel("backup", str(again))
        ours, theirs = manifest_of(archive), manifest_of(again)
        assert theirs["engine"] == "postgresql"
        assert theirs["tables"] == ours["tables"]
        assert theirs["files"] == ours["files"]
        # A restore on top of data is refused: test_restore_refuses_a_database_with_data.
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
