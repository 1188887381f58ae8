"""The figures of a union's records for a period, computed by database aggregation.

Each function issues one grouped query, whatever the number of records, so pages and drafted
documents that use them cost a fixed number of queries. Counting rules: 人次 adds up
participations without de-duplication; money is kept in 元 with two decimals.

Welfare money is counted as the union's only when the union paid it (FundSource.paid_by_union):
staff donations it collected and relief it applied for are figures of their own
(obtained_by_source), never added to its payments.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce, ExtractMonth

from .choices import ActivityCategory, FundSource, Gender, HonorLevel, MeetingKind, MemberStatus, WelfareReason
from .models import Activity, Honor, Meeting, Member, WelfarePayment
from .periods import Period

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class MemberFigures:
    in_register: int
    female: int
    retired: int
    hardship: int
    joined_in_period: int


@dataclass(frozen=True)
class CategoryRow:
    category: str
    label: str
    count: int
    participants: int


@dataclass(frozen=True)
class ReasonRow:
    reason: str
    label: str
    count: int
    headcount: int
    cash: Decimal
    goods: Decimal

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods


@dataclass(frozen=True)
class SourceRow:
    """Money collected or obtained for members, by whose money it was."""

    source: str
    label: str
    count: int
    headcount: int
    cash: Decimal
    goods: Decimal

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods


@dataclass(frozen=True)
class LevelRow:
    level: str
    label: str
    count: int


@dataclass(frozen=True)
class MeetingRow:
    kind: str
    label: str
    count: int
    proposals_received: int
    proposals_accepted: int


@dataclass
class Totals:
    rows: list
    count: int = 0
    extra: dict = field(default_factory=dict)


def member_figures(records_of, period: Period) -> MemberFigures:
    """Members of the branch (or branches) selected by `records_of`, a Q over Member.branch."""
    active = Q(status=MemberStatus.ACTIVE)
    figures = Member.objects.filter(records_of).aggregate(
        in_register=Count("id", filter=active),
        female=Count("id", filter=active & Q(gender=Gender.FEMALE)),
        retired=Count("id", filter=Q(status=MemberStatus.RETIRED)),
        hardship=Count("id", filter=active & Q(is_hardship=True)),
        joined_in_period=Count("id", filter=Q(joined_on__gte=period.start, joined_on__lte=period.end)),
    )
    return MemberFigures(**figures)


def activities_by_category(records_of, period: Period) -> Totals:
    grouped = (
        Activity.objects.filter(records_of)
        .in_period(period.start, period.end)
        .values("category")
        .annotate(count=Count("id"), participants=Coalesce(Sum("participants"), 0))
    )
    by_key = {row["category"]: row for row in grouped}
    rows = [
        CategoryRow(value, label, by_key[value]["count"], by_key[value]["participants"])
        for value, label in ActivityCategory.choices
        if value in by_key
    ]
    return Totals(
        rows,
        count=sum(r.count for r in rows),
        extra={"participants": sum(r.participants for r in rows)},
    )


def paid_by_union() -> Q:
    """Payments of the union's own money (its funds, the administration's, an upper union's)."""
    return Q(fund_source__in=FundSource.paid_by_union())


def _money_totals(rows) -> dict:
    cash = sum((r.cash for r in rows), ZERO)
    goods = sum((r.goods for r in rows), ZERO)
    return {"headcount": sum(r.headcount for r in rows), "cash": cash, "goods": goods, "amount": cash + goods}


def welfare_by_reason(records_of, period: Period) -> Totals:
    """The union's own welfare payments, by reason."""
    payments = WelfarePayment.objects.filter(records_of).filter(paid_by_union())
    return _payments_grouped(payments, period, "reason", WelfareReason.choices, ReasonRow)


def obtained_by_source(records_of, period: Period) -> Totals:
    """Money the union collected (staff donations) or obtained (relief applied for) for members,
    by source: told beside the union's payments, never added to them."""
    payments = WelfarePayment.objects.filter(records_of).exclude(paid_by_union())
    return _payments_grouped(payments, period, "fund_source", FundSource.choices, SourceRow)


def _payments_grouped(payments, period: Period, key: str, choices, row_class) -> Totals:
    """Payments of the period grouped by `key`: a row per choice that has any, in choice order."""
    grouped = (
        payments.in_period(period.start, period.end)
        .values(key)
        .annotate(
            count=Count("id"),
            headcount=Coalesce(Sum("headcount"), 0),
            cash=Coalesce(Sum("cash"), ZERO),
            goods=Coalesce(Sum("goods_value"), ZERO),
        )
    )
    by_key = {row[key]: row for row in grouped}
    rows = [
        row_class(value, label, *(by_key[value][k] for k in ("count", "headcount", "cash", "goods")))
        for value, label in choices
        if value in by_key
    ]
    return Totals(rows, count=sum(r.count for r in rows), extra=_money_totals(rows))


def honors_by_level(records_of, period: Period) -> Totals:
    grouped = (
        Honor.objects.filter(records_of)
        .in_period(period.start, period.end)
        .values("level")
        .annotate(count=Count("id"))
    )
    by_key = {row["level"]: row["count"] for row in grouped}
    rows = [LevelRow(value, label, by_key[value]) for value, label in HonorLevel.choices if value in by_key]
    return Totals(rows, count=sum(r.count for r in rows))


def meetings_by_kind(records_of, period: Period) -> Totals:
    grouped = (
        Meeting.objects.filter(records_of)
        .in_period(period.start, period.end)
        .values("kind")
        .annotate(
            count=Count("id"),
            received=Coalesce(Sum("proposals_received"), 0),
            accepted=Coalesce(Sum("proposals_accepted"), 0),
        )
    )
    by_key = {row["kind"]: row for row in grouped}
    rows = [
        MeetingRow(value, label, by_key[value]["count"], by_key[value]["received"], by_key[value]["accepted"])
        for value, label in MeetingKind.choices
        if value in by_key
    ]
    return Totals(
        rows,
        count=sum(r.count for r in rows),
        extra={
            "proposals_received": sum(r.proposals_received for r in rows),
            "proposals_accepted": sum(r.proposals_accepted for r in rows),
        },
    )


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
