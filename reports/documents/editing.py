"""The editor's changes applied to a document: the text fields, then one structural action.

Pure functions over the content, so they are tested without pages. Field names carry keys, not
positions: `title`, `signature`, `date`, `h:<section key>`, `p:<paragraph key>`,
`e:<schedule entry key>`, `i:<item key>`, `c:<item key>` (the item's activity category).
"""
from __future__ import annotations

import copy
import dataclasses
import datetime
import math
import re
import unicodedata

from ..choices import ActivityCategory
from .content import Document, Paragraph, ScheduleEntry, ScheduleItem, Section, new_key
from .figure_update import paragraph_update
from .layout import CHINESE_DIGITS, chinese_number

MAX_TITLE = 200
MAX_HEADING = 200
MAX_PARAGRAPH = 5000
MAX_ITEM = 500
MAX_LABEL = 40
MAX_SECTIONS = 60
MAX_PARAGRAPHS_PER_SECTION = 200
# The whole document's length (document_length), so that one draft's PDF stays under about 5 s
# and 300 MB in a worker. bench/pdf_size_limit.py measured render_pdf (CPU seconds, peak RSS of a
# fresh process, which is about 230 MB before rendering anything):
#     20,000 characters   34 pages  0.8 s  237 MB
#     50,000 characters   85 pages  1.6 s  248 MB
#    100,000 characters  169 pages  2.9 s  266 MB   <- the limit
#    150,000 characters  254 pages  4.7 s  284 MB
#    200,000 characters  337 pages  5.9 s  302 MB
# 5,000-character paragraphs cost the same. The longest drafted document measured is the summary
# of a union with 5,000 records (24,711 characters); the demo's are under 3,400.
# A federation summary's annex (one table row per unit directly below) is not counted, and is the costly
# part: the drafted summary of a county of 1,000 unions has 1,835 characters of text but 57 pages,
# 4.9 s; its 1,000-row table alone takes 5.4 s and 301 MB (500 rows: 2.7 s, 265 MB). Large
# counties' annexes need a bound of their own, which would change what the annex lists.
MAX_DOCUMENT_CHARS = 100_000
VALID_CATEGORIES = {""} | set(ActivityCategory.values)


class EditError(ValueError):
    """A change the editor refuses, with the Chinese reason."""


def document_length(document: Document) -> int:
    """Characters of everything the secretary can type: title, headings, paragraphs, the
    schedule, the signature. The drafted annex is not counted (see MAX_DOCUMENT_CHARS)."""
    sections = list(document.all_sections())
    return (
        len(document.title)
        + len(document.signature)
        + sum(len(section.heading) for section in sections)
        + sum(len(paragraph.text) for paragraph in document.all_paragraphs())
        + sum(len(entry.label) + sum(len(item.text) for item in entry.items) for s in sections for entry in s.schedule)
    )


def length_error(document: Document, *, before: int = 0) -> str:
    """The Chinese refusal when the document is longer than MAX_DOCUMENT_CHARS, else "".
    `before` is its length before the change: a document that was already longer (saved before
    the limit existed) may still be shortened step by step."""
    length = document_length(document)
    if length <= MAX_DOCUMENT_CHARS or length <= before:
        return ""
    # 现有 rounds up, so it never reads as equal to the limit it exceeds.
    return f"文档总长度不能超过{MAX_DOCUMENT_CHARS / 10_000:g}万字（现有{math.ceil(length / 1_000) / 10:g}万字）。"


def _month_number(token: str) -> int | None:
    token = token.strip()
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if token.startswith("十") and len(token) == 2:
        return 10 + CHINESE_DIGITS.index(token[1]) if token[1] in CHINESE_DIGITS else None
    if len(token) == 1 and token in CHINESE_DIGITS:
        return CHINESE_DIGITS.index(token)
    return None


