"""backup and restore round-trip a populated database; a failure mid-approval changes nothing."""
import hashlib
import io

import pytest
from django.core.management import CommandError, call_command

from reports import backup
from reports.demo import load_demo
from reports.documents import approval, review, services
from reports.models import Report, Revision, Transition

from .reviews import fill_placeholders


@pytest.fixture
def populated(db):
    load_demo()  # records, users, and two approved summaries with their frozen files
    return backup.table_counts(), backup.frozen_file_hashes()


# flush empties the database with TRUNCATE, which PostgreSQL refuses inside the test's transaction.
@pytest.mark.django_db(transaction=True)
def test_round_trip_keeps_every_row_and_every_frozen_file(populated, tmp_path):
    counts, hashes = populated
    archive = tmp_path / "backup.zip"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "已备份" in out.getvalue()
    call_command("flush", interactive=False, verbosity=0)
    assert Revision.objects.count() == 0
    call_command("restore", str(archive), stdout=out)
    assert "均已核对一致" in out.getvalue()
    assert backup.table_counts() == counts
    assert backup.frozen_file_hashes() == hashes
    assert len(hashes) == 2 and sum(counts.values()) > 300
    for revision in Revision.objects.approved():
        assert hashlib.sha256(bytes(revision.pdf_file)).hexdigest() == revision.pdf_sha256


def test_restore_refuses_a_database_that_is_not_empty(populated, tmp_path):
    archive = tmp_path / "backup.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    with pytest.raises(CommandError, match="数据库不是空的"):
        call_command("restore", str(archive))


def test_restore_refuses_a_damaged_archive_and_loads_nothing(db, tmp_path):
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"not a zip at all")
    with pytest.raises(CommandError, match="无法读取备份文件"):
        call_command("restore", str(broken))


@pytest.mark.django_db(transaction=True)
def test_a_tampered_archive_is_undone_whole(populated, tmp_path):
    import json
    import zipfile

    archive, tampered = tmp_path / "backup.zip", tmp_path / "tampered.zip"
    call_command("backup", str(archive), stdout=io.StringIO())
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(tampered, "w") as target:
        target.writestr("data.json", source.read("data.json"))
        manifest = json.loads(source.read("manifest.json"))
        first = next(iter(manifest["frozen_files"]))
        manifest["frozen_files"][first]["pdf"] = "0" * 64
        target.writestr("manifest.json", json.dumps(manifest))
    call_command("flush", interactive=False, verbosity=0)
    with pytest.raises(CommandError, match="已全部撤销"):
        call_command("restore", str(tampered))
    assert Revision.objects.count() == 0 and Report.objects.count() == 0


def test_backup_never_overwrites_a_file(populated, tmp_path):
    archive = tmp_path / "backup.zip"
    archive.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="不会覆盖"):
        call_command("backup", str(archive))
    assert archive.read_bytes() == b"keep me"


def test_a_failure_in_the_middle_of_an_approval_leaves_everything_as_before(cast, monkeypatch):
    report = services.create_summary(branch=cast.school, year=2024, user=None)
    fill_placeholders(report)
    review.submit_report(report=report, actor=cast.alice)
    revision = report.current_revision()
    before = (revision.state, revision.version, Transition.objects.count())

    def fail(*args, **kwargs):
        raise RuntimeError("disk full while writing the history")

    # The files are rendered and the revision updated; then writing the history entry fails.
    monkeypatch.setattr(review, "_record", fail)
    with pytest.raises(RuntimeError):
        approval.approve_report(report=report, actor=cast.carol)
    revision.refresh_from_db()
    assert (revision.state, revision.version, Transition.objects.count()) == before
    assert revision.pdf_file is None and revision.docx_sha256 == "" and revision.approved_at is None
