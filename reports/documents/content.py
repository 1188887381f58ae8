"""A document as plain data: what the editor changes, the preview shows and the exporters render.

The content is stored as JSON on a revision. Numbering (一、（一）1、) is not stored: renderers
number sections by position, so reordering never leaves stale numbers in the text.
"""
from __future__ import annotations

import secrets
import unicodedata
from dataclasses import asdict, dataclass, field


def new_key(prefix: str = "u") -> str:
    """A key for something the secretary added (drafted parts carry meaningful keys)."""
    return f"{prefix}-{secrets.token_hex(4)}"


def comparable_wording(text: str) -> str:
    """The wording of a text with what a reader cannot tell apart taken out: compatibility forms
    (全角，→ ,) folded by NFKC, then invisible format characters (zero-width spaces, joiners,
    soft hyphens, BOMs), whitespace of every kind and punctuation dropped."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in folded if not ch.isspace() and unicodedata.category(ch)[0] not in "CPZ")


@dataclass
class Source:
    """The records behind a drafted figure: a ledger filtered as in its filter bar."""

    label: str
    ledger: str
    params: dict


@dataclass
class Paragraph:
    key: str
    text: str
    # What the drafter last wrote for this key; "" for a paragraph the secretary added.
    drafted: str = ""
    # Newer drafted text after 刷新数据, waiting for the secretary's decision on an edited paragraph.
    pending: str = ""
    # Drafted boilerplate the secretary must rewrite before the document can be submitted.
    placeholder: bool = False
    # The drafter no longer produces this key (its records are gone) but the secretary edited it.
    orphaned: bool = False
    sources: list[Source] = field(default_factory=list)

    @property
    def is_drafted(self) -> bool:
        return bool(self.drafted)

    @property
    def edited(self) -> bool:
        return self.is_drafted and self.text != self.drafted

    @property
    def needs_filling(self) -> bool:
        # Boilerplate counts as rewritten only when its wording changed, not its spacing,
        # punctuation or invisible characters.
        return self.placeholder and comparable_wording(self.text) == comparable_wording(self.drafted)


@dataclass
class ScheduleItem:
    key: str
    text: str
    category: str = ""


@dataclass
class ScheduleEntry:
    """A month or a group of months (七、八月份) of a plan's 具体工作安排."""

    key: str
    label: str
    months: list[int]
    items: list[ScheduleItem] = field(default_factory=list)


@dataclass
class Section:
    key: str
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    subsections: list["Section"] = field(default_factory=list)
    # Paragraphs are numbered items (1、2、…), as in a plan's themes.
    numbered: bool = False
    schedule: list[ScheduleEntry] = field(default_factory=list)

    @property
    def is_schedule(self) -> bool:
        return self.key == "schedule"


@dataclass
class Document:
    kind: str  # "plan" or "summary"
    title: str
    preamble: list[Paragraph]
    sections: list[Section]
    closing: list[Paragraph]
    signature: str
    date: str  # ISO date, written 2025年1月6日 by the renderers
    # Keys of drafted paragraphs and sections the secretary removed: 刷新数据 never brings them back.
    dismissed: list[str] = field(default_factory=list)
    # A table after the signature (a federation summary's reporting states):
    # {"title": str, "headers": [str, ...], "rows": [[str, ...], ...]}; drafted, never edited.
    annex: dict | None = None

    # -- walking ---------------------------------------------------------------------------

    def all_sections(self):
        for section in self.sections:
            yield section
            yield from section.subsections

    def all_paragraphs(self):
        yield from self.preamble
        for section in self.all_sections():
            yield from section.paragraphs
        yield from self.closing

    def paragraph(self, key: str) -> Paragraph | None:
        return next((p for p in self.all_paragraphs() if p.key == key), None)

    def section(self, key: str) -> Section | None:
        return next((s for s in self.all_sections() if s.key == key), None)

    def schedule_items(self):
        for section in self.sections:
            for entry in section.schedule:
                for item in entry.items:
                    yield entry, item

    def placeholders(self) -> list[str]:
        """Where drafted boilerplate is still unedited, each place with its number of paragraphs
        (always, so that the list adds up to `placeholder_count`): “存在的问题”1段, 开头1段."""
        return [f"{where.removesuffix('段落')}{n}段" for where, n in self._placeholder_counts().items()]

    def placeholder_count(self) -> int:
        """How many paragraphs still hold drafted boilerplate."""
        return sum(self._placeholder_counts().values())

    def _placeholder_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for where, paragraph in self.located_paragraphs():
            if paragraph.needs_filling:
                counts[where] = counts.get(where, 0) + 1
        return counts

    def located_paragraphs(self):
        """(a human name of the place, paragraph) for every paragraph, in order."""
        for paragraph in self.preamble:
            yield "开头段落", paragraph
        for section in self.sections:
            for paragraph in section.paragraphs:
                yield f"“{section.heading}”", paragraph
            for sub in section.subsections:
                for paragraph in sub.paragraphs:
                    yield f"“{section.heading}—{sub.heading}”", paragraph
        for paragraph in self.closing:
            yield "结尾段落", paragraph

    # -- (de)serialising -------------------------------------------------------------------

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Document":
        return cls(
            kind=data["kind"],
            title=data["title"],
            preamble=[_paragraph(p) for p in data.get("preamble", [])],
            sections=[_section(s) for s in data.get("sections", [])],
            closing=[_paragraph(p) for p in data.get("closing", [])],
            signature=data.get("signature", ""),
            date=data.get("date", ""),
            dismissed=list(data.get("dismissed", [])),
            annex=data.get("annex"),
        )


def _paragraph(data: dict) -> Paragraph:
    sources = [Source(**s) for s in data.get("sources", [])]
    return Paragraph(**{**data, "sources": sources})


def _section(data: dict) -> Section:
    return Section(
        key=data["key"],
        heading=data["heading"],
        paragraphs=[_paragraph(p) for p in data.get("paragraphs", [])],
        subsections=[_section(s) for s in data.get("subsections", [])],
        numbered=data.get("numbered", False),
        schedule=[
            ScheduleEntry(
                key=e["key"], label=e["label"], months=list(e["months"]),
                items=[ScheduleItem(**i) for i in e.get("items", [])],
            )
            for e in data.get("schedule", [])
        ],
    )
