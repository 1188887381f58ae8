"""The figures of a federation's subtree for a year, for the totals page and its own summary.

Every figure is one grouped query over the subtree's records (reports/figures.py computes it); the
drill-down groups the same queries by the child unit each record lies under.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from .. import figures
from ..choices import BranchKind
from ..models import AreaFigure, Branch
from ..numbers import percent
from ..periods import Period
from . import rollup
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
class AreaTotals(figures.FiguresByName):
    federation: Branch
    year: int
    approved_only: bool
    unions: UnionCounts
    # Every registered figure by the name it is read as: totals.members, .activities, .welfare…
    figures: dict[str, object]

    @property
    def join_rate(self) -> str:
        workforce = self.unions.workforce
        return percent(self.members.in_register, workforce) if workforce else ""

    @property
    def visits(self) -> figures.PaymentSum:
        """The area's 帮扶慰问, as each union's summary states its own (without insurance premiums)."""
        return figures.visits(self.welfare.rows)

    @property
    def premiums(self) -> figures.PaymentSum:
        """The area's 互助保障, told beside the visits."""
        return figures.premiums(self.welfare.rows)


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


def _stored(rows) -> dict[tuple[str, str], dict]:
    return {(row.metric, row.key): rollup.stored_values(row) for row in rows}


def rolled_up_totals(federation: Branch, year: int) -> AreaTotals:
    """The approved totals from AreaFigure: two queries, whatever the number of unions."""
    stored = _stored(AreaFigure.objects.filter(branch=federation, contributor=None, year=year))
    live = unions_in(federation).aggregate(total=Count("id"), founded_in_year=Count("id", filter=Q(founded_on__year=year)))
    counted = stored.get((rollup.UNIONS, ""), rollup.UNION_MEASURES)
    unions = UnionCounts(
        total=live["total"], founded_in_year=live["founded_in_year"],
        with_approved_summary=counted["counted"], counted=counted["counted"], workforce=counted["workforce"],
    )
    statements = {
        figure.reads_as: figures.statement(figure, {key: values for (metric, key), values in stored.items() if metric == figure.name})
        for figure in figures.REGISTRY.values()
    }
    return AreaTotals(federation, year, True, unions, statements)


def live_area_totals(federation: Branch, year: int, *, approved_only: bool) -> AreaTotals:
    """The same figures aggregated from the records themselves (the full recomputation)."""
    period = Period.year(year)
    scope = records_scope(federation, year, approved_only=approved_only)
    return AreaTotals(
        federation=federation,
        year=year,
        approved_only=approved_only,
        unions=union_counts(federation, year, approved_only=approved_only),
        figures=figures.every_statement(scope, period),
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

    # Each column of the drill-down: the (figure, measure) pairs it adds up. The welfare columns
    # add up visits only (see counts_in_columns), as the totals' 帮扶慰问 does.
    COLUMNS: ClassVar[dict[str, tuple[tuple[str, str], ...]]] = {
        "unions": (("unions", "counted"),),
        "members": (("members", "in_register"),),
        "activities": (("activity", "count"),),
        "participants": (("activity", "participants"),),
        "welfare_headcount": (("welfare", "headcount"),),
        "welfare_amount": (("welfare", "cash"), ("welfare", "goods")),
        "honors": (("honor", "count"),),
        "proposals_received": (("meeting", "proposals_received"),),
        "proposals_accepted": (("meeting", "proposals_accepted"),),
    }

    @classmethod
    def counted_figures(cls) -> list[figures.Figure]:
        """The registered figures the columns count."""
        named = {metric for sources in cls.COLUMNS.values() for metric, _ in sources}
        return [figure for figure in figures.REGISTRY.values() if figure.name in named]

    def add(self, metric: str, key: str, values: dict) -> None:
        """Add a stored figure's values (of one group: a reason, a category…) to the columns
        that count them."""
        if not counts_in_columns(metric, key):
            return
        for column, sources in self.COLUMNS.items():
            for source_metric, measure in sources:
                if source_metric == metric:
                    setattr(self, column, getattr(self, column) + values[measure])


def counts_in_columns(metric: str, key: str) -> bool:
    """Whether a figure's group is added to the drill-down's columns: every group but the welfare
    payments that are no visit (insurance premiums), computed on read from the per-reason rows."""
    return metric != figures.WELFARE.name or figures.is_visit(key)


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
        if row is not None:
            row.add(figure.metric, figure.key, rollup.stored_values(figure))
    result = [rows[child.pk] for child in children]
    if own.activities or own.members or own.welfare_headcount or own.honors or own.proposals_received:
        result.append(own)
    return result


def live_by_child(federation: Branch, year: int, *, approved_only: bool) -> list[ChildRow]:
    """The drill-down aggregated from the records themselves: a query for the unions and one per
    figure the columns count."""
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
    for figure in ChildRow.counted_figures():
        per_child = figures.compute(figure, scope, period, per=child_prefix("branch__path", federation))
        for (prefix, group), values in per_child.items():
            if (row := row_for(prefix)) is not None:
                row.add(figure.name, group, values)
    result = [rows[child.path] for child in children]
    if own.activities or own.members or own.welfare_headcount or own.honors or own.proposals_received:
        result.append(own)
    return result
