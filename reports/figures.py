"""Every figure the app states about records, declared once.

A figure says which records it counts (a model, and a filter such as "paid by the union"), how it
groups them (by category, reason, level, kind, fund source, or not at all) and what it adds up
for each group (its measures: a count, a sum of participants, of cash...), with the Chinese words
and units a page or a document uses for them.

compute() turns any figure into grouped queries over a scope: one branch's own records, or a set
of branches grouped by branch. The dashboard, the drafted summaries (through stats.py), the
roll-up of approved figures and the federation totals all read figures through here, so a figure
added to REGISTRY reaches each of them. Counting rules: 人次 adds up participations
without de-duplication; money is kept in 元 with two decimals.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce

from .choices import (
    ActivityCategory,
    FundSource,
    Gender,
    HonorLevel,
    MeetingKind,
    MemberStatus,
    WelfareReason,
)
from .models import Activity, Honor, Meeting, Member, WelfarePayment
from .periods import Period

ZERO = Decimal("0.00")

Values = dict[str, int | Decimal]


# What a figure's statement reads as: one row per group, in choice order, and the sums over them.


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


class _Money:
    """Rows of payments: cash and goods, and the two together."""

    cash: Decimal
    goods: Decimal

    @property
    def amount(self) -> Decimal:
        return self.cash + self.goods


@dataclass(frozen=True)
class ReasonRow(_Money):
    reason: str
    label: str
    count: int
    headcount: int
    cash: Decimal
    goods: Decimal


@dataclass(frozen=True)
class SourceRow(_Money):
    """Money collected or obtained for members, by whose money it was."""

    source: str
    label: str
    count: int
    headcount: int
    cash: Decimal
    goods: Decimal


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


# The declarations.


@dataclass(frozen=True)
class Measure:
    """One number of a figure: its name (as rows, totals and stored figures spell it), its words,
    and the aggregate that computes it for a period."""

    name: str
    label: str
    unit: str
    aggregate: Callable[[Period], object]
    zero: int | Decimal = 0


def counted(name: str = "count", label: str = "次数", unit: str = "次", where: Callable[[Period], Q] | None = None) -> Measure:
    """The number of records (those matching `where`, when given)."""
    return Measure(name, label, unit, lambda period: Count("id", filter=where(period) if where else None))


def summed(source: str, name: str, label: str, unit: str) -> Measure:
    return Measure(name, label, unit, lambda period: Coalesce(Sum(source), 0))


def money(source: str, name: str, label: str) -> Measure:
    return Measure(name, label, "元", lambda period: Coalesce(Sum(source), ZERO), zero=ZERO)


@dataclass(frozen=True)
class Figure:
    """A figure: which records, grouped how, adding up what.

    A grouped figure reads as Totals of `row(group value, label, **measures)`, one row per choice
    that has records; an ungrouped one as `row(**measures)`. `combined` names totals made of
    several measures (the amount of money is cash and goods together)."""

    name: str
    # What pages, drafted summaries and federation totals call its statement (context key, attribute).
    reads_as: str
    label: str
    model: type
    measures: tuple[Measure, ...]
    row: type
    group_by: str = ""
    choices: tuple[tuple[str, str], ...] = ()
    only: Callable[[], Q] = Q
    # Dated records count within the period; members are counted as the register stands.
    dated: bool = True
    # Whether drafted summaries' facts carry the grouped statement (documents/facts.py).
    in_drafts: bool = True
    combined: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def measure_names(self) -> list[str]:
        return [m.name for m in self.measures]


def paid_by_union() -> Q:
    """Payments of the union's own money (its funds, the administration's, an upper union's).

    Welfare money is the union's only when the union paid it: staff donations it collected and
    relief it applied for are a figure of their own (obtained), never added to its payments."""
    return Q(fund_source__in=FundSource.paid_by_union())


def _active(period: Period) -> Q:
    return Q(status=MemberStatus.ACTIVE)


MEMBERS = Figure(
    "members", "members", "会员", Member,
    (
        counted("in_register", "在册会员", "人", _active),
        counted("female", "女会员", "人", lambda period: _active(period) & Q(gender=Gender.FEMALE)),
        counted("retired", "退休会员", "人", lambda period: Q(status=MemberStatus.RETIRED)),
        counted("hardship", "困难职工", "人", lambda period: _active(period) & Q(is_hardship=True)),
        counted("joined_in_period", "新入会", "人",
                lambda period: Q(joined_on__gte=period.start, joined_on__lte=period.end)),
    ),
    row=MemberFigures, dated=False,
)

ACTIVITIES = Figure(
    "activity", "activities", "活动", Activity,
    (counted(label="活动", unit="次"), summed("participants", "participants", "参加", "人次")),
    row=CategoryRow, group_by="category", choices=tuple(ActivityCategory.choices),
)

_PAYMENTS = (
    counted(label="笔数", unit="笔"),
    summed("headcount", "headcount", "受益", "人次"),
    money("cash", "cash", "慰问金"),
    money("goods_value", "goods", "慰问品折合"),
)

WELFARE = Figure(
    "welfare", "welfare", "帮扶慰问（工会支出）", WelfarePayment, _PAYMENTS,
    row=ReasonRow, group_by="reason", choices=tuple(WelfareReason.choices), only=paid_by_union,
    combined={"amount": ("cash", "goods")},
)

OBTAINED = Figure(
    "obtained", "obtained", "代收代转与争取的帮扶资金", WelfarePayment, _PAYMENTS,
    row=SourceRow, group_by="fund_source", choices=tuple(FundSource.choices), only=lambda: ~paid_by_union(),
    in_drafts=False,  # a drafted summary tells this money payment by payment (facts.payment_list)
    combined={"amount": ("cash", "goods")},
)

HONORS = Figure(
    "honor", "honors", "荣誉", Honor, (counted(label="荣誉", unit="项"),),
    row=LevelRow, group_by="level", choices=tuple(HonorLevel.choices),
)

MEETINGS = Figure(
    "meeting", "meetings", "会议", Meeting,
    (
        counted(label="会议", unit="次"),
        summed("proposals_received", "proposals_received", "收到提案", "件"),
        summed("proposals_accepted", "proposals_accepted", "立案", "件"),
    ),
    row=MeetingRow, group_by="kind", choices=tuple(MeetingKind.choices),
)

REGISTRY: dict[str, Figure] = {f.name: f for f in (MEMBERS, ACTIVITIES, WELFARE, OBTAINED, HONORS, MEETINGS)}

# Insurance premiums (互助保障) are an enrolment, not a visit: the 帮扶慰问 (how many visits, 人次,
# 元) of a union or of a federation's area is told without them, on every page, export and drafted
# summary, and the premiums on their own where they are told at all.
NOT_A_VISIT = frozenset({WelfareReason.MUTUAL_INSURANCE})


@dataclass(frozen=True)
class PaymentSum(_Money):
    """Some of the WELFARE statement's rows added up."""

    count: int
    headcount: int
    cash: Decimal
    goods: Decimal