def months_from_label(label: str) -> list[int] | None:
    """七、八月份 -> [7, 8]; 3月 -> [3]; 九至十月份 -> [9, 10]; None when it names no month."""
    match = re.fullmatch(r"\s*(.+?)\s*月份?\s*", label)
    if not match:
        return None
    parts = re.split(r"[、，,和及]", match.group(1))
    months = []
    for part in parts:
        ends = re.split(r"[至到—\-~]", part)
        numbers = [_month_number(e.rstrip("月")) for e in ends]
        if any(n is None or not 1 <= n <= 12 for n in numbers):
            return None
        months += list(range(numbers[0], numbers[-1] + 1)) if len(numbers) == 2 else numbers
    return sorted(set(months)) or None


# Zero-width (non-)joiners shape some scripts and emoji sequences; every other format character
# (zero-width space, word joiner, BOM, soft hyphen, direction overrides) is invisible noise.
KEPT_FORMAT_CHARACTERS = {"\u200c", "\u200d"}


def _clean(value: str) -> str:
    # Line breaks inside a paragraph would be lost in the official layout; control characters
    # have no place in a document.
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "")
    return "".join(ch for ch in value if ch == "\t" or _visible(ch)).strip()


def _visible(ch: str) -> bool:
    category = unicodedata.category(ch)
    return category != "Cc" and (category != "Cf" or ch in KEPT_FORMAT_CHARACTERS)


def apply_fields(document: Document, data) -> list[str]:
    """Copy the posted text into the document; return Chinese errors (nothing is applied then)."""
    errors = []

    def take(name: str, current: str, limit: int, label: str, required: bool = False) -> str:
        if name not in data:
            return current
        value = _clean(data.get(name, ""))
        if len(value) > limit:
            errors.append(f"{label}不能超过{limit}个字（现有{len(value)}个字）。")
        if required and not value:
            errors.append(f"{label}不能为空。")
        return value

    updates: list = []
    title = take("title", document.title, MAX_TITLE, "标题", required=True)
    signature = take("signature", document.signature, 100, "落款", required=True)
    date = document.date
    if "date" in data:
        try:
            date = datetime.date.fromisoformat(data.get("date", "").strip()).isoformat()
        except ValueError:
            errors.append("成文日期格式不正确，请填写如 2025-01-06 的日期。")
    for section in document.all_sections():
        updates.append((section, "heading", take(f"h:{section.key}", section.heading, MAX_HEADING, f"标题“{section.heading[:12]}”", required=True)))
        for entry in section.schedule:
            label = take(f"e:{entry.key}", entry.label, MAX_LABEL, "月份")
            months = months_from_label(label)
            if months is None:
                errors.append(f"月份“{label}”无法识别，请写成“三月份”或“七、八月份”。")
            updates.append((entry, "label", label))
            updates.append((entry, "months", months or entry.months))
            for item in entry.items:
                updates.append((item, "text", take(f"i:{item.key}", item.text, MAX_ITEM, "工作内容")))
                category = data.get(f"c:{item.key}", item.category) or ""
                if category not in VALID_CATEGORIES:
                    errors.append("活动类别不正确。")
                updates.append((item, "category", category))
    for paragraph in document.all_paragraphs():
        updates.append((paragraph, "text", take(f"p:{paragraph.key}", paragraph.text, MAX_PARAGRAPH, "段落")))
    if errors:
        return errors
    before = document_length(document)
    updates += [(document, "title", title), (document, "signature", signature), (document, "date", date)]
    undo = [(target, attribute, getattr(target, attribute)) for target, attribute, _ in updates]
    for target, attribute, value in updates:
        setattr(target, attribute, value)
    too_long = length_error(document, before=before)
    if too_long:
        for target, attribute, value in undo:
            setattr(target, attribute, value)
        return [too_long]
    _drop_emptied(document)
    return []


