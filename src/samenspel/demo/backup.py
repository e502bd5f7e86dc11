"""One archive with everything an association has: every table's rows and every file
under MEDIA_ROOT, with a manifest to check it by (`samenspel backup` and `restore`).

The archive is a ZIP:

- `manifest.json`: the format version, the migration state per app, and per table its
  row count and the SHA-256 of its data file; per file its size and SHA-256.
- `data/<app_label>.<model>.json`: one table, its columns (attnames) and its rows in
  primary-key order, as canonical JSON (sorted keys, no spaces, full microseconds). The
  checksum of a table is the SHA-256 of that text, so it is the same whichever engine
  the rows were read from: a restore reads the rows back out of the new database and
  compares.
- `media/<path>`: the files under MEDIA_ROOT.

Rows keep their primary keys (no natural keys). Content types and permissions are kept
too: `migrate` creates them in the new database, possibly with other ids, so a restore
replaces them with the archived ones and every reference to them (history, permissions,
the admin log) stays right. Sessions are left out: people sign in again. Historical
(simple_history) tables and the automatic many-to-many tables are ordinary tables here.

Rows are inserted raw, as `loaddata` does: no signals, no `auto_now`, no new history.
Foreign keys are deferred to the commit on SQLite and PostgreSQL alike, so the order of
tables does not matter inside the one transaction.
"""

from __future__ import annotations

import base64
import datetime
import decimal
import hashlib
import json
import shutil
import tempfile
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone
from django.utils.duration import duration_iso_string

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATA_DIR = "data/"
MEDIA_DIR = "media/"
# Not worth keeping: sessions are renewed at sign-in.
EXCLUDED = {"sessions.session"}
# Made by `migrate` in every database; replaced by the archived rows on restore.
REPLACED_ON_RESTORE = ("auth.permission", "contenttypes.contenttype")


class BackupError(Exception):
    """A Dutch message for the command line: why this archive cannot be restored."""


def backed_up_models() -> list[type[models.Model]]:
    """Every table Django manages, in app order (automatic m2m tables included)."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.label_lower not in EXCLUDED
    ]


def _columns(model: type[models.Model]) -> list[models.Field]:
    return [
        field for field in model._meta.concrete_fields if not getattr(field, "generated", False)
    ]


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return duration_iso_string(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def _canonical(payload: Any) -> bytes:
    return json.dumps(
        payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_encode
    ).encode("utf-8")


def table_dump(model: type[models.Model], using: str = DEFAULT_DB_ALIAS) -> tuple[bytes, int]:
    """One table as canonical JSON, and its number of rows."""
    columns = [field.attname for field in _columns(model)]
    rows = [
        [_encode(value) for value in row]
        for row in model._base_manager.using(using).order_by("pk").values_list(*columns)
    ]
    payload = {"model": model._meta.label_lower, "columns": columns, "rows": rows}
    return _canonical(payload), len(rows)


def sha256(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def migration_state(using: str = DEFAULT_DB_ALIAS) -> dict[str, list[str]]:
    state: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connections[using]).applied_migrations():
        state.setdefault(app_label, []).append(name)
    return {app_label: sorted(names) for app_label, names in sorted(state.items())}


def media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


@dataclass
class BackupSummary:
    tables: int
    rows: int
    files: int


def backup_write(target: Path, using: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Write the archive to `target` (first to a temporary name, then moved in place)."""
    media_root = Path(settings.MEDIA_ROOT)
    partial = target.with_name(target.name + ".deel")
    try:
        tables, files = _archive_write(partial, media_root, using)
    except BaseException:
        partial.unlink(missing_ok=True)  # never leave half an archive behind
        raise
    partial.replace(target)
    return BackupSummary(
        tables=len(tables), rows=sum(t["rows"] for t in tables.values()), files=len(files)
    )


def _archive_write(partial: Path, media_root: Path, using: str) -> tuple[dict, dict]:
    tables: dict[str, dict[str, Any]] = {}
    files: dict[str, dict[str, Any]] = {}
    # One read transaction, so every table is from the same moment (on PostgreSQL a
    # repeatable-read snapshot; SQLite holds its lock for the transaction).
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with (
        transaction.atomic(using=using),
        zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive,
    ):
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        for model in backed_up_models():
            content, count = table_dump(model, using)
            label = model._meta.label_lower
            archive.writestr(f"{DATA_DIR}{label}.json", content)
            tables[label] = {
                "table": model._meta.db_table,
                "rows": count,
                "sha256": sha256(content),
            }
        for path in media_files(media_root):
            relative = path.relative_to(media_root).as_posix()
            content = path.read_bytes()
            archive.writestr(f"{MEDIA_DIR}{relative}", content)
            files[relative] = {"size": len(content), "sha256": sha256(content)}
        manifest = {
            "format_version": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "engine": connections[using].vendor,
            "migrations": migration_state(using),
            "tables": tables,
            "files": files,
        }
        archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
    return tables, files


