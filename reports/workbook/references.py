"""An activity named in a cell (荣誉's 获奖活动): "title（start date）", or the title alone when unique.

The start date is what tells apart activities of the same title (a yearly 迎新春联欢会); with the
title it is the activity's natural key, the one the 活动 sheet is imported by.
"""
from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable

from .cells import CellError, parse_date

ActivityKey = tuple[str, datetime.date]  # title, start date

_TRAILING_DATE = re.compile(r"^(?P<title>.+?)\s*[（(]\s*(?P<date>[^（()）]+?)\s*[）)]$")


def activity_reference(title: str, start_date: datetime.date) -> str:
    """The cell text the export writes: always with the date, so it reads back unambiguously."""
    return f"{title}（{start_date:%Y-%m-%d}）"


def split_reference(text: str) -> tuple[str, datetime.date | None]:
    """The title and, when the text ends in a parenthesised date, that date."""
    match = _TRAILING_DATE.match(text)
    if match:
        try:
            return match["title"], parse_date(None, match["date"])
        except CellError:
            pass  # parentheses that are part of the title, such as “（第二期）”
    return text, None


class ActivityIndex:
    """The activities a cell may name: the branch's own and those this workbook adds."""

    def __init__(self, keys: Iterable[ActivityKey]):
        self.dates: dict[str, set[datetime.date]] = defaultdict(set)
        for title, start_date in keys:
            self.dates[title].add(start_date)

    def resolve(self, text: str) -> ActivityKey:
        """The activity the text names; CellError, in Chinese, when it names none or several."""
        title, start_date = split_reference(text)
        if start_date is not None and start_date in self.dates.get(title, ()):
            return title, start_date
        if start_date is None or text in self.dates:
            return self._by_title(text)
        if title in self.dates:
            raise CellError(f"没有 {start_date:%Y-%m-%d} 开始的“{title}”活动，请核对开始日期。")
        raise CellError(self._unknown(title))

    def _by_title(self, title: str) -> ActivityKey:
        dates = sorted(self.dates.get(title, ()))
        if not dates:
            raise CellError(self._unknown(title))
        if len(dates) > 1:
            example = activity_reference(title, dates[-1])
            raise CellError(f"有 {len(dates)} 个活动叫“{title}”，请在名称后加上开始日期，例如：{example}")
        return title, dates[0]

    @staticmethod
    def _unknown(title: str) -> str:
        return f"本工会没有名为“{title}”的活动（系统中和本工作簿的“活动”表中都没有）。"
