"""Helpers for the drafting tests: reading a report's document, saving an edit as the editor does,
and writing figures the way a union document states them.

The figure writers here are deliberately independent of reports.numbers: the tests
recompute every figure from their own inputs and format it with these, so a mistake in the
application's arithmetic or formatting cannot hide behind the same mistake in the test.
"""
from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from reports.documents import services
from reports.documents.content import Document
from reports.documents.layout import layout


# -- reading and saving documents -------------------------------------------------------------


def document_of(report) -> Document:
    """The report's current content, as every page reads it."""
    return Document.from_dict(report.current_revision().content)


def save_edit(report, change) -> Document:
    """Load the current revision, let `change(document)` edit it, save it as the editor does."""
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    change(document)
    services.save_document(revision=revision, document=document, expected_version=revision.version, user=None)
    return document_of(report)


def edit_post(report, **changes) -> dict:
    """The editor's form as the page posts it for the current revision, with `changes` applied."""
    revision = report.current_revision()
    document = Document.from_dict(revision.content)
    data = {
        "revision": revision.number, "version": revision.version,
        "title": document.title, "signature": document.signature, "date": document.date,
    }
    for paragraph in document.all_paragraphs():
        data[f"p:{paragraph.key}"] = paragraph.text
    for section in document.all_sections():
        data[f"h:{section.key}"] = section.heading
    data.update(changes)
    return data


def keys_of(paragraphs) -> list[str]:
    return [p.key for p in paragraphs]


def section_keys(document: Document) -> list[str]:
    return [s.key for s in document.sections]


def rendered_texts(document: Document) -> list[str]:
    """Every piece of text the official layout shows: title, headings, paragraphs, items,
    schedule labels and items, signature and date."""
    texts = []
    for block in layout(document):
        if block.text:
            texts.append(block.text)
        for label, items in block.rows:
            texts.append(label)
            texts.extend(items)
    return texts


def text_snapshot(document: Document) -> list[tuple[str, str]]:
    """What a reader sees, keyed: the title, each heading and each paragraph (not the date)."""
    rows = [("title", document.title), ("signature", document.signature)]
    for section in document.all_sections():
        rows.append((f"h:{section.key}", section.heading))
    for paragraph in document.all_paragraphs():
        rows.append((f"p:{paragraph.key}", paragraph.text))
    return rows


# -- figures as a union document writes them ----------------------------------------------------


def _decimal_text(units: int, scale: int) -> str:
    """units / scale written without trailing zeros: (123450, 100) -> 1234.5."""
    whole, fraction = divmod(units, scale)
    digits = str(fraction).rjust(len(str(scale)) - 1, "0").rstrip("0")
    return f"{whole}.{digits}" if digits else str(whole)


def written_yuan(amount) -> str:
    """An amount as the document writes it: in 元, to the fen, without trailing zeros."""
    cents = int((Decimal(str(amount)) * 100).to_integral_value(ROUND_HALF_UP))
    return _decimal_text(cents, 100) + "元"


def written_rate(part: int, whole: int) -> str:
    """part / whole as a percentage rounded half up to one decimal (86.7), without the % sign."""
    tenths = (part * 1000 * 2 + whole) // (2 * whole)
    return _decimal_text(tenths, 10)


def states(text: str, figure, unit: str = "") -> bool:
    """Whether `text` states `figure` followed by `unit`, not as the tail of a longer number
    (so 3次 is not found in 13次)."""
    return re.search(rf"(?<![\d.]){re.escape(str(figure))}{re.escape(unit)}", text) is not None


def states_amount(text: str, amount) -> bool:
    return states(text, written_yuan(amount))


def first_sentence(text: str) -> str:
    return text.split("。", 1)[0] + "。"


def is_chinese(message: str) -> bool:
    """A user-facing message: Chinese characters and no words in Latin letters."""
    return bool(re.search(r"[\u4e00-\u9fff]", message)) and not re.search(r"[A-Za-z]{2,}", message)


def apply_fields_ok(document: Document, data: dict) -> None:
    """Apply the editor's fields, which must be accepted."""
    from reports.documents.editing import apply_fields

    errors = apply_fields(document, data)
    assert errors == [], errors