def _safe_media_path(relative: str) -> PurePosixPath:
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(f"Het archief bevat een onveilig bestandspad: {relative!r}.")
    return path


def archive_read(source: Path) -> tuple[zipfile.ZipFile, dict[str, Any]]:
    """Open the archive and check it whole: readable, a known format, and every table
    and file present with the checksum the manifest names. Nothing is written."""
    try:
        archive = zipfile.ZipFile(source)
    except FileNotFoundError as error:
        raise BackupError(f"Het bestand {source} bestaat niet.") from error
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError(
            f"{source} is geen leesbaar back-uparchief (geen geldige ZIP)."
        ) from error
    try:
        manifest = _manifest_check(archive)
    except BackupError:
        archive.close()
        raise
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, TypeError) as error:
        archive.close()
        raise BackupError(f"Het archief is beschadigd ({error}).") from error
    return archive, manifest


def _manifest_check(archive: zipfile.ZipFile) -> dict[str, Any]:
    damaged = archive.testzip()
    if damaged:
        raise BackupError(f"Het archief is beschadigd: {damaged} is niet leesbaar.")
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except KeyError as error:
        raise BackupError(
            "Het archief heeft geen manifest.json: geen Samenspel-back-up."
        ) from error
    except ValueError as error:
        raise BackupError("Het manifest van het archief is beschadigd.") from error
    if manifest.get("format_version") != FORMAT_VERSION:
        raise BackupError(
            f"Het archief heeft formaatversie {manifest.get('format_version')!r}; "
            f"deze Samenspel leest versie {FORMAT_VERSION}."
        )
    for label, table in manifest["tables"].items():
        _check_member(archive, f"{DATA_DIR}{label}.json", table["sha256"], f"de tabel {label}")
    for relative, file in manifest["files"].items():
        _safe_media_path(relative)
        _check_member(archive, f"{MEDIA_DIR}{relative}", file["sha256"], f"het bestand {relative}")
    return manifest


def _check_member(archive: zipfile.ZipFile, name: str, expected: str, what: str) -> None:
    try:
        content = archive.read(name)
    except KeyError as error:
        raise BackupError(f"Het archief mist {what} ({name}).") from error
    if sha256(content) != expected:
        raise BackupError(
            f"De controlesom van {what} klopt niet: het archief is beschadigd of gewijzigd."
        )


def database_is_empty(using: str = DEFAULT_DB_ALIAS) -> list[str]:
    """The tables that hold rows (beyond what `migrate` itself makes)."""
    return [
        model._meta.label_lower
        for model in backed_up_models()
        if model._meta.label_lower not in REPLACED_ON_RESTORE
        and model._base_manager.using(using).exists()
    ]


def _rows_insert(model: type[models.Model], payload: dict[str, Any], using: str) -> None:
    fields = {field.attname: field for field in _columns(model)}
    missing = set(payload["columns"]) ^ set(fields)
    if missing:
        raise BackupError(
            f"De kolommen van tabel {model._meta.label_lower} verschillen van deze database "
            f"({', '.join(sorted(missing))})."
        )
    columns = [fields[name] for name in payload["columns"]]
    objects = []
    for row in payload["rows"]:
        instance = model.__new__(model)
        instance._state = models.base.ModelState()
        instance._state.db = using
        for field, value in zip(columns, row, strict=True):
            setattr(instance, field.attname, None if value is None else _decode(field, value))
        objects.append(instance)
    connection = connections[using]
    batch = max(connection.ops.bulk_batch_size(columns, objects) or 1, 1) if objects else 1
    manager = model._base_manager.db_manager(using)
    for start in range(0, len(objects), batch):
        # raw=True as loaddata: the stored values as they are, auto_now left alone.
        manager._insert(  # type: ignore[attr-defined]
            objects[start : start + batch], fields=columns, raw=True, using=using
        )


def _decode(field: models.Field, value: Any) -> Any:
    if isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.ForeignKey):
        return field.target_field.to_python(value)
    return field.to_python(value)


