"""Backup and restore of the whole database in a portable zip, verified on the way back in.

The archive holds data.json (Django's serializer, natural keys: it loads into any freshly
migrated database, SQLite or PostgreSQL) and manifest.json (every table's row count and every
approved revision's file hashes). Restoring loads everything in one transaction, then checks the
counts and recomputes each frozen file's SHA-256; any difference undoes the whole restore.
"""
from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import transaction
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
        str(pk): {"docx": hashlib.sha256(bytes(docx)).hexdigest(), "pdf": hashlib.sha256(bytes(pdf)).hexdigest()}
        for pk, docx, pdf in Revision.objects.approved().values_list("pk", "docx_file", "pdf_file").order_by("pk")
    }


def write_backup(output: Path) -> dict:
    """Write the archive; return its manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data.json"
        with transaction.atomic():  # one consistent view of every table
            call_command(
                "dumpdata", *[m._meta.label_lower for m in _models()],
                natural_foreign=True, natural_primary=True, output=str(data), verbosity=0,
            )
            manifest = {
                "format": FORMAT,
                "created": timezone.now().isoformat(),
                "tables": table_counts(),
                "frozen_files": frozen_file_hashes(),
            }
        with zipfile.ZipFile(output, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.write(data, "data.json")
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
    return manifest


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
    problems = []
    counts = table_counts()
    for table, expected in manifest["tables"].items():
        if counts.get(table) != expected:
            problems.append(f"{table} 应有 {expected} 行，实有 {counts.get(table)} 行")
    hashes = frozen_file_hashes()
    if hashes != manifest["frozen_files"]:
        problems.append("定稿文件的 SHA-256 与备份时不一致")
    return problems
