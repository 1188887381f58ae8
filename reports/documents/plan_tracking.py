"""How far a union got with its plan: every record that carries out a plan item (an activity, a
welfare payment, a meeting, an honour) and the secretary's own marks, read alike.

An item is done in a period when a record of the period, or a mark dated in it, says 已完成; in
progress when only 正在推进 ones do. The summary's 计划完成情况, the next plan's carried-over items
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


def with_progress(items, start: datetime.date, end: datetime.date):
    """Plan items annotated `done` and `in_progress` from what was reported between start and end."""
    return items.annotate(
        done=_any_reported(PlanStatus.DONE, start, end),
        in_progress=_any_reported(PlanStatus.IN_PROGRESS, start, end),
    )


def undone_in(items, start: datetime.date, end: datetime.date):
    """The items nothing between start and end reported done."""
    return items.exclude(_any_reported(PlanStatus.DONE, start, end))


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
    for item_steps in steps.values():
        item_steps.sort(key=lambda s: s.day)
    return steps


def item_status(steps: list[Step]) -> str:
    """done, in_progress or "" (nothing reported)."""
    if any(step.done for step in steps):
        return PlanStatus.DONE
    return PlanStatus.IN_PROGRESS if steps else ""