@dataclass
class RestoreSummary:
    tables: int
    rows: int
    files: int


def restore(source: Path, using: str = DEFAULT_DB_ALIAS) -> RestoreSummary:
    """Load the archive into this empty, migrated database and its files into MEDIA_ROOT.

    Refuses (BackupError, nothing written) a damaged archive, another migration state,
    a database that holds data, or a file that would overwrite one in MEDIA_ROOT. The
    rows load in one transaction; the files are unpacked into a folder beside MEDIA_ROOT
    and moved in as the last step of it, and taken out again if it fails."""
    archive, manifest = archive_read(source)
    with archive:
        ours = migration_state(using)
        if manifest["migrations"] != ours:
            raise BackupError(
                "Het archief komt van een database met een andere migratiestand "
                f"({_state_difference(manifest['migrations'], ours)}). Draai in beide "
                "dezelfde Samenspel-versie en 'samenspel migrate', en probeer het opnieuw."
            )
        models_by_label = {model._meta.label_lower: model for model in backed_up_models()}
        unknown = sorted(set(manifest["tables"]) - set(models_by_label))
        if unknown:
            raise BackupError(
                f"Het archief bevat tabellen die deze Samenspel niet kent: {unknown}."
            )
        filled = database_is_empty(using)
        if filled:
            raise BackupError(
                "De database is niet leeg (gegevens in "
                f"{', '.join(filled[:5])}{'…' if len(filled) > 5 else ''}). Zet een back-up "
                "alleen terug in een lege database waarop 'samenspel migrate' is gedraaid."
            )
        media_root = Path(settings.MEDIA_ROOT)
        clashes = [name for name in manifest["files"] if (media_root / name).exists()]
        if clashes:
            raise BackupError(
                f"MEDIA_ROOT ({media_root}) bevat al bestanden uit het archief, zoals "
                f"{clashes[0]}; kies een lege map."
            )
        media_root.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(
            prefix=".samenspel-restore-", dir=media_root.parent
        ) as staging:
            for relative in manifest["files"]:
                path = Path(staging, *_safe_media_path(relative).parts)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(archive.read(f"{MEDIA_DIR}{relative}"))
            rows = _load(archive, manifest, models_by_label, using, Path(staging), media_root)
    return RestoreSummary(tables=len(manifest["tables"]), rows=rows, files=len(manifest["files"]))


def _load(archive, manifest, models_by_label, using, staging: Path, media_root: Path) -> int:
    connection = connections[using]
    moved: list[Path] = []
    try:
        with transaction.atomic(using=using):
            for label in REPLACED_ON_RESTORE:
                models_by_label[label]._base_manager.using(using).all()._raw_delete(using)
            for label in manifest["tables"]:
                payload = json.loads(archive.read(f"{DATA_DIR}{label}.json"))
                _rows_insert(models_by_label[label], payload, using)
            loaded = [models_by_label[label] for label in manifest["tables"]]
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), loaded):
                    cursor.execute(statement)
            connection.check_constraints()
            for label, table in manifest["tables"].items():
                content, count = table_dump(models_by_label[label], using)
                if count != table["rows"] or sha256(content) != table["sha256"]:
                    raise BackupError(
                        f"Tabel {label} is na het laden niet gelijk aan het archief "
                        f"({count} van {table['rows']} rijen); er is niets teruggezet."
                    )
            for relative in manifest["files"]:
                destination = media_root.joinpath(*PurePosixPath(relative).parts)
                destination.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(staging.joinpath(*PurePosixPath(relative).parts), destination)
                moved.append(destination)
    except Exception:
        for path in moved:
            path.unlink(missing_ok=True)
        raise
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    return sum(table["rows"] for table in manifest["tables"].values())


def _state_difference(theirs: dict[str, list[str]], ours: dict[str, list[str]]) -> str:
    differences = []
    for app_label in sorted(set(theirs) | set(ours)):
        only_theirs = sorted(set(theirs.get(app_label, [])) - set(ours.get(app_label, [])))
        only_ours = sorted(set(ours.get(app_label, [])) - set(theirs.get(app_label, [])))
        if only_theirs:
            differences.append(f"{app_label}: alleen in het archief {', '.join(only_theirs)}")
        if only_ours:
            differences.append(f"{app_label}: alleen in deze database {', '.join(only_ours)}")
    return "; ".join(differences[:3]) or "onbekend verschil"
