"""The date a drafted document is signed on (落款).

A document is dated the day it is drafted, unless that day is past its deadline: a 2025 summary
drafted in December 2026 carries the day it was due (2026年1月31日 by default), as a document
written late is still the document of its year. The nearest federation above the union sets the
deadlines of the year (ReportingDeadlines.for_year: that year's, else the nearest earlier year's);
without any, the defaults of ReportingDeadlines apply.
"""
from __future__ import annotations

import datetime

from django.db.models import Subquery

from ..choices import BranchKind, ReportKind
from ..models import Branch, ReportingDeadlines


def due_date(branch: Branch, kind: str, year: int) -> datetime.date:
    """When the branch's plan or summary for `year` is due (one query)."""
    codes = [c for c in branch.path.split("/") if c][:-1]
    nearest_federation = (
        Branch.objects.filter(code__in=codes, kind=BranchKind.FEDERATION).order_by("-depth").values("pk")[:1]
    )
    deadlines = (
        ReportingDeadlines.objects.filter(branch=Subquery(nearest_federation), year__lte=year).order_by("-year").first()
        or ReportingDeadlines()
    )
    try:
        return deadlines.plan_due(year) if kind == ReportKind.PLAN else deadlines.summary_due(year)
    except ValueError:  # 2月29日 set by hand in a year without it: the defaults of that kind
        defaults = ReportingDeadlines()
        return defaults.plan_due(year) if kind == ReportKind.PLAN else defaults.summary_due(year)


def signature_date(branch: Branch, kind: str, year: int, today: datetime.date) -> datetime.date:
    """Today, or the deadline when today is past it. The deadline is only looked up when it may
    have passed (plans are due within their year, summaries in the next)."""
    earliest_due_year = year if kind == ReportKind.PLAN else year + 1
    if today.year < earliest_due_year:
        return today
    deadline = due_date(branch, kind, year)
    return deadline if today > deadline else today
