"""Backup and restore of the whole database in a portable zip, verified on the way back in.

The archive holds data.json (Django's serializer, natural keys: it loads into any freshly
migrated database, SQLite or PostgreSQL) and manifest.json (every table's row count and every
approved revision's file hashes), both written from one snapshot of the database, so a backup
taken while people work is still whole. The backup command re-reads the archive right after
writing it. Restoring loads everything in one transaction, then checks the counts and recomputes
each frozen file's SHA-256; any difference undoes the whole restore.
"""
from __future__ import annotations

import base64
import hashlib
import json
import tempfile
import zipfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

FORMAT = 1
# Transient or derived tables that a restored system rebuilds by itself.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "axes", "reports.renderedfile"]


class RestoreError(Exception):
    """Nothing was restored; the message says why, in Chinese."""


def _models():
    excluded_apps = {label for label in EXCLUDED if "." not in label}
    excluded_models = {label for label in EXCLUDED if "." in label}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in excluded_apps or label in excluded_models or not model._meta.managed:
            continue
        yield model


def table_counts() -> dict[str, int]:
    return {model._meta.label_lower: model._default_manager.count() for model in _models()}


def frozen_file_hashes() -> dict[str, dict[str, str]]:
    from .models import Revision

    return {
        str(pk): _file_hashes(docx, pdf)
        for pk, docx, pdf in Revision.objects.approved().values_list("pk", "docx_file", "pdf_file").order_by("pk")
    }


def write_backup(output: Path) -> dict:
    """Write the archive from one snapshot of the database; return its manifest."""
    tables: dict[str, int] = {}
    frozen: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        with _one_snapshot(), open(data, "w", encoding="utf-8") as stream:
            serializers.serialize(
                "json", _rows_counted(tables, frozen), stream=stream,
                use_natural_foreign_keys=True, use_natural_primary_keys=True,
            )
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "tables": tables,
            "frozen_files": dict(sorted(frozen.items(), key=lambda item: int(item[0]))),
        }
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.json")
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


@contextmanager
def _one_snapshot():
    """Read everything inside one transaction that sees the database as of its first read.

    At PostgreSQL's default READ COMMITTED every statement sees the rows committed before it
    started, so tables read one after another would disagree while people keep working. REPEATABLE
    READ fixes the snapshot at the first query; SET TRANSACTION applies to this transaction only,
    so a connection kept open (CONN_MAX_AGE) goes back to the default afterwards. On SQLite a
    plain (deferred) BEGIN does the same: the first read pins a WAL snapshot. The project's SQLite
    transactions begin IMMEDIATE, which would take the write lock and keep every save waiting for
    the whole dump, so this one transaction is begun deferred. Called inside a transaction of its
    own (as the tests' database fixture does), that transaction decides what is seen.
    """
    if connection.in_atomic_block:
        yield
        return
    with _deferred_begin_on_sqlite(), transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield


@contextmanager
def _deferred_begin_on_sqlite():
    """Let the next transaction on SQLite begin DEFERRED (a reader) whatever the configured mode."""
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    configured = connection.transaction_mode
    connection.transaction_mode = "DEFERRED"
    try:
        yield
    finally:
        connection.transaction_mode = configured


def _rows_counted(tables: dict[str, int], frozen: dict[str, dict[str, str]]):
    """Every row to back up, in an order loaddata can follow; counts and hashes what it yields.

    The manifest is built from exactly the rows written, so it cannot disagree with data.json.
    """
    from .models import Revision

    for model in serializers.sort_dependencies(_models_by_app(), allow_cycles=True):
        label = model._meta.label_lower
        tables[label] = 0
        for row in model._default_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000):
            tables[label] += 1
            if isinstance(row, Revision) and row.is_approved:
                frozen[str(row.pk)] = _file_hashes(row.docx_file, row.pdf_file)
            yield row


def _models_by_app():
    by_app: dict = {}
    for model in _models():
        by_app.setdefault(apps.get_app_config(model._meta.app_label), []).append(model)
    return by_app.items()


def _file_hashes(docx, pdf) -> dict[str, str]:
    return {"docx": hashlib.sha256(bytes(docx)).hexdigest(), "pdf": hashlib.sha256(bytes(pdf)).hexdigest()}


def verify_archive(archive_path: Path) -> list[str]:
    """Re-read a written archive: does data.json hold exactly what its manifest promises?

    Returns the differences found, in Chinese; an empty list means the archive is sound.
    """
    from .choices import ReportState

    try:
        with zipfile.ZipFile(archive_path) as archive:
            manifest = json.loads(archive.read("manifest.json"))
            with archive.open("data.json") as data:
                rows = json.load(data)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as error:
        return [f"无法读取备份文件：{error}"]
    counts = dict.fromkeys(manifest["tables"], 0)
    frozen: dict[str, dict[str, str]] = {}
    for row in rows:
        counts[row["model"]] = counts.get(row["model"], 0) + 1
        if row["model"] == "reports.revision" and row["fields"]["state"] == ReportState.APPROVED:
            fields = row["fields"]
            frozen[str(row["pk"])] = _file_hashes(base64.b64decode(fields["docx_file"]), base64.b64decode(fields["pdf_file"]))
    unlisted = [f"{table} 有 {counts[table]} 行，清单中却没有这张表" for table in sorted(counts.keys() - manifest["tables"].keys())]
    return unlisted + _differences(manifest, counts, frozen)


def _database_is_empty() -> bool:
    from django.contrib.auth import get_user_model

    from .models import Branch

    return not Branch.objects.exists() and not get_user_model().objects.exists()


def restore_backup(archive_path: Path) -> dict:
    """Load an archive into an empty, migrated database; return its manifest."""
    if not _database_is_empty():
        raise RestoreError("数据库不是空的。请在新建并完成 migrate 的空数据库中恢复，以免覆盖现有数据。")
    try:
        archive = zipfile.ZipFile(archive_path)
    except (OSError, zipfile.BadZipFile) as error:
        raise RestoreError(f"无法读取备份文件：{error}") from None
    with archive, tempfile.TemporaryDirectory() as tmp:
        try:
            manifest = json.loads(archive.read("manifest.json"))
            archive.extract("data.json", tmp)
        except (KeyError, ValueError) as error:
            raise RestoreError(f"备份文件不完整：{error}") from None
        if manifest.get("format") != FORMAT:
            raise RestoreError("备份文件的格式版本不受支持。")
        with transaction.atomic():
            call_command("loaddata", str(Path(tmp) / "data.json"), verbosity=0)
            problems = _verify(manifest)
            if problems:
                transaction.set_rollback(True)
                raise RestoreError("恢复后的数据与备份清单不一致，已全部撤销：" + "；".join(problems[:10]))
    return manifest


def _verify(manifest: dict) -> list[str]:
    return _differences(manifest, table_counts(), frozen_file_hashes())


def _differences(manifest: dict, counts: dict[str, int], hashes: dict[str, dict[str, str]]) -> list[str]:
    problems = []
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"{table} 应有 {expected} 行，实有 {counts.get(table)} 行")
    if hashes != manifest["frozen_files"]:
        problems.append("定稿文件的 SHA-256 与备份时不一致")
    return problems