def _drop_emptied(document: Document) -> None:
    """An emptied paragraph or schedule item is removed (a drafted one stays removed on refresh)."""

    def keep(paragraphs):
        kept = []
        for paragraph in paragraphs:
            if paragraph.text:
                kept.append(paragraph)
            elif paragraph.is_drafted:
                document.dismissed.append(paragraph.key)
        paragraphs[:] = kept

    keep(document.preamble)
    keep(document.closing)
    for section in document.all_sections():
        keep(section.paragraphs)
        for entry in section.schedule:
            entry.items = [item for item in entry.items if item.text]


def _container_of(document: Document, key: str) -> list[Section] | None:
    if any(s.key == key for s in document.sections):
        return document.sections
    for section in document.sections:
        if any(s.key == key for s in section.subsections):
            return section.subsections
    return None


def _paragraph_list(document: Document, key: str) -> list[Paragraph] | None:
    for paragraphs in [document.preamble, document.closing, *(s.paragraphs for s in document.all_sections())]:
        if any(p.key == key for p in paragraphs):
            return paragraphs
    return None


def _entry(document: Document, key: str) -> tuple[Section, ScheduleEntry] | tuple[None, None]:
    for section in document.sections:
        for entry in section.schedule:
            if entry.key == key:
                return section, entry
    return None, None


def apply_action(document: Document, action: str) -> str:
    """Apply one structural action ("verb:key"); return a short Chinese note of what was done."""
    verb, _, key = action.partition(":")
    handler = ACTIONS.get(verb)
    if handler is None:
        raise EditError("无法识别的操作。")
    before, length = copy.deepcopy(document), document_length(document)
    note = handler(document, key)
    too_long = length_error(document, before=length)
    if too_long:
        # A refused action leaves the document as it was.
        for field in dataclasses.fields(document):
            setattr(document, field.name, getattr(before, field.name))
        raise EditError(too_long)
    return note


def _add_section(document: Document, key: str) -> str:
    if len(document.sections) >= MAX_SECTIONS:
        raise EditError(f"一份报告最多{MAX_SECTIONS}个部分。")
    # New sections go before the closing parts (存在问题, 工作打算) of a summary.
    tail = {"problems", "next_year", "next_half"}
    position = next((i for i, s in enumerate(document.sections) if s.key in tail), len(document.sections))
    document.sections.insert(position, Section(new_key("u"), "新的部分", [Paragraph(new_key("u"), "")]))
    return "已添加一个部分，请填写标题和内容。"


def _add_subsection(document: Document, key: str) -> str:
    parent = document.section(key)
    if parent is None or _container_of(document, key) is not document.sections:
        raise EditError("找不到要添加小标题的部分。")
    parent.subsections.append(Section(new_key("u"), "新的小标题", [Paragraph(new_key("u"), "")], numbered=parent.key == "themes"))
    return "已添加一个小标题。"


def _remove_section(document: Document, key: str) -> str:
    container = _container_of(document, key)
    if container is None:
        raise EditError("找不到要删除的部分。")
    section = next(s for s in container if s.key == key)
    document.dismissed.append(key)
    document.dismissed += [p.key for s in [section, *section.subsections] for p in s.paragraphs if p.is_drafted]
    container.remove(section)
    return f"已删除“{section.heading}”。"


def _move(document: Document, key: str, step: int) -> str:
    container = _container_of(document, key)
    if container is None:
        raise EditError("找不到要移动的部分。")
    i = next(i for i, s in enumerate(container) if s.key == key)
    j = i + step
    if 0 <= j < len(container):
        container[i], container[j] = container[j], container[i]
    return "已调整顺序。"


def _add_paragraph(document: Document, key: str) -> str:
    target = {"preamble": document.preamble, "closing": document.closing}.get(key)
    if target is None:
        section = document.section(key)
        if section is None:
            raise EditError("找不到要添加段落的部分。")
        target = section.paragraphs
    if len(target) >= MAX_PARAGRAPHS_PER_SECTION:
        raise EditError("这一部分的段落太多了。")
    target.append(Paragraph(new_key("u"), ""))
    return "已添加一个段落，请填写内容。"


