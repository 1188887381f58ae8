"""A document laid out as the blocks of an official document, numbered, ready for any renderer.

The HTML preview, the DOCX and the PDF all render these blocks, so numbering (一、（一）1.) and
the order of parts are decided once. The Block type is the exporters' own (exporting/snapshot.py):
the exporters read blocks and nothing of the document model.
"""
from __future__ import annotations

import datetime

from ..exporting.snapshot import Block
from .content import Document
from ..numbers import long_date

CHINESE_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 12 -> 十二, 20 -> 二十 (enough for the sections of a report)."""
    if n < 10:
        return CHINESE_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[ones] if ones else "")


def layout(document: Document) -> list[Block]:
    blocks = [Block("title", document.title)]
    blocks += [Block("paragraph", p.text, p.key) for p in document.preamble if p.text]
    for i, section in enumerate(document.sections, start=1):
        blocks.append(Block("heading1", f"{chinese_number(i)}、{section.heading}", section.key))
        blocks += _paragraphs(section)
        for j, sub in enumerate(section.subsections, start=1):
            blocks.append(Block("heading2", f"（{chinese_number(j)}）{sub.heading}", sub.key))
            blocks += _paragraphs(sub)
        if section.schedule:
            rows = [(entry.label, [item.text for item in entry.items if item.text]) for entry in section.schedule]
            blocks.append(Block("schedule", key=section.key, rows=rows))
    blocks += [Block("paragraph", p.text, p.key) for p in document.closing if p.text]
    blocks += signature_blocks(document.signature, format_date(document.date))
    if document.annex:
        annex = document.annex
        blocks.append(Block("annex", annex["title"], rows=[list(r) for r in annex["rows"]], headers=list(annex["headers"])))
    return blocks


def text_width(text: str) -> float:
    """Width in body characters: CJK and full-width marks count one, digits and Latin half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1 for ch in text)


def signature_blocks(name: str, date_text: str) -> list[Block]:
    """The union's name above the date: the date four characters from the right margin, the
    name centred over the date (GB/T 9704)."""
    date_right = 4.0
    name_right = max(0.0, date_right + (text_width(date_text) - text_width(name)) / 2)
    return [Block("signature", name, right_indent=name_right), Block("date", date_text, right_indent=date_right)]


def _paragraphs(section) -> list[Block]:
    texts = [p for p in section.paragraphs if p.text]
    if section.numbered:
        return [Block("item", f"{n}.{p.text}", p.key) for n, p in enumerate(texts, start=1)]
    return [Block("paragraph", p.text, p.key) for p in texts]


def format_date(iso: str) -> str:
    try:
        return long_date(datetime.date.fromisoformat(iso))
    except (TypeError, ValueError):
        return ""
