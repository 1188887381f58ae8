"""The saved versions of a revision's text, kept as small as what changed.

The first version of a revision (and any version whose predecessor was never recorded, or whose
changes would outweigh it) is stored whole; every later one as the lines that changed. A
version's lines are its content written as canonical JSON with one value per line, so each
paragraph's text is a line of its own and a save that rewrites one paragraph stores one line,
whatever the size of the document.
"""
from __future__ import annotations

import difflib
import json

from ..models import DocumentEdit, Revision

# A change is [start, end, lines]: the previous version's lines[start:end] replaced by `lines`.
Change = list


def content_lines(content: dict) -> list[str]:
    return json.dumps(content, ensure_ascii=False, sort_keys=True, indent=0).split("\n")


def line_changes(old: list[str], new: list[str]) -> list[Change]:
    """The changes that turn `old` into `new`, in ascending order."""
    # Most saves touch a few paragraphs: match only the stretch between the common ends.
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    tail = 0
    while tail < min(len(old), len(new)) - start and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    old_middle, new_middle = old[start:len(old) - tail], new[start:len(new) - tail]
    matcher = difflib.SequenceMatcher(None, old_middle, new_middle)
    return [
        [start + i1, start + i2, new_middle[j1:j2]]
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
    ]


def apply_changes(lines: list[str], changes: list[Change]) -> list[str]:
    lines = list(lines)
    for start, end, replacement in reversed(changes):
        lines[start:end] = replacement
    return lines


def record_edit(*, revision: Revision, version: int, editor, before: dict | None, after: dict) -> DocumentEdit:
    """Keep version `version` of the revision, saved by `editor`, whose content went from
    `before` (None for a new revision) to `after`."""
    chained = before is not None and DocumentEdit.objects.filter(revision=revision, version=version - 1).exists()
    if chained:
        after_lines = content_lines(after)
        changes = line_changes(content_lines(before), after_lines)
        # Sweeping reorders can make the changes outweigh the text: then the text is kept whole.
        if _size(changes) < sum(len(line) for line in after_lines):
            return DocumentEdit.objects.create(revision=revision, version=version, editor=editor, changes=changes)
    return DocumentEdit.objects.create(revision=revision, version=version, editor=editor, content=after)


def _size(changes: list[Change]) -> int:
    return sum(len(line) for _, _, lines in changes for line in lines)


def content_at(edit: DocumentEdit) -> dict:
    """The whole content as it was saved in `edit`: the nearest whole copy, with the changes since."""
    if edit.content is not None:
        return edit.content
    base = (
        DocumentEdit.objects.filter(revision_id=edit.revision_id, version__lt=edit.version, content__isnull=False)
        .order_by("-version")
        .first()
    )
    steps = DocumentEdit.objects.filter(
        revision_id=edit.revision_id, version__gt=base.version, version__lte=edit.version
    ).order_by("version")
    lines = content_lines(base.content)
    for changes in steps.values_list("changes", flat=True):
        lines = apply_changes(lines, changes)
    return json.loads("\n".join(lines))


def content_of_version(revision: Revision, version: int | None) -> dict | None:
    """The revision's whole content as saved in `version`; None when that save was never recorded."""
    if version is None:
        return None
    if version == revision.version:
        return revision.content
    edit = DocumentEdit.objects.filter(revision=revision, version=version).first()
    return content_at(edit) if edit is not None else None
