"""A backup taken while people keep working restores cleanly: it is one snapshot of the database."""
import datetime
import io
import json
import threading
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from reports import backup
from reports.demo import load_demo
from reports.models import Activity, Branch, Honor

from .records import fill_branch, make_activity, make_honor

YEAR = datetime.date.today().year - 1


class BusySecretary:
    """Adds honours and activities on its own connection, one short transaction each, until stopped."""

    def __init__(self, branch):
        self.branch = branch
        self.added = 0
        self.started = threading.Event()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._work)

    def __enter__(self):
        self.thread.start()
        assert self.started.wait(timeout=30), "the writer never got going"
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join(timeout=60)

    def _work(self):
        try:
            while not self.stop.is_set():
                make_honor(self.branch, datetime.date(YEAR, 6, 1), title=f"荣誉-忙{self.added}")
                make_activity(self.branch, datetime.date(YEAR, 6, 2), title=f"活动-忙{self.added}")
                self.added += 1
                self.started.set()
        finally:
            connection.close()


def manifest_of(archive):
    with zipfile.ZipFile(archive) as source:
        return json.loads(source.read("manifest.json"))


# PostgreSQL only: SQLite's test database is an in-memory shared cache, where a writer's open
# transaction makes readers fail at once ("database table is locked") instead of waiting.
# flush empties the database with TRUNCATE, which PostgreSQL refuses inside the test's transaction.
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_backup_taken_during_writes_restores_with_its_own_counts(tmp_path):
    load_demo()
    busy = Branch.objects.grassroots().first()
    fill_branch(busy, YEAR, 500)  # enough rows that the dump takes a while
    archive = tmp_path / "live.zip"
    with BusySecretary(busy) as secretary:
        added_before = secretary.added
        call_command("backup", str(archive), stdout=io.StringIO())
        added_during = secretary.added - added_before
    assert added_during > 0, "nothing was written while the backup ran"
    manifest = manifest_of(archive)

    call_command("flush", interactive=False, verbosity=0)
    out = io.StringIO()
    call_command("restore", str(archive), stdout=out)
    assert "均已核对一致" in out.getvalue()
    assert backup.table_counts() == manifest["tables"]
    assert Honor.objects.count() == manifest["tables"]["reports.honor"]
    assert Activity.objects.count() == manifest["tables"]["reports.activity"]


def rewrite_manifest(archive, change):
    with zipfile.ZipFile(archive) as source:
        data, manifest = source.read("data.json"), json.loads(source.read("manifest.json"))
    change(manifest)
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("data.json", data)
        target.writestr("manifest.json", json.dumps(manifest))


def test_the_backup_command_checks_the_archive_it_wrote_and_drops_a_bad_one(db, tmp_path, monkeypatch):
    from reports.management.commands import backup as command

    load_demo()
    write = command.write_backup

    def write_then_damage(output):
        manifest = write(output)
        rewrite_manifest(output, lambda m: m["tables"].update({"reports.honor": m["tables"]["reports.honor"] + 1}))
        return manifest

    monkeypatch.setattr(command, "write_backup", write_then_damage)
    archive = tmp_path / "backup.zip"
    with pytest.raises(CommandError, match="核对不一致.*reports.honor 应有"):
        call_command("backup", str(archive), stdout=io.StringIO())
    assert not archive.exists()


def test_a_sound_archive_passes_and_a_wrong_file_hash_is_caught(db, tmp_path):
    load_demo()
    archive = tmp_path / "backup.zip"
    backup.write_backup(archive)
    assert backup.verify_archive(archive) == []

    def forge_hash(manifest):
        first = next(iter(manifest["frozen_files"]))
        manifest["frozen_files"][first]["docx"] = "0" * 64

    rewrite_manifest(archive, forge_hash)
    assert backup.verify_archive(archive) == ["定稿文件的 SHA-256 与备份时不一致"]
