"""How figures are written in Chinese prose: 5900元, 1234.5元, 3月8日, 8月21日至24日."""
from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def yuan(amount) -> str:
    """An amount in 元, exact to the fen, without trailing zeros: 5900元, 1234.5元.

    Always in 元 (official documents may write large sums in 万元, but need not): the figure in the text
    is then exactly the figure in the records, and a sentence never mixes 万元 and 元."""
    amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    return f"{_plain(amount)}元"


def month_day(day: datetime.date) -> str:
    return f"{day.month}月{day.day}日"


def date_span(start: datetime.date, end: datetime.date | None) -> str:
    if end is None or end == start:
        return month_day(start)
    if (end.year, end.month) == (start.year, start.month):
        return f"{month_day(start)}至{end.day}日"
    return f"{month_day(start)}至{month_day(end)}"


def percent(part: int, whole: int) -> str:
    """A rate with one decimal, e.g. 91.3 (the caller writes the %)."""
    value = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return _plain(value) if value == value.to_integral() else str(value)


def long_date(day: datetime.date) -> str:
    """The signature date of an official document: 2025年1月6日 (Arabic numerals)."""
    return f"{day.year}年{day.month}月{day.day}日"
