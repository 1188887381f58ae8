"""Reporting periods: a calendar year or its first half (上半年)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    label: str

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 31), f"{year}年")

    @classmethod
    def first_half(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 6, 30), f"{year}年上半年")
