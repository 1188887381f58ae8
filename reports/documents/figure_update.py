"""保留我的文字，只更新数字: the secretary's wording of a drafted paragraph, with the figures the
records changed brought up to date.

What changed is read from the paragraph's two drafted texts, the one her text was based on
(`drafted`) and the newly drafted one (`pending`): they come from the same template, so their
figures line up in order, and a figure whose value differs between them is a figure the records
changed. Each such figure is then looked for in her text as the old draft wrote it (12人次, 3600元,
91.3%, 第三届) or as she may have rewritten an amount (3.6万元); it is replaced only where exactly one
figure of her text can be the old one. A changed figure that cannot be placed is left as it is and
named (`unplaced`), so that she decides it herself: take the new text, keep hers, or correct it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from difflib import SequenceMatcher

# Units a drafted figure is written with, longest first so that 人次 is not read as 人.
UNITS = (
    "万元", "元", "人次", "%", "％", "名", "人", "次", "项", "件", "个", "场", "期", "户", "家", "所", "篇",
    "天", "年", "月", "日",
)
ARABIC = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(" + "|".join(map(re.escape, UNITS)) + ")?")
CHINESE_DIGITS = "零一二三四五六七八九"
CHINESE_NUMERAL = "[零一二三四五六七八九十百]+"
# Chinese numerals count only where a document writes an ordinal that way: 第三届, 第五次,
# and a congress's session 三届四次; elsewhere 一 is a word (一次活动, 一线职工).
CHINESE = re.compile(
    rf"(?:(?<=第)|(?<=届)){CHINESE_NUMERAL}(?=[届次期名])|{CHINESE_NUMERAL}(?=届{CHINESE_NUMERAL}次)"
)
# Where a clause ends: a figure is trusted only when the words of its clause read the same in both
# drafts (较上年增加2次 becoming 较上年减少3次 must not turn her 增加2次 into 增加3次).
CLAUSE_END = set("，。；：！？,;:!?\n")
YUAN_PER_WAN = Decimal(10000)


@dataclass(frozen=True)
class Figure:
    """A figure as written in a text: where, its value and unit, and how it is written."""

    start: int
    end: int
    written: str
    value: Decimal
    unit: str
    chinese: bool = False

    @property
    def amount_in_yuan(self) -> Decimal | None:
        if self.unit == "元":
            return self.value
        if self.unit == "万元":
            return self.value * YUAN_PER_WAN
        return None

    def same_as(self, other: "Figure") -> bool:
        return (self.value, self.unit, self.chinese) == (other.value, other.unit, other.chinese)


@dataclass(frozen=True)
class Change:
    """One figure of her text replaced: as she had it, and as it now reads."""

    old: str
    new: str


@dataclass
class FigureUpdate:
    """Her text with the figures updated, and each changed figure it could not place, with why."""

    text: str = ""
    changes: list[Change] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    # Her text cut into pieces for showing the update: (unchanged text, "", "") or ("", old, new).
    segments: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def applicable(self) -> bool:
        return bool(self.changes)


# -- reading figures -----------------------------------------------------------------------------


def chinese_value(numeral: str) -> int | None:
    """三 -> 3, 十二 -> 12, 二十 -> 20, 一百零五 -> 105; None for what is not a plain numeral."""
    total, current = 0, 0
    for ch in numeral:
        if ch in CHINESE_DIGITS:
            current = CHINESE_DIGITS.index(ch)
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current or None


def figures_in(text: str) -> list[Figure]:
    """Every figure of a text, in order: Arabic numbers with their unit, ordinal Chinese numerals."""
    found = []
    for match in ARABIC.finditer(text):
        try:
            value = Decimal(match.group(1))
        except InvalidOperation:
            continue
        found.append(Figure(match.start(), match.end(), match.group(0), value, match.group(2) or ""))
    for match in CHINESE.finditer(text):
        value = chinese_value(match.group(0))
        if value is not None:
            unit = text[match.end()]
            found.append(Figure(match.start(), match.end(), match.group(0), Decimal(value), unit, chinese=True))
    return sorted(found, key=lambda f: f.start)


# -- what the records changed -------------------------------------------------------------------


def _tokens(text: str, figures: list[Figure]) -> list:
    """The text as a sequence to align: each character, each figure one token standing for its
    unit only, so that a figure whose value changed still lines up with itself."""
    tokens, position = [], 0
    for figure in figures:
        tokens += list(text[position:figure.start])
        tokens.append(("figure", figure.unit, figure.chinese))
        position = figure.end
    return tokens + list(text[position:])


def _clauses(tokens: list) -> list[int]:
    """For each token, the number of the clause it belongs to."""
    numbers, clause = [], 0
    for token in tokens:
        numbers.append(clause)
        if isinstance(token, str) and token in CLAUSE_END:
            clause += 1
    return numbers


def changed_figures(old: str, new: str) -> tuple[list[tuple[Figure, Figure]], list[Figure]]:
    """The figures whose value differs between two drafts of a paragraph, as (old, new) pairs in
    order; and the old figures whose new value cannot be told (their clause was reworded or left out)."""
    old_figures, new_figures = figures_in(old), figures_in(new)
    old_tokens, new_tokens = _tokens(old, old_figures), _tokens(new, new_figures)
    old_figure_at = {i: f for i, f in zip((i for i, t in enumerate(old_tokens) if isinstance(t, tuple)), old_figures)}
    new_figure_at = {i: f for i, f in zip((i for i, t in enumerate(new_tokens) if isinstance(t, tuple)), new_figures)}
    clause_of = _clauses(old_tokens)
    matcher = SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    counterpart: dict[int, int] = {}
    reworded_clauses: set[int] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            counterpart.update(zip(range(i1, i2), range(j1, j2)))
        else:
            # Text put in between two tokens may belong to the clause of either.
            touched = range(max(i1 - 1, 0), max(i2, i1 + 1)) if tag == "insert" else range(i1, i2)
            reworded_clauses.update(clause_of[i] for i in touched if i < len(clause_of))
    pairs, untold = [], []
    for i, figure in old_figure_at.items():
        j = counterpart.get(i)
        if j is None or clause_of[i] in reworded_clauses:
            untold.append(figure)
        elif not figure.same_as(new_figure_at[j]):
            pairs.append((figure, new_figure_at[j]))
    return pairs, untold


# -- her text ------------------------------------------------------------------------------------


def _wan_decimals(figure: Figure) -> int:
    return -figure.value.as_tuple().exponent if figure.value.as_tuple().exponent < 0 else 0


def _in_wan(amount: Decimal, decimals: int) -> Decimal:
    return (amount / YUAN_PER_WAN).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def written_as(mine: Figure, old: Figure, new: Figure) -> str | None:
    """How `new` reads where her text wrote `old` as `mine`; None when `mine` is not `old`."""
    if mine.same_as(old):
        return new.written
    old_yuan, new_yuan = old.amount_in_yuan, new.amount_in_yuan
    if mine.unit == "万元" and old.unit == "元" and old_yuan is not None and new_yuan is not None:
        # She wrote 3.6万元 for 35980元: the same amount at the precision she chose keeps it.
        decimals = _wan_decimals(mine)
        if _in_wan(old_yuan, decimals) == mine.value:
            return f"{_plain(_in_wan(new_yuan, decimals))}万元"
    return None


def update_figures(text: str, old_draft: str, new_draft: str) -> FigureUpdate:
    """Her `text` with each figure the records changed (old_draft -> new_draft) replaced."""
    pairs, untold = changed_figures(old_draft, new_draft)
    mine = figures_in(text)
    old_figures = figures_in(old_draft)
    unplaced, placed = [], []
    for figure in untold:
        if any(written_as(m, figure, figure) for m in mine):
            unplaced.append(f"“{figure.written}”所在的句子在新的表述中改了说法，无法确定新的数字")
    for old, new in pairs:
        if sum(1 for f in old_figures if f.same_as(old)) > 1:
            unplaced.append(f"“{old.written}”在原来的表述中出现了不止一次，无法确定要改哪一处")
            continue
        places = [(m, written) for m in mine if (written := written_as(m, old, new))]
        if not places:
            unplaced.append(f"您的文字中找不到“{old.written}”（新的数字是“{new.written}”）")
        elif len(places) > 1:
            unplaced.append(f"“{old.written}”在您的文字中出现了不止一次，无法确定要改哪一处")
        else:
            placed.append(places[0])
    return _replaced(text, placed, unplaced)


def _replaced(text: str, placed: list[tuple[Figure, str]], unplaced: list[str]) -> FigureUpdate:
    pieces, segments, changes, position = [], [], [], 0
    for figure, written in sorted(placed, key=lambda p: p[0].start):
        before = text[position:figure.start]
        pieces += [before, written]
        segments += [(before, "", ""), ("", figure.written, written)]
        changes.append(Change(figure.written, written))
        position = figure.end
    pieces.append(text[position:])
    segments.append((text[position:], "", ""))
    return FigureUpdate(text="".join(pieces), changes=changes, unplaced=unplaced, segments=[s for s in segments if any(s)])


def paragraph_update(paragraph) -> FigureUpdate | None:
    """The figure update a paragraph waiting for her decision can take; None when it waits for none."""
    if not paragraph.pending or not paragraph.drafted:
        return None
    return update_figures(paragraph.text, paragraph.drafted, paragraph.pending)
