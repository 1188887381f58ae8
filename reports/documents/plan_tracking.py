"""How far a union got with its plan: every record that carries out a plan item (an activity, a
welfare payment, a meeting, an honour) and the secretary's own marks, read alike.

An item is done in a period when a record of the period, or a mark dated in it, says 已完成; in
progress when only 正在推进 ones do. An item nothing reports on at all still counts as done when
the activity ledger shows an activity of its kind in its months that carries out no other item
(`_shown_by_the_ledger`): records typed in before the plan existed, or imported from Excel (which
has no plan column), would otherwise have a summary list as undone the work it tells of elsewhere. The summary's 计划完成情况, the next plan's carried-over items
and the plan page all ask here, so that every kind of record counts the same everywhere.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q

from ..choices import PlanStatus
from ..models import Activity, Honor, Meeting, PlanItemMark, Report, WelfarePayment


@dataclass(frozen=True)
class LinkedKind:
    """A kind of row that can carry out a plan item: its model, its date field, and what the plan
    page calls it."""

    model: type
    date_field: str
    status_field: str
    label: str


LINKED_KINDS = (
    LinkedKind(Activity, "start_date", "plan_status", "活动"),
    LinkedKind(WelfarePayment, "date", "plan_status", "帮扶慰问"),
    LinkedKind(Meeting, "date", "plan_status", "会议"),
    LinkedKind(Honor, "date", "plan_status", "荣誉"),
    LinkedKind(PlanItemMark, "date", "status", "手动标记"),
)


def _reported(kind: LinkedKind, status: str, start: datetime.date, end: datetime.date) -> Exists:
    return Exists(
        kind.model.objects.filter(
            plan_item=OuterRef("pk"), **{kind.status_field: status, f"{kind.date_field}__range": (start, end)}
        )
    )


def _any_reported(status: str, start: datetime.date, end: datetime.date) -> ExpressionWrapper:
    condition = Q()
    for kind in LINKED_KINDS:
        condition |= Q(_reported(kind, status, start, end))
    return ExpressionWrapper(condition, output_field=BooleanField())


def _unlinked_activities_of_its_kind(start: datetime.date, end: datetime.date):
    """For a plan item (as OuterRef): the activities of its union, category and months, within the
    period, that carry out no plan item."""
    return Activity.objects.filter(
        branch=OuterRef("report__branch"),
        plan_item__isnull=True,
        category=OuterRef("category"),
        start_date__range=(start, end),
        start_date__year=OuterRef("report__year"),
        start_date__month__gte=OuterRef("first_month"),
        start_date__month__lte=OuterRef("last_month"),
    ).exclude(category="")


def _shown_by_the_ledger(start: datetime.date, end: datetime.date) -> Q:
    nothing_reported = ~Q(_reported_any(start, end))
    return nothing_reported & Q(Exists(_unlinked_activities_of_its_kind(start, end)))


def _reported_any(start: datetime.date, end: datetime.date) -> ExpressionWrapper:
    return ExpressionWrapper(
        Q(_any_reported(PlanStatus.DONE, start, end)) | Q(_any_reported(PlanStatus.IN_PROGRESS, start, end)),
        output_field=BooleanField(),
    )


def _done(start: datetime.date, end: datetime.date) -> Q:
    return Q(_any_reported(PlanStatus.DONE, start, end)) | _shown_by_the_ledger(start, end)


def with_progress(items, start: datetime.date, end: datetime.date):
    """Plan items annotated `done` and `in_progress` from what was reported between start and end."""
    return items.annotate(
        done=ExpressionWrapper(_done(start, end), output_field=BooleanField()),
        in_progress=_any_reported(PlanStatus.IN_PROGRESS, start, end),
    )


def undone_in(items, start: datetime.date, end: datetime.date):
    """The items nothing between start and end carried out."""
    return items.exclude(_done(start, end))


@dataclass(frozen=True)
class Step:
    """One report of progress on an item: by which record (or mark), when, and how far."""

    status: str
    kind: str
    what: str
    day: datetime.date

    @property
    def done(self) -> bool:
        return self.status == PlanStatus.DONE

    @property
    def status_label(self) -> str:
        return PlanStatus(self.status).label


def _described(row) -> str:
    if isinstance(row, PlanItemMark):
        return row.note
    if isinstance(row, WelfarePayment):
        return f"{row.get_reason_display()}{row.headcount}人次"
    if isinstance(row, Meeting):
        return f"{row.session}{row.get_kind_display()}"
    return row.title


def steps_by_item(plan: Report) -> dict[str, list[Step]]:
    """For the plan page: each item's key with what carried it out in the plan's year, oldest
    first (one query per kind of record)."""
    start, end = datetime.date(plan.year, 1, 1), datetime.date(plan.year, 12, 31)
    steps: dict[str, list[Step]] = {}
    for kind in LINKED_KINDS:
        rows = kind.model.objects.filter(
            plan_item__report=plan, **{f"{kind.date_field}__range": (start, end)}
        ).select_related("plan_item")
        for row in rows:
            day = getattr(row, kind.date_field)
            status = getattr(row, kind.status_field)
            steps.setdefault(row.plan_item.key, []).append(Step(status, kind.label, _described(row), day))
    _add_ledger_steps(plan, steps, start, end)
    for item_steps in steps.values():
        item_steps.sort(key=lambda s: s.day)
    return steps


LEDGER_KIND = "活动（台账中的同类活动，未对应到事项）"


def _add_ledger_steps(plan: Report, steps: dict[str, list[Step]], start: datetime.date, end: datetime.date) -> None:
    """The items nothing reports on, done by an unlinked activity of their kind and months (the
    rule of `_shown_by_the_ledger`), so that the plan page says what the summary will."""
    waiting = [item for item in plan.plan_items.all() if item.key not in steps and item.category]
    if not waiting:
        return
    activities = list(
        Activity.objects.filter(branch=plan.branch_id, plan_item__isnull=True, start_date__range=(start, end))
        .exclude(category="").order_by("start_date", "pk")
    )
    for item in waiting:
        match = next(
            (a for a in activities if a.category == item.category and item.first_month <= a.start_date.month <= item.last_month),
            None,
        )
        if match is not None:
            steps[item.key] = [Step(PlanStatus.DONE, LEDGER_KIND, match.title, match.start_date)]


def item_status(steps: list[Step]) -> str:
    """done, in_progress or "" (nothing reported)."""
    if any(step.done for step in steps):
        return PlanStatus.DONE
    return PlanStatus.IN_PROGRESS if steps else ""