def _added_up(rows) -> PaymentSum:
    rows = list(rows)
    return PaymentSum(
        count=sum(row.count for row in rows),
        headcount=sum(row.headcount for row in rows),
        cash=sum((row.cash for row in rows), ZERO),
        goods=sum((row.goods for row in rows), ZERO),
    )


def is_visit(reason: str) -> bool:
    return reason not in NOT_A_VISIT


def visits(welfare_rows) -> PaymentSum:
    """The 帮扶慰问 of the WELFARE statement's rows (ReasonRow): the one definition pages,
    exports and drafted summaries state."""
    return _added_up(row for row in welfare_rows if is_visit(row.reason))


def premiums(welfare_rows) -> PaymentSum:
    """The insurance premiums (互助保障) among the WELFARE statement's rows, told on their own."""
    return _added_up(row for row in welfare_rows if not is_visit(row.reason))


# Computing.


def compute(figure: Figure, records_of: Q, period: Period, *, per=None) -> dict[tuple[object, str], Values]:
    """The figure's measures over the records selected by `records_of` (a Q over the record's
    branch), keyed by (part, group value), in one grouped query. The part is None for one scope;
    with `per`, each record's value of it: a field ("branch_id") or an expression (the child unit
    a record lies under). The group value is "" for an ungrouped figure."""
    records = figure.model.objects.filter(records_of).filter(figure.only())
    if figure.dated:
        records = records.in_period(period.start, period.end)
    if per is not None and not isinstance(per, str):
        records, per = records.annotate(scope_part=per), "scope_part"
    aggregates = {m.name: m.aggregate(period) for m in figure.measures}
    keys = [k for k in (per, figure.group_by) if k]
    if not keys:
        return {(None, ""): records.aggregate(**aggregates)}
    return {
        (row[per] if per else None, row[figure.group_by] if figure.group_by else ""):
            {name: row[name] for name in figure.measure_names}
        for row in records.values(*keys).annotate(**aggregates)
    }


def statement(figure: Figure, by_group: dict[str, Values]):
    """What a page or a document states: Totals of rows for a grouped figure (groups without a
    count left out), the row itself for an ungrouped one."""
    if not figure.group_by:
        return figure.row(**{m.name: by_group.get("", {}).get(m.name, m.zero) for m in figure.measures})
    rows = [
        figure.row(value, label, **{name: by_group[value][name] for name in figure.measure_names})
        for value, label in figure.choices
        if by_group.get(value, {}).get("count")
    ]
    extra = {m.name: sum((getattr(r, m.name) for r in rows), m.zero) for m in figure.measures if m.name != "count"}
    for name, parts in figure.combined.items():
        extra[name] = sum((extra[p] for p in parts[1:]), extra[parts[0]])
    return Totals(rows, count=sum(r.count for r in rows), extra=extra)


def of_scope(figure: Figure, records_of: Q, period: Period):
    """The figure's statement for one scope (a branch's records, or a federation's subtree)."""
    return statement(figure, {group: values for (_, group), values in compute(figure, records_of, period).items()})


def every_statement(records_of: Q, period: Period, *, for_drafts: bool = False) -> dict[str, object]:
    """Every registered figure's statement for one scope (those drafted summaries carry, if
    `for_drafts`), by the name it is read as."""
    return {
        figure.reads_as: of_scope(figure, records_of, period)
        for figure in REGISTRY.values()
        if figure.in_drafts or not for_drafts
    }


class FiguresByName:
    """For the holders of a scope's figures (drafting facts, area totals): each registered figure
    read as an attribute by the name it is read as (`facts.activities`, `totals.welfare`), from
    one `figures` dict, so that a new figure needs no field of its own anywhere."""

    figures: dict[str, object]

    def __getattr__(self, name: str):
        held = self.__dict__.get("figures")
        if held is not None and name in held:
            return held[name]
        raise AttributeError(f"{type(self).__name__} has no figure or attribute {name!r}")
