"""A revision's files: a draft rendered once per saved version, an approved revision's frozen
bytes, and the same bytes from the download page and from export_report."""
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from reports.documents import files
from reports.models import RenderedFile

from .conftest import PASSWORD
from .drafting_helpers import save_edit
from .exports import YEAR, known_summary
from .reviews import approve


@pytest.fixture
def summary(cast):
    return known_summary(cast.school)


@pytest.fixture
def renders(monkeypatch):
    """The renderings done, as (format, title) pairs."""
    done = []
    for fmt, render in list(files.RENDERERS.items()):
        def counted(snapshot, fmt=fmt, render=render):
            done.append((fmt, snapshot.title))
            return render(snapshot)

        monkeypatch.setitem(files.RENDERERS, fmt, counted)
    return done


def download(client, report, fmt):
    client.login(username="oscar", password=PASSWORD)
    response = client.get(reverse(f"reports:document_{fmt}", args=["school", report.pk]))
    assert response.status_code == 200
    return response.content


def export(report, fmt, tmp_path):
    target = tmp_path / f"export.{fmt}"
    call_command(
        "export_report", "--branch", "school", "--year", str(YEAR), "--kind", "summary", "--format", fmt,
        "--output", str(target), stdout=io.StringIO(),
    )
    return target.read_bytes()


def change_pdf_template(settings, tmp_path):
    """From now on a fresh PDF rendering comes out different from any made before."""
    templates = tmp_path / "templates"
    (templates / "documents").mkdir(parents=True)
    (templates / "documents" / "pdf.html").write_text("<p>完全不同的排版</p>", encoding="utf-8")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [templates, *settings.TEMPLATES[0]["DIRS"]]}]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_two_downloads_of_a_draft_version_render_once_and_a_save_renders_again(client, summary, renders, fmt):
    first = download(client, summary, fmt)
    assert download(client, summary, fmt) == first
    assert len(renders) == 1
    save_edit(summary, lambda d: setattr(d, "title", d.title + "（修订）"))
    changed = download(client, summary, fmt)
    assert changed != first and len(renders) == 2 and renders[-1][1].endswith("（修订）")
    assert download(client, summary, fmt) == changed and len(renders) == 2
    kept = RenderedFile.objects.get(revision=summary.current_revision(), format=fmt)
    assert (kept.version, bytes(kept.content)) == (summary.current_revision().version, changed)


def test_a_late_rendering_of_an_older_version_does_not_replace_the_newer_one(client, summary):
    stale = summary.current_revision()
    save_edit(summary, lambda d: setattr(d, "title", d.title + "（修订）"))
    newer = download(client, summary, "pdf")
    # A download that read the revision before the save finishes rendering after it.
    files.revision_file(summary, stale, "pdf")
    kept = RenderedFile.objects.get(revision=stale, format="pdf")
    assert (kept.version, bytes(kept.content)) == (stale.version + 1, newer)


def test_export_report_returns_the_frozen_bytes_of_the_approved_revision(cast, summary, settings, tmp_path):
    revision = approve(summary, secretary=cast.alice, chair=cast.carol)
    change_pdf_template(settings, tmp_path)
    assert export(summary, "pdf", tmp_path) == bytes(revision.pdf_file)
    assert export(summary, "docx", tmp_path) == bytes(revision.docx_file)


def test_approval_drops_the_drafts_cached_files(client, cast, summary):
    download(client, summary, "pdf")
    approve(summary, secretary=cast.alice, chair=cast.carol)
    assert not RenderedFile.objects.filter(revision__report=summary).exists()


@pytest.mark.parametrize("approved", [False, True], ids=["draft", "approved"])
def test_the_download_page_and_export_report_return_identical_bytes(client, cast, summary, settings, tmp_path, approved):
    if approved:
        approve(summary, secretary=cast.alice, chair=cast.carol)
    downloaded = download(client, summary, "pdf")
    change_pdf_template(settings, tmp_path)
    assert export(summary, "pdf", tmp_path) == downloaded
    assert download(client, summary, "pdf") == downloaded
    assert export(summary, "docx", tmp_path) == download(client, summary, "docx")
