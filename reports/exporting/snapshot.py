"""The plain data an exporter needs: the laid-out blocks and the document's properties."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..choices import ReportState
from ..documents.content import Document
from ..documents.layout import Block, layout

UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass(frozen=True)
class DocumentSnapshot:
    title: str
    union_name: str  # the author: the union's full name
    date: str  # ISO date of the document
    blocks: tuple[Block, ...]
    draft: bool  # not approved: marked 草稿 in the header (and watermarked in the PDF)

    def filename(self, extension: str) -> str:
        stem = UNSAFE_FILENAME.sub("", self.title).strip() or "工作报告"
        return f"{stem}{'（草稿）' if self.draft else ''}.{extension}"


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
