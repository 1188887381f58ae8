"""刷新数据: bring newly drafted figures into a document without silently losing the secretary's words.

The rule, per drafted paragraph (matched by key):
- not edited by the secretary: replaced by the new drafted text;
- edited, and the new drafted text differs: kept as she wrote it, the new text waits in `pending`
  for her to accept or dismiss;
- no longer drafted (its records are gone): removed if unedited, kept and marked orphaned if edited;
- newly drafted (new records): inserted where the drafter puts it, unless she removed that key.
Paragraphs she added herself are never touched.
"""
from __future__ import annotations

from dataclasses import dataclass

from .content import Document, Section


@dataclass
class RefreshOutcome:
    updated: int = 0
    pending: int = 0
    added: int = 0
    removed: int = 0
    orphaned: int = 0

    @property
    def message(self) -> str:
        parts = [f"更新了 {self.updated} 段"]
        if self.added:
            parts.append(f"新增 {self.added} 段")
        if self.removed:
            parts.append(f"删去 {self.removed} 段已无记录的内容")
        if self.pending:
            parts.append(f"{self.pending} 段您修改过的内容有新数据，请逐段确认")
        if self.orphaned:
            parts.append(f"{self.orphaned} 段您修改过的内容已找不到对应记录，请检查")
        return "数据已刷新：" + "，".join(parts) + "。"


def _fresh_index(fresh: Document):
    """key -> (paragraph, section key or part name, keys drafted before it in that place)."""
    index = {}

    def walk(place: str, paragraphs):
        for i, paragraph in enumerate(paragraphs):
            index[paragraph.key] = (paragraph, place, [p.key for p in paragraphs[:i]])

    walk("preamble", fresh.preamble)
    walk("closing", fresh.closing)
    for section in fresh.all_sections():
        walk(section.key, section.paragraphs)
    return index


def _place(document: Document, place: str):
    if place == "preamble":
        return document.preamble
    if place == "closing":
        return document.closing
    section = document.section(place)
    return section.paragraphs if section else None


def merge_refresh(current: Document, fresh: Document) -> RefreshOutcome:
    outcome = RefreshOutcome()
    index = _fresh_index(fresh)
    present: set[str] = set()

    def update(paragraphs):
        kept = []
        for paragraph in paragraphs:
            if not paragraph.is_drafted:
                kept.append(paragraph)
                continue
            present.add(paragraph.key)
            entry = index.get(paragraph.key)
            if entry is None:
                if paragraph.edited:
                    paragraph.orphaned, paragraph.pending = True, ""
                    outcome.orphaned += 1
                    kept.append(paragraph)
                else:
                    outcome.removed += 1
                continue
            new = entry[0]
            paragraph.sources, paragraph.orphaned = new.sources, False
            if not paragraph.edited:
                if paragraph.text != new.text:
                    outcome.updated += 1
                paragraph.text = paragraph.drafted = new.text
                paragraph.pending = ""
            elif new.text == paragraph.text:
                # She had already written exactly what is now drafted.
                paragraph.drafted, paragraph.pending = new.text, ""
            elif new.text == paragraph.drafted:
                # The figures went back to what her text was based on: nothing left to decide.
                paragraph.pending = ""
            else:
                paragraph.pending = new.text
                outcome.pending += 1
            kept.append(paragraph)
        paragraphs[:] = kept

    update(current.preamble)
    update(current.closing)
    for section in current.all_sections():
        update(section.paragraphs)

    for section in fresh.sections:
        _add_new(current, fresh, section, index, present, outcome)
    for place, paragraphs in (("preamble", fresh.preamble), ("closing", fresh.closing)):
        for paragraph in paragraphs:
            _insert_new(current, paragraph, place, index, present, outcome)
    # A drafted section left with nothing in it (its records are gone) goes too; her own stay.
    current.sections = [
        s for s in current.sections if s.paragraphs or s.subsections or s.schedule or s.key.startswith("u-")
    ]
    return outcome


def _add_new(current, fresh, fresh_section: Section, index, present, outcome):
    if fresh_section.key in current.dismissed:
        return
    if current.section(fresh_section.key) is None:
        new_paragraphs = [p for p in fresh_section.paragraphs if p.key not in current.dismissed and p.key not in present]
        if not new_paragraphs:
            return
        fresh_keys = [s.key for s in fresh.sections]
        before = fresh_keys[: fresh_keys.index(fresh_section.key)]
        position = 0
        for i, section in enumerate(current.sections):
            if section.key in before:
                position = i + 1
        current.sections.insert(position, Section(fresh_section.key, fresh_section.heading, new_paragraphs))
        present.update(p.key for p in new_paragraphs)
        outcome.added += len(new_paragraphs)
        return
    for paragraph in fresh_section.paragraphs:
        _insert_new(current, paragraph, fresh_section.key, index, present, outcome)


def _insert_new(current, paragraph, place, index, present, outcome):
    if paragraph.key in present or paragraph.key in current.dismissed:
        return
    target = _place(current, place)
    if target is None:
        return
    before = set(index[paragraph.key][2])
    position = 0
    for i, existing in enumerate(target):
        if existing.key in before:
            position = i + 1
    target.insert(position, paragraph)
    present.add(paragraph.key)
    outcome.added += 1
