"""The reporting board: every union of a federation's subtree with the state of its plan and
summary for a year, submission and approval dates, and whether each is overdue.

One annotated query lists the unions (subqueries fetch each document's latest state), so the page
costs the same number of queries for 3 unions or 3,000.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery

from ..choices import BranchKind, ReportKind, ReportState
from ..models import Branch, ReportingDeadlines, Revision

KINDS = (ReportKind.PLAN, ReportKind.SUMMARY)
STATE_LABELS = {"none": "未起草", **dict(ReportState.choices)}


def deadlines_of(federation: Branch) -> ReportingDeadlines:
    """The federation's deadlines, or the usual ones (plan by 3月31日, summary by next 1月31日)."""
    try:
        return federation.deadlines
    except ReportingDeadlines.DoesNotExist:
        return ReportingDeadlines(branch=federation)


def _revisions(kind: str, year: int):
    return Revision.objects.of_annual(kind, year).filter(report__branch=OuterRef("pk"))


def board_queryset(federation: Branch, year: int):
    """The subtree's unions (and sub-federations) with, for the plan and the summary of `year`:
    <kind>_state, <kind>_submitted, <kind>_approved."""
    rows = Branch.objects.subtree_of(federation).exclude(pk=federation.pk).exclude(kind=BranchKind.SUBUNIT)
    for kind in KINDS:
        latest = _revisions(kind, year).order_by("-number")
        rows = rows.annotate(
            **{
                f"{kind}_state": Subquery(latest.values("state")[:1]),
                f"{kind}_submitted": Subquery(latest.exclude(submitted_at=None).values("submitted_at")[:1]),
                f"{kind}_approved": Subquery(
                    _revisions(kind, year).approved().order_by("-number").values("approved_at")[:1]
                ),
            }
        )
    return rows.order_by("path")


def due_dates(federation: Branch, year: int) -> dict[str, datetime.date]:
    deadlines = deadlines_of(federation)
    return {ReportKind.PLAN: deadlines.plan_due(year), ReportKind.SUMMARY: deadlines.summary_due(year)}


def overdue_q(kind: str, due: datetime.date, today: datetime.date) -> Q:
    """Past the deadline and not handed in: nothing drafted, still a draft, or returned."""
    if today <= due:
        return Q(pk__in=[])
    state = f"{kind}_state"
    return Q(**{f"{state}__isnull": True}) | Q(**{f"{state}__in": ReportState.editable()})


@dataclass(frozen=True)
class BoardFilters:
    plan_state: str = ""  # "" any; "none" not drafted; or a ReportState value
    summary_state: str = ""
    overdue: str = ""  # "" any; "plan"; "summary"; "any"
    sector: str = ""


def _state_q(kind: str, value: str) -> Q:
    if not value:
        return Q()
    if value == "none":
        return Q(**{f"{kind}_state__isnull": True})
    return Q(**{f"{kind}_state": value})


def filtered_board(federation: Branch, year: int, filters: BoardFilters, today: datetime.date):
    rows = board_queryset(federation, year)
    dues = due_dates(federation, year)
    rows = rows.filter(_state_q("plan", filters.plan_state), _state_q("summary", filters.summary_state))
    if filters.sector:
        rows = rows.filter(sector=filters.sector)
    if filters.overdue in ("plan", "summary"):
        rows = rows.filter(overdue_q(filters.overdue, dues[filters.overdue], today))
    elif filters.overdue == "any":
        rows = rows.filter(overdue_q("plan", dues["plan"], today) | overdue_q("summary", dues["summary"], today))
    return rows


def state_counts(federation: Branch, year: int) -> dict[str, dict[str, int]]:
    """How many unions are in each state, per kind (two grouped queries)."""
    counts = {}
    for kind in KINDS:
        grouped = board_queryset(federation, year).order_by().values(f"{kind}_state").annotate(n=Count("id"))
        counts[kind] = {(row[f"{kind}_state"] or "none"): row["n"] for row in grouped}
    return counts


def is_overdue(row, kind: str, due: datetime.date, today: datetime.date) -> bool:
    state = getattr(row, f"{kind}_state")
    return today > due and (state is None or state in ReportState.editable())
