"""A revision's Word or PDF file, the one way every download and export gets it.

An approved revision returns the bytes frozen at approval, never a new rendering. A draft is
rendered once per saved version: the file is kept in RenderedFile (a table, so every worker
sees it) and returned again until the next save changes the version. Two downloads of a version
not yet rendered may both render it; the first stored wins and nobody waits on a lock meanwhile.
"""
from __future__ import annotations

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..exporting.docx import render_docx
from ..exporting.pdf import render_pdf
from ..exporting.responses import DOCX, PDF
from ..exporting.snapshot import DocumentSnapshot
from ..models import RenderedFile, Report, Revision
from .snapshot import snapshot_of

RENDERERS = {"docx": render_docx, "pdf": render_pdf}
CONTENT_TYPES = {"docx": DOCX, "pdf": PDF}
FORMATS = tuple(RENDERERS)


def revision_file(report: Report, revision: Revision, fmt: str) -> tuple[str, str, bytes]:
    """(file name, content type, bytes) of the revision in `fmt` ("docx" or "pdf")."""
    snapshot = snapshot_of(report, revision)
    if revision.is_approved:
        content = bytes(revision.docx_file if fmt == "docx" else revision.pdf_file)
    else:
        content = _draft_file(revision, fmt, snapshot)
    return snapshot.filename(fmt), CONTENT_TYPES[fmt], content


def _draft_file(revision: Revision, fmt: str, snapshot: DocumentSnapshot) -> bytes:
    stored = (
        RenderedFile.objects.filter(revision=revision, format=fmt, version=revision.version)
        .values_list("content", flat=True)
        .first()
    )
    if stored is not None:
        return bytes(stored)
    content = RENDERERS[fmt](snapshot)
    _store(revision, fmt, content)
    return content


def _store(revision: Revision, fmt: str, content: bytes) -> None:
    """Keep the file as the revision's rendering for its version, unless a newer version's is kept."""
    values = {
        "version": revision.version, "content": content, "sha256": hashlib.sha256(content).hexdigest(),
        "rendered_at": timezone.now(),
    }
    replaced = RenderedFile.objects.filter(revision=revision, format=fmt, version__lt=revision.version).update(**values)
    if replaced:
        return
    try:
        with transaction.atomic():
            RenderedFile.objects.create(revision=revision, format=fmt, **values)
    except IntegrityError:
        pass  # this version (stored by a concurrent download) or a newer one is already kept
