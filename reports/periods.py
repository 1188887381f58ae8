"""Reporting periods: a calendar year or its first half (上半年)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

# The oldest year anyone may report on or filter by.
FIRST_YEAR = 2000
# How many years the year pickers of the home and federation pages offer.
RECENT_YEARS = 10


def selectable_years(*, recent: int | None = None, next_year: bool = False) -> range:
    """The years a user may choose, newest first: this year (and next year when `next_year`, as a
    plan is drafted ahead) back to FIRST_YEAR, or only the `recent` newest of them."""
    this_year = timezone.localdate().year
    latest = this_year + 1 if next_year else this_year
    oldest = FIRST_YEAR if recent is None else max(FIRST_YEAR, latest - recent + 1)
    return range(latest, oldest - 1, -1)


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
