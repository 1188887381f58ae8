"""How figures are written in Chinese prose: 5900元, 9.29万元, 3月8日, 8月21日至24日."""
from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
TEN_THOUSAND = Decimal("10000")
# Below this, amounts stay in 元 so one sentence never mixes 万元 and 元 for like amounts.
WAN_FROM = Decimal("100000")


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def yuan(amount) -> str:
    """An amount in 元; from 100,000 up in 万元, but only when that is exact to two decimals,
    so the figure in the text is always the figure in the records."""
    amount = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    if amount >= WAN_FROM:
        wan = amount / TEN_THOUSAND
        if wan == wan.quantize(CENT):
            return f"{_plain(wan)}万元"
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
