"""Dates as the federation pages show them: with the year only when it is not this one, or always."""
from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

from .. import numbers

register = template.Library()


@register.filter
def day_in_context(value) -> str:
    """3月8日 for a day of this year, 2025年3月8日 for another year's; "" for nothing. A moment
    (datetime) is read in the site's time zone first."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    day = numbers.month_day(value)
    return day if value.year == timezone.localdate().year else f"{value.year}年{day}"


@register.filter
def day_with_year(value) -> str:
    """2026年3月8日 whatever the year: in a column of dates (the board's), each reads on its own
    beside a deadline that may fall in the next year. "" for nothing; a moment is read in the
    site's time zone."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date()
    return f"{value.year}年{numbers.month_day(value)}"
