"""The figures of a federation's subtree for a year, for the totals page and its own summary.

Every figure is one grouped query over the subtree's records (stats.py does the grouping); the
drill-down groups the same queries by the child unit each record lies under.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from .. import stats
from ..choices import ActivityCategory, BranchKind, FundSource, HonorLevel, MeetingKind, WelfareReason
from ..models import Activity, AreaFigure, Branch, Honor, Meeting, Member, WelfarePayment
from ..numbers import percent
from ..periods import Period
from .scope import approved_branch_ids, child_prefix, records_scope, unions_in

ZERO = Decimal("0.00")


@dataclass
class UnionCounts:
    total: int
    founded_in_year: int
    with_approved_summary: int
    counted: int  # unions whose records the figures include
    workforce: int  # of the counted unions


@dataclass
class AreaTotals:
    federation: Branch
    year: int
    approved_only: bool
    unions: UnionCounts
    members: stats.MemberFigures
    activities: stats.Totals
    welfare: stats.Totals
    honors: stats.Totals
    meetings: stats.Totals
    # Money collected (donations) or obtained (relief applied for) for members: not welfare spending.
    obtained: stats.Totals = field(default_factory=lambda: stats.Totals([]))

    @property
    def join_rate(self) -> str:
        workforce = self.unions.workforce
        return percent(self.members.in_register, workforce) if workforce else ""


def union_counts(federation: Branch, year: int, *, approved_only: bool) -> UnionCounts:
    approved = Q(pk__in=approved_branch_ids(year))
    counted = approved if approved_only else Q()
    figures = unions_in(federation).aggregate(
        total=Count("id"),
        founded_in_year=Count("id", filter=Q(founded_on__year=year)),
        with_approved_summary=Count("id", filter=approved),
        counted=Count("id", filter=counted),
        workforce=Coalesce(Sum("workforce", filter=counted), 0),
    )
    return UnionCounts(**figures)


def area_totals(federation: Branch, year: int, *, approved_only: bool = True) -> AreaTotals:
    """The area's figures: approved ones from the roll-up (a read of the federation's own rows),
    or every record, aggregated live."""
    if approved_only:
        return rolled_up_totals(federation, year)
    return live_area_totals(federation, year, approved_only=False)


def _rolled_up(rows) -> dict[tuple[str, str], AreaFigure]:
    return {(row.metric, row.key): row for row in rows}


def _figure_totals(figures, metric, choices, make_row, extra_fields):
    rows = [make_row(value, label, figures[(metric, value)]) for value, label in choices if (metric, value) in figures and figures[(metric, value)].count]
    extra = {name: sum((getter(r) for r in rows), start) for name, (getter, start) in extra_fields.items()}
    return stats.Totals(rows, count=sum(r.count for r in rows), extra=extra)


def rolled_up_totals(federation: Branch, year: int) -> AreaTotals:
    """The approved totals from AreaFigure: two queries, whatever the number of unions."""
    figures = _rolled_up(AreaFigure.objects.filter(branch=federation, contributor=None, year=year))
    live = unions_in(federation).aggregate(total=Count("id"), founded_in_year=Count("id", filter=Q(founded_on__year=year)))
    counted = figures.get(("unions", "counted"))
    unions = UnionCounts(
        total=live["total"], founded_in_year=live["founded_in_year"],
        with_approved_summary=counted.count if counted else 0, counted=counted.count if counted else 0,
        workforce=counted.quantity if counted else 0,
    )

    def member(key):
        row = figures.get(("members", key))
        return row.count if row else 0

    members = stats.MemberFigures(
        in_register=member("in_register"), female=member("female"), retired=member("retired"),
        hardship=member("hardship"), joined_in_period=member("joined"),
    )
    activities = _figure_totals(
        figures, "activity", ActivityCategory.choices,
        lambda v, label, f: stats.CategoryRow(v, label, f.count, f.quantity),
        {"participants": (lambda r: r.participants, 0)},
    )
    welfare = _figure_totals(
        figures, "welfare", WelfareReason.choices,
        lambda v, label, f: stats.ReasonRow(v, label, f.count, f.quantity, f.cash, f.goods),
        {"headcount": (lambda r: r.headcount, 0), "cash": (lambda r: r.cash, ZERO), "goods": (lambda r: r.goods, ZERO)},
    )
    welfare.extra["amount"] = welfare.extra["cash"] + welfare.extra["goods"]
    money = {"headcount": (lambda r: r.headcount, 0), "cash": (lambda r: r.cash, ZERO), "goods": (lambda r: r.goods, ZERO)}
    obtained = _figure_totals(
        figures, "obtained", FundSource.choices,
        lambda v, label, f: stats.SourceRow(v, label, f.count, f.quantity, f.cash, f.goods), money,
    )
    obtained.extra["amount"] = obtained.extra["cash"] + obtained.extra["goods"]
    honors = _figure_totals(figures, "honor", HonorLevel.choices, lambda v, label, f: stats.LevelRow(v, label, f.count), {})
    meetings = _figure_totals(
        figures, "meeting", MeetingKind.choices,
        lambda v, label, f: stats.MeetingRow(v, label, f.count, f.quantity, f.extra),
        {"proposals_received": (lambda r: r.proposals_received, 0), "proposals_accepted": (lambda r: r.proposals_accepted, 0)},
    )
    return AreaTotals(federation, year, True, unions, members, activities, welfare, honors, meetings, obtained)


def live_area_totals(federation: Branch, year: int, *, approved_only: bool) -> AreaTotals:
    """The same figures aggregated from the records themselves (the full recomputation)."""
    period = Period.year(year)
    scope = records_scope(federation, year, approved_only=approved_only)
    return AreaTotals(
        federation=federation,
        year=year,
        approved_only=approved_only,
        unions=union_counts(federation, year, approved_only=approved_only),
        members=stats.member_figures(scope, period),
        activities=stats.activities_by_category(scope, period),
        welfare=stats.welfare_by_reason(scope, period),
        honors=stats.honors_by_level(scope, period),
        meetings=stats.meetings_by_kind(scope, period),
        obtained=stats.obtained_by_source(scope, period),
    )


@dataclass
class ChildRow:
    branch: Branch | None  # None: the federation's own records
    unions: int = 0
    members: int = 0
    activities: int = 0
    participants: int = 0
    welfare_headcount: int = 0
    welfare_amount: Decimal = ZERO
    honors: int = 0
    proposals_received: int = 0
    proposals_accepted: int = 0


def totals_by_child(federation: Branch, year: int, *, approved_only: bool = True) -> list[ChildRow]:
    """One row per direct child unit (and one for the federation's own records)."""
    if approved_only:
        return rolled_up_by_child(federation, year)
    return live_by_child(federation, year, approved_only=False)


def rolled_up_by_child(federation: Branch, year: int) -> list[ChildRow]:
    """The children's approved totals from AreaFigure: three indexed queries."""
    children = list(Branch.objects.filter(parent=federation).exclude(kind=BranchKind.SUBUNIT).order_by("path"))
    rows = {child.pk: ChildRow(child) for child in children}
    own = ChildRow(None)
    # Two indexed reads (children's totals, the federation's own contribution), not one OR that
    # would scan the whole table.
    children_totals = AreaFigure.objects.filter(year=year, contributor=None, branch_id__in=list(rows))
    own_contribution = AreaFigure.objects.filter(year=year, contributor=federation)
    for figure in [*children_totals, *own_contribution]:
        row = own if figure.contributor_id == federation.pk else rows.get(figure.branch_id)
        if row is None:
            continue
        if figure.metric == "unions":
            row.unions += figure.count
        elif (figure.metric, figure.key) == ("members", "in_register"):
            row.members += figure.count
        elif figure.metric == "activity":
            row.activities += figure.count
            row.participants += figure.quantity
        elif figure.metric == "welfare":
            row.welfare_headcount += figure.quantity
            row.welfare_amount += figure.cash + figure.goods
        elif figure.metric == "honor":
            row.honors += figure.count
        elif figure.metric == "meeting":
            row.proposals_received += figure.quantity
            row.proposals_accepted += figure.extra
    result = [rows[child.pk] for child in children]
    if own.activities or own.members or own.welfare_headcount or own.honors or own.proposals_received:
        result.append(own)
    return result


def live_by_child(federation: Branch, year: int, *, approved_only: bool) -> list[ChildRow]:
    """The drill-down aggregated from the records themselves: six queries."""
    period = Period.year(year)
    scope = records_scope(federation, year, approved_only=approved_only)
    children = list(Branch.objects.filter(parent=federation).exclude(kind=BranchKind.SUBUNIT).order_by("path"))
    rows = {child.path: ChildRow(child) for child in children}
    own = ChildRow(None)

    def row_for(prefix: str) -> ChildRow | None:
        return own if prefix == federation.path else rows.get(prefix)

    def grouped(queryset, path_field: str, **aggregates):
        return queryset.annotate(child=child_prefix(path_field, federation)).values("child").annotate(**aggregates)

    counted_unions = unions_in(federation)
    if approved_only:
        counted_unions = counted_unions.filter(pk__in=approved_branch_ids(year))
    for entry in grouped(counted_unions, "path", n=Count("id")):
        if (row := row_for(entry["child"])) is not None:
            row.unions = entry["n"]
    for entry in grouped(Member.objects.filter(scope, status="active"), "branch__path", n=Count("id")):
        if (row := row_for(entry["child"])) is not None:
            row.members = entry["n"]
    activities = Activity.objects.filter(scope).in_period(period.start, period.end)
    for entry in grouped(activities, "branch__path", n=Count("id"), p=Coalesce(Sum("participants"), 0)):
        if (row := row_for(entry["child"])) is not None:
            row.activities, row.participants = entry["n"], entry["p"]
    payments = WelfarePayment.objects.filter(scope).filter(stats.paid_by_union()).in_period(period.start, period.end)
    for entry in grouped(payments, "branch__path", h=Coalesce(Sum("headcount"), 0),
                         cash=Coalesce(Sum("cash"), ZERO), goods=Coalesce(Sum("goods_value"), ZERO)):
        if (row := row_for(entry["child"])) is not None:
            row.welfare_headcount, row.welfare_amount = entry["h"], entry["cash"] + entry["goods"]
    for entry in grouped(Honor.objects.filter(scope).in_period(period.start, period.end), "branch__path", n=Count("id")):
        if (row := row_for(entry["child"])) is not None:
            row.honors = entry["n"]
    meetings = Meeting.objects.filter(scope).in_period(period.start, period.end)
    for entry in grouped(meetings, "branch__path", r=Coalesce(Sum("proposals_received"), 0), a=Coalesce(Sum("proposals_accepted"), 0)):
        if (row := row_for(entry["child"])) is not None:
            row.proposals_received, row.proposals_accepted = entry["r"], entry["a"]
    result = [rows[child.path] for child in children]
    if own.activities or own.members or own.welfare_headcount or own.honors or own.proposals_received:
        result.append(own)
    return result