def _remove_paragraph(document: Document, key: str) -> str:
    paragraphs = _paragraph_list(document, key)
    if paragraphs is None:
        raise EditError("找不到要删除的段落。")
    paragraph = next(p for p in paragraphs if p.key == key)
    if paragraph.is_drafted:
        document.dismissed.append(key)
    paragraphs.remove(paragraph)
    return "已删除段落。"


def _accept(document: Document, key: str) -> str:
    paragraph = document.paragraph(key)
    if paragraph is None or not paragraph.pending:
        raise EditError("这一段没有待确认的新数据。")
    paragraph.text = paragraph.drafted = paragraph.pending
    paragraph.pending = ""
    return "已采用新数据。"


def _dismiss(document: Document, key: str) -> str:
    paragraph = document.paragraph(key)
    if paragraph is None or not paragraph.pending:
        raise EditError("这一段没有待确认的新数据。")
    # Her text stays; the new drafted text becomes the baseline, so the notice does not return.
    paragraph.drafted, paragraph.pending = paragraph.pending, ""
    return "已保留您的文字。"


def _update_figures(document: Document, key: str) -> str:
    """保留我的文字，只更新数字: her wording, with the figures the records changed replaced."""
    paragraph = document.paragraph(key)
    update = paragraph_update(paragraph) if paragraph else None
    if update is None:
        raise EditError("这一段没有待确认的新数据。")
    if not update.applicable:
        raise EditError("这一段的数字无法在您的文字中一一对应，请选择采用新数据或保留您的文字。")
    if len(update.text) > MAX_PARAGRAPH:
        raise EditError(f"段落不能超过{MAX_PARAGRAPH}个字，请选择采用新数据或保留您的文字。")
    # The new drafted text becomes her text's baseline, as when she keeps her words.
    paragraph.text, paragraph.drafted, paragraph.pending = update.text, paragraph.pending, ""
    changed = "、".join(f"{change.old}→{change.new}" for change in update.changes)
    note = f"已保留您的文字，更新了数字：{changed}。"
    if update.unplaced:
        note += "以下数字未能更新，请核对：" + "；".join(update.unplaced) + "。"
    return note


def _add_entry(document: Document, key: str) -> str:
    section = document.section("schedule")
    if section is None:
        raise EditError("这份报告没有具体工作安排。")
    last = section.schedule[-1].months[-1] if section.schedule and section.schedule[-1].months else 12
    month = min(last + 1, 12)
    section.schedule.append(
        ScheduleEntry(new_key("u"), f"{chinese_number(month)}月份", [month], [ScheduleItem(new_key("u"), "")])
    )
    return "已添加一个月份，请填写月份和工作内容。"


def _remove_entry(document: Document, key: str) -> str:
    section, entry = _entry(document, key)
    if entry is None:
        raise EditError("找不到要删除的月份。")
    section.schedule.remove(entry)
    return f"已删除“{entry.label}”。"


def _add_item(document: Document, key: str) -> str:
    _, entry = _entry(document, key)
    if entry is None:
        raise EditError("找不到要添加事项的月份。")
    entry.items.append(ScheduleItem(new_key("u"), ""))
    return "已添加一个事项，请填写内容。"


def _remove_item(document: Document, key: str) -> str:
    for entry_section in document.sections:
        for entry in entry_section.schedule:
            for item in entry.items:
                if item.key == key:
                    entry.items.remove(item)
                    return "已删除事项。"
    raise EditError("找不到要删除的事项。")


ACTIONS = {
    "add_section": _add_section,
    "add_subsection": _add_subsection,
    "remove_section": _remove_section,
    "up": lambda d, k: _move(d, k, -1),
    "down": lambda d, k: _move(d, k, 1),
    "add_paragraph": _add_paragraph,
    "remove_paragraph": _remove_paragraph,
    "accept": _accept,
    "dismiss": _dismiss,
    "update_figures": _update_figures,
    "add_entry": _add_entry,
    "remove_entry": _remove_entry,
    "add_item": _add_item,
    "remove_item": _remove_item,
}
