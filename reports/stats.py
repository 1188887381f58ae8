"""The figures of a union's records for a period, by name, as pages and drafted documents read them.

Each figure is declared in reports/figures.py and computed there with one grouped query, whatever
the number of records, so pages and drafted documents that use them cost a fixed number of queries.

Welfare money is counted as the union's only when the union paid it (FundSource.paid_by_union):
staff donations it collected and relief it applied for are figures of their own
(obtained_by_source), never added to its payments.
"""
from __future__ import annotations

from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth

from . import figures
from .figures import (  # noqa: F401  (the rows and totals pages and drafters read)
    CategoryRow,
    LevelRow,
    MeetingRow,
    MemberFigures,
    ReasonRow,
    SourceRow,
    Totals,
    paid_by_union,
)
from .models import Activity, WelfarePayment
from .periods import Period

ZERO = Decimal("0.00")


def member_figures(records_of, period: Period) -> MemberFigures:
    """Members of the branch (or branches) selected by `records_of`, a Q over Member.branch."""
    return figures.of_scope(figures.MEMBERS, records_of, period)


def activities_by_category(records_of, period: Period) -> Totals:
    return figures.of_scope(figures.ACTIVITIES, records_of, period)


def welfare_by_reason(records_of, period: Period) -> Totals:
    """The union's own welfare payments, by reason."""
    return figures.of_scope(figures.WELFARE, records_of, period)


def obtained_by_source(records_of, period: Period) -> Totals:
    """Money the union collected (staff donations) or obtained (relief applied for) for members,
    by source: told beside the union's payments, never added to them."""
    return figures.of_scope(figures.OBTAINED, records_of, period)


def honors_by_level(records_of, period: Period) -> Totals:
    return figures.of_scope(figures.HONORS, records_of, period)


def meetings_by_kind(records_of, period: Period) -> Totals:
    return figures.of_scope(figures.MEETINGS, records_of, period)


def monthly_series(records_of, year: int) -> dict[str, list]:
    """Activities and the union's welfare spending (cash + goods, 元) per month, for the chart."""
    period = Period.year(year)
    activity_months = dict(
        Activity.objects.filter(records_of)
        .in_period(period.start, period.end)
        .annotate(month=ExtractMonth("start_date"))
        .values("month")
        .annotate(n=Count("id"))
        .values_list("month", "n")
    )
    spending_months = dict(
        WelfarePayment.objects.filter(records_of)
        .filter(paid_by_union())
        .in_period(period.start, period.end)
        .annotate(month=ExtractMonth("date"))
        .values("month")
        .annotate(total=Coalesce(Sum("cash"), ZERO) + Coalesce(Sum("goods_value"), ZERO))
        .values_list("month", "total")
    )
    months = range(1, 13)
    return {
        "labels": [f"{m}月" for m in months],
        "activities": [activity_months.get(m, 0) for m in months],
        "spending": [float(spending_months.get(m, ZERO)) for m in months],
    }


def of_branch(branch) -> Q:
    """Records of exactly this branch (a Q over the record's branch)."""
    return Q(branch=branch)
