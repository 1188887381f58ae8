"""Reading one cell: the raw value openpyxl gives, turned into a model value or a Chinese reason."""
from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from django.db import models

from .schema import Kind, kind_of

CENT = Decimal("0.01")

_DATE_FORMS = (
    re.compile(r"(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日"),
)
_WHITESPACE = re.compile(r"\s+")
_ASCII_PARENS = str.maketrans("()", "（）")


class CellError(ValueError):
    """A cell that cannot become a model value; the message says why, in Chinese."""

    @property
    def message(self) -> str:
        return str(self.args[0])


def is_blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def normalise_label(text: str) -> str:
    """Labels and headers as people type them: stray spaces, ASCII parentheses for full-width ones."""
    return _WHITESPACE.sub("", text).translate(_ASCII_PARENS)


def field_value(field: models.Field, raw: object) -> object:
    """The model value of a cell. A blank cell takes the field's default, or stays empty if allowed.

    A reference column (a member's name, a parent's code) gives its text; the importer resolves it.
    """
    if is_blank(raw):
        return _blank_value(field)
    return _PARSERS[kind_of(field)](field, raw)


def _blank_value(field: models.Field) -> object:
    if field.has_default():
        return field.get_default()
    if field.null:
        return None
    if field.blank:
        return ""
    raise CellError("此项必须填写。")


def cell_text(raw: object) -> str:
    """The cell as text: as the secretary typed it, for text fields and for quoting in messages."""
    if isinstance(raw, datetime.datetime):
        return raw.date().isoformat() if raw.time() == datetime.time() else raw.isoformat(sep=" ")
    if isinstance(raw, datetime.date):
        return raw.isoformat()
    # A phone number typed into a number cell comes back as 13800138000.0.
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return str(raw).strip()


def parse_text(field: models.Field, raw: object) -> str:
    text = cell_text(raw)
    if field.max_length and len(text) > field.max_length:
        raise CellError(f"不能超过 {field.max_length} 个字（现有 {len(text)} 个字）。")
    return text


def parse_date(field: models.Field, raw: object) -> datetime.date:
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    if isinstance(raw, str):
        text = _WHITESPACE.sub("", raw)
        for form in _DATE_FORMS:
            match = form.fullmatch(text)
            if match:
                try:
                    return datetime.date(int(match["y"]), int(match["m"]), int(match["d"]))
                except ValueError:
                    break
    raise CellError(f"日期格式无法识别：{cell_text(raw)}")


_TRAILING_REMARK = re.compile(r"（[^（）]*）$")


@functools.cache
def _labels(field: models.Field) -> dict[str, str]:
    """Normalised label -> stored value. A label written "A/B" is also known by either half, and one
    ending in a remark, "职工捐款（代收代转）", also without it: the name older templates used."""
    known = {}
    for value, label in field.flatchoices:
        for name in (label, *label.split("/")):
            name = normalise_label(name)
            known.setdefault(name, value)
            known.setdefault(_TRAILING_REMARK.sub("", name), value)
    return known


def parse_choice(field: models.Field, raw: object) -> str:
    value = _labels(field).get(normalise_label(cell_text(raw)))
    if value is None:
        options = "、".join(label for _, label in field.flatchoices)
        raise CellError(f"无法识别“{cell_text(raw)}”，可填写：{options}")
    return value


def parse_bool(field: models.Field, raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    answer = normalise_label(cell_text(raw))
    if answer in ("是", "否"):
        return answer == "是"
    raise CellError(f"应填写“是”或“否”，不能是“{cell_text(raw)}”。")


def _number(raw: object) -> Decimal | None:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float):
        # A value computed by a formula carries binary noise (0.1 + 0.2 = 0.30000000000000004).
        return Decimal(repr(round(raw, 6)))
    if isinstance(raw, (int, Decimal)):
        return Decimal(raw)
    if isinstance(raw, str):
        try:
            number = Decimal(_WHITESPACE.sub("", raw))
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def parse_amount(field: models.Field, raw: object) -> Decimal:
    number = _number(raw)
    if number is None:
        raise CellError(f"不是有效的金额：{cell_text(raw)}")
    try:
        rounded = number.quantize(CENT)
    except InvalidOperation:  # more digits than any amount has
        raise CellError(f"金额过大：{cell_text(raw)}") from None
    if rounded != number:
        raise CellError(f"金额最多保留两位小数：{cell_text(raw)}")
    return rounded


def parse_count(field: models.Field, raw: object) -> int:
    number = _number(raw)
    if number is None or number != number.to_integral_value():
        raise CellError(f"应填写整数：{cell_text(raw)}")
    return int(number)


_PARSERS: dict[Kind, Callable[[models.Field, object], object]] = {
    Kind.TEXT: parse_text,
    Kind.REFERENCE: parse_text,
    Kind.DATE: parse_date,
    Kind.CHOICE: parse_choice,
    Kind.BOOL: parse_bool,
    Kind.AMOUNT: parse_amount,
    Kind.COUNT: parse_count,
}
