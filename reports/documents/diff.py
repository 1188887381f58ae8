"""The differences between two revisions' text, paragraph by paragraph, for the review page."""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .content import Document
from .layout import layout


@dataclass(frozen=True)
class DiffLine:
    change: str  # "same" | "added" | "removed"
    text: str


def text_lines(content: dict) -> list[str]:
    """The document's text as it is laid out on paper, one block a line."""
    lines = []
    for block in layout(Document.from_dict(content)):
        if block.kind == "schedule":
            lines += [f"{label}：{'；'.join(items)}" for label, items in block.rows]
        elif block.text:
            lines.append(block.text)
    return lines


def has_changes(lines: list[DiffLine]) -> bool:
    return any(line.change != "same" for line in lines)


def diff_revisions(old: dict, new: dict) -> list[DiffLine]:
    result = []
    for line in difflib.ndiff(text_lines(old), text_lines(new)):
        code, text = line[:2], line[2:]
        if code == "  ":
            result.append(DiffLine("same", text))
        elif code == "- ":
            result.append(DiffLine("removed", text))
        elif code == "+ ":
            result.append(DiffLine("added", text))
    return result
