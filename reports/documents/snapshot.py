"""A revision laid out as the DocumentSnapshot the Word and PDF exporters render."""
from __future__ import annotations

from ..choices import ReportState
from ..exporting.snapshot import DocumentSnapshot
from .content import Document
from .layout import layout


def snapshot_from_content(content: dict, *, union_name: str, approved: bool) -> DocumentSnapshot:
    document = Document.from_dict(content)
    return DocumentSnapshot(
        title=document.title,
        union_name=union_name,
        date=document.date,
        blocks=tuple(layout(document)),
        draft=not approved,
    )


def snapshot_of(report, revision=None) -> DocumentSnapshot:
    """The snapshot of a report's revision (by default the current one)."""
    revision = revision or report.current_revision()
    return snapshot_from_content(
        revision.content, union_name=report.branch.name, approved=revision.state == ReportState.APPROVED
    )
