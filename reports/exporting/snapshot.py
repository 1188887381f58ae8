"""The plain data an exporter needs: the laid-out blocks and the document's properties.

Nothing here reads a document or the database: reports/documents/snapshot.py lays a revision out
into a DocumentSnapshot, and docx.py and pdf.py only ever see that.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

UNSAFE_FILENAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class Block:
    kind: str  # title | paragraph | heading1 | heading2 | item | schedule | signature | date | annex
    text: str = ""
    key: str = ""  # the paragraph or section key, for linking comments and figures
    rows: list = field(default_factory=list)  # schedule: [(label, [item text, ...])]; annex: [[cell, ...]]
    headers: list = field(default_factory=list)  # annex: the column headers
    right_indent: float = 0  # signature and date: characters from the right margin


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
